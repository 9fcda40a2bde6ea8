/**
 * The editor's command line (`npm run editor -- <command>`): the same functions as the pages, on the database the
 * script opens. Returns what to print; an EditorError (bad input, nothing changed) is for the caller to print.
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { podcasts } from '../db/schema';
import { listAsked } from './asked';
import { pinCitation, reorderCitations, unpinCitation } from './citations';
import { deleteEpisode, deleteShow, hideEpisode, hideShow } from './episodes';
import { EditorError } from './errors';
import { listChanges } from './log';
import { createQuestion, editQuestion, mergeQuestions, removeQuestion, writeAnswer } from './questions';
import { editSegment } from './segments';
import { parseSeconds } from './text';
import { findQuestionId, getEpisodeForEditor, getQuestionForEditor, getShowForEditor, listQuestionsForEditor, listShowsForEditor } from './views';

export const EDITOR_USAGE = `usage: npm run editor -- <command>

  question list [words]                          questions (matching the words), with their numbers
  question show <question>                       a question's wording, answer and citations
  question create "<text>" [--alt "<phrasing>"]... [--featured] [--answer "<text>"]
  question edit <question> [--text "<text>"] [--alt "<phrasing>"]... [--featured | --not-featured]
                           [--answer "<text>" | --no-answer]
  question merge <question> <into question>      moves its citations and wording over, deletes it
  question delete <question> --yes
  pin <question> <segment> [--from <s> --to <s>] pins a segment (optionally the moment inside it)
  unpin <question> <segment>
  reorder <question> <segment>,<segment>,...     the order of the pinned citations
  segment edit <segment> [--title "<t>"] [--summary "<s>"] [--start <s>] [--end <s>]
  shows                                          every show, with its number
  show episodes <show>                           a show's episodes, with their numbers
  show hide|unhide <show>                        every episode of the show
  show delete <show> --yes                       the show with everything that depends on it
  episode segments <episode>                     an episode's segments, with their numbers
  episode hide|unhide <episode>
  episode delete <episode> --yes
  asked list [--limit <n>]                       asked but not answered well, most asked first
  asked promote "<normalized>" [--text "<wording>"]
  log [--limit <n>]                              the change log, newest first

<question> is a number or a slug; <show> a number or a slug; times in seconds or m:ss.`;

const OPTIONS = {
	alt: { type: 'string', multiple: true },
	featured: { type: 'boolean' },
	'not-featured': { type: 'boolean' },
	answer: { type: 'string' },
	'no-answer': { type: 'boolean' },
	text: { type: 'string' },
	title: { type: 'string' },
	summary: { type: 'string' },
	start: { type: 'string' },
	end: { type: 'string' },
	from: { type: 'string' },
	to: { type: 'string' },
	limit: { type: 'string' },
	yes: { type: 'boolean' },
	help: { type: 'boolean', short: 'h' }
} as const;

/** Runs one editor command; returns the lines to print. */
export async function runEditorCommand(db: Db, argv: string[]): Promise<string> {
	let parsed;
	try {
		parsed = parseArgs({ args: argv.filter((a) => a !== '--'), options: OPTIONS, allowPositionals: true, strict: true });
	} catch (e) {
		throw new EditorError(`${(e as Error).message}\n\n${EDITOR_USAGE}`);
	}
	const { values: o, positionals: p } = parsed;
	if (o.help || !p.length) return EDITOR_USAGE;
	const [command, sub, a, b] = p;
	const need = (value: string | undefined, what: string) => {
		if (value === undefined || value === '') throw new EditorError(`give ${what}.\n\n${EDITOR_USAGE}`);
		return value;
	};
	const id = (value: string | undefined, what: string) => {
		const text = need(value, what);
		if (!/^\d{1,9}$/.test(text)) throw new EditorError(`${what} must be a number (got "${text}").`);
		return Number(text);
	};
	const question = async (value: string | undefined) => {
		const ref = need(value, 'the question (its number or slug)');
		const found = await findQuestionId(db, ref);
		if (!found) throw new EditorError(`there is no question "${ref}".`);
		return found;
	};
	const show = async (value: string | undefined) => {
		const ref = need(value, 'the show (its number or slug)');
		const [row] = await db
			.select({ id: podcasts.id })
			.from(podcasts)
			.where(/^\d{1,9}$/.test(ref) ? eq(podcasts.id, Number(ref)) : eq(podcasts.slug, ref));
		if (!row) throw new EditorError(`there is no show "${ref}".`);
		return row.id;
	};
	const confirm = (what: string) => {
		if (!o.yes) throw new EditorError(`add --yes to delete ${what}.`);
	};
	const limit = o.limit === undefined ? undefined : id(o.limit, '--limit');

	switch (`${command} ${command === 'pin' || command === 'unpin' || command === 'reorder' || command === 'shows' || command === 'log' ? '' : (sub ?? '')}`.trim()) {
		case 'question list': {
			const rows = await listQuestionsForEditor(db, p.slice(2).join(' '));
			return rows.map((q) => `${q.id}\t${q.origin}\t${q.citations} cited\t${q.text}`).join('\n') || 'No question matches.';
		}
		case 'question show': {
			const page = (await getQuestionForEditor(db, await question(a)))!;
			const q = page.question;
			return [
				`${q.id} /questions/${q.slug} (${q.origin}${q.featured ? ', featured' : ''}${q.editedAt ? ', edited' : ''})`,
				q.text,
				...q.alternatives.map((alt) => `  also: ${alt}`),
				q.answer ? `answer: ${q.answer}` : 'no editorial answer',
				...page.citations.map(
					(c) =>
						`[${c.rank}] segment ${c.segmentId} (${c.origin}) ${c.segment.title} · ${c.episode.title} · ${c.show.title}` +
						(c.startSeconds !== null ? ` · moment ${c.startSeconds}-${c.endSeconds} s` : '')
				)
			].join('\n');
		}
		case 'question create': {
			const created = await createQuestion(db, { text: need(a, 'the question’s text'), alternatives: o.alt, featured: o.featured, answer: o.answer });
			return `created question ${created.id} at /questions/${created.slug}`;
		}
		case 'question edit': {
			const qid = await question(a);
			const featured = o.featured ? true : o['not-featured'] ? false : undefined;
			if (o.text !== undefined || o.alt !== undefined || featured !== undefined) await editQuestion(db, qid, { text: o.text, alternatives: o.alt, featured });
			if (o.answer !== undefined || o['no-answer']) await writeAnswer(db, qid, o['no-answer'] ? null : o.answer!);
			return `saved question ${qid}`;
		}
		case 'question merge': {
			const from = await question(a);
			const into = await question(b);
			await mergeQuestions(db, from, into);
			return `merged question ${from} into question ${into}`;
		}
		case 'question delete': {
			const qid = await question(a);
			confirm(`question ${qid}`);
			await removeQuestion(db, qid);
			return `deleted question ${qid}`;
		}
		case 'pin': {
			const qid = await question(sub);
			const segmentId = id(a, 'the segment number');
			const moment = o.from !== undefined || o.to !== undefined ? { startSeconds: parseSeconds(need(o.from, '--from'), '--from'), endSeconds: parseSeconds(need(o.to, '--to'), '--to') } : null;
			await pinCitation(db, qid, segmentId, { moment });
			return `pinned segment ${segmentId} to question ${qid}`;
		}
		case 'unpin': {
			const qid = await question(sub);
			const segmentId = id(a, 'the segment number');
			await unpinCitation(db, qid, segmentId);
			return `unpinned segment ${segmentId} from question ${qid}`;
		}
		case 'reorder': {
			const qid = await question(sub);
			const order = need(a, 'the segments in order, as 12,7,30').split(',').map((s) => id(s.trim(), 'each segment'));
			await reorderCitations(db, qid, order);
			return `reordered question ${qid}'s citations`;
		}
		case 'segment edit': {
			const segmentId = id(a, 'the segment number');
			await editSegment(db, segmentId, {
				title: o.title,
				summary: o.summary,
				startSeconds: o.start === undefined ? undefined : parseSeconds(o.start, '--start'),
				endSeconds: o.end === undefined ? undefined : parseSeconds(o.end, '--end')
			});
			return `saved segment ${segmentId}`;
		}
		case 'shows':
			return (await listShowsForEditor(db)).map((s) => `${s.id}\t${s.slug}\t${s.episodes} episode(s), ${s.hiddenEpisodes} hidden\t${s.title}`).join('\n') || 'No shows.';
		case 'show episodes': {
			const page = (await getShowForEditor(db, await show(a)))!;
			return page.episodes.map((e) => `${e.id}\t${e.hidden ? 'hidden' : 'shown'}\t${e.segments} segment(s)\t${e.title}`).join('\n') || 'No episodes.';
		}
		case 'show hide':
		case 'show unhide': {
			const sid = await show(a);
			await hideShow(db, sid, sub === 'hide');
			return `${sub === 'hide' ? 'hid' : 'unhid'} every episode of show ${sid}`;
		}
		case 'show delete': {
			const sid = await show(a);
			confirm(`show ${sid} with all its episodes`);
			const result = await deleteShow(db, sid);
			return `deleted show ${sid}: ${result.episodesDeleted} episode(s), ${result.questionsDeleted} mined question(s) left without citations`;
		}
		case 'episode segments': {
			const page = await getEpisodeForEditor(db, id(a, 'the episode number'));
			if (!page) throw new EditorError(`there is no episode ${a}.`);
			return page.segments.map((s) => `${s.id}\t${s.startSeconds}-${s.endSeconds} s\t${s.edited ? 'edited' : s.origin}\t${s.title}`).join('\n') || 'No segments.';
		}
		case 'episode hide':
		case 'episode unhide': {
			const eid = id(a, 'the episode number');
			await hideEpisode(db, eid, sub === 'hide');
			return `${sub === 'hide' ? 'hid' : 'unhid'} episode ${eid}`;
		}
		case 'episode delete': {
			const eid = id(a, 'the episode number');
			confirm(`episode ${eid}`);
			const result = await deleteEpisode(db, eid);
			return `deleted episode ${eid}; ${result.questionsDeleted} mined question(s) left without citations deleted`;
		}
		case 'asked list': {
			const rows = await listAsked(db, { limit: limit ?? 50 });
			return rows.map((r) => `${r.count}×\tscore ${r.bestScore?.toFixed(2) ?? 'none'}\t${r.lastAskedAt.slice(0, 10)}\t${r.normalized}\t${r.text}`).join('\n') || 'Nobody has asked anything unmatched yet.';
		}
		case 'asked promote': {
			const created = await promoteWithAnswer(db, need(a, 'the asked question as listed (its normalized form)'), o.text);
			return `promoted to question ${created.id} at /questions/${created.slug} with ${created.citations} citation(s)`;
		}
		case 'log': {
			const rows = await listChanges(db, { limit: limit ?? 50 });
			return rows.map((c) => `${c.at.slice(0, 19).replace('T', ' ')}\t${c.target} ${c.targetId ?? ''}\t${c.action}`).join('\n') || 'No changes yet.';
		}
		default:
			throw new EditorError(`there is no command "${p.join(' ')}".\n\n${EDITOR_USAGE}`);
	}
}

/**
 * Promotes an asked question as the /admin/asked page does: citing the moments its answer quotes now, ranked by the
 * site's search (built from this database, with meaning once the encoder has loaded). Imported when used: the
 * answers wing builds on this one.
 */
async function promoteWithAnswer(db: Db, normalized: string, text: string | undefined) {
	const [{ promoteAskedQuestion }, { SearchService }] = await Promise.all([import('../answers'), import('../search')]);
	const search = await SearchService.build(db);
	await search.semantic.warmUp();
	await search.semantic.syncQuestions(search.index.questions.values());
	return promoteAskedQuestion(db, normalized, { search, text });
}
