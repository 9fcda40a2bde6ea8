import { describe, expect, it } from 'vitest';
import { findQuestionsRelatedToEpisode, findQuestionsRelatedToQuestion, findRelatedQuestions } from '../../src/lib/server/search/related';
import { buildDemoIndex, questionIdBySlug, segmentIdByTitle } from '../search/fixtures';

const index = buildDemoIndex();
const slugs = (ids: number[]) => ids.map((id) => index.questions.get(id)!.slug);

describe('findQuestionsRelatedToQuestion', () => {
	it('never lists the question itself and lists a handful', () => {
		for (const question of index.questions.values()) {
			const related = findQuestionsRelatedToQuestion(index, question.id);
			expect(related).not.toContain(question.id);
			expect(related.length).toBeLessThanOrEqual(5);
			expect(new Set(related).size).toBe(related.length);
		}
	});

	it('puts questions answered by the same segments first, then those from the same episodes', () => {
		const related = slugs(findQuestionsRelatedToQuestion(index, questionIdBySlug(index, 'is-running-a-substitute-for-therapy')));
		// Cited by the same segment ("Why Running Isn't a Substitute for Therapy").
		expect(related.slice(0, 2).sort()).toEqual(['can-running-serve-as-therapy', 'when-should-a-runner-see-a-therapist']);
		// Then questions answered elsewhere in the same episode.
		expect(related.slice(2).every((slug) => index.questions.has(questionIdBySlug(index, slug)))).toBe(true);
	});

	it('falls back to the nearest by text for a question with no links yet', () => {
		const lonely = buildDemoIndex();
		const id = 1000;
		lonely.putQuestion({ id, slug: 'does-jogging-calm-anxiety', text: 'Does jogging calm anxiety before a race?', alternatives: [], featured: false });
		const related = findQuestionsRelatedToQuestion(lonely, id).map((q) => lonely.questions.get(q)!.slug);
		expect(related[0]).toBe('how-do-you-calm-nerves-before-a-race');
	});

	it('keeps a stable order: the same input always gives the same list', () => {
		const id = questionIdBySlug(index, 'how-much-sleep-do-runners-need');
		const first = findQuestionsRelatedToQuestion(index, id);
		expect(findQuestionsRelatedToQuestion(buildDemoIndex(), id)).toEqual(first);
	});
});

describe('findRelatedQuestions', () => {
	it('breaks ties by question id, not by chance', () => {
		const related = findRelatedQuestions(index, { segmentIds: [segmentIdByTitle(index, 'Cortisol, Life Stress and the Training Load')], text: '' });
		expect(related).toEqual([...related].sort((a, b) => a - b));
		expect(slugs(related)).toEqual(expect.arrayContaining(['how-do-you-handle-stress-during-marathon-training', 'can-overtraining-make-stress-worse']));
	});
});

describe('findQuestionsRelatedToEpisode', () => {
	it('lists questions beyond those the episode answers', () => {
		const episode = [...index.episodes.values()].find((e) => e.slug === 'coming-back-from-injury')!;
		const answered = new Set(
			index.segmentsByEpisode.get(episode.id)!.flatMap((s) => [...(index.questionsBySegment.get(s) ?? [])])
		);
		const related = findQuestionsRelatedToEpisode(index, episode.id);
		expect(related.length).toBeGreaterThan(0);
		for (const id of related) expect(answered.has(id)).toBe(false);
		// The questions answered here are also answered by "When Running Is Your Only Coping Tool" in "Running Isn't
		// Therapy": questions from that episode come first.
		const therapy = [...index.episodes.values()].find((e) => e.slug === 'running-isnt-therapy')!;
		const fromTherapy = (id: number) => index.linksByQuestion.get(id)!.some((l) => index.segments.get(l.segmentId)!.episodeId === therapy.id);
		expect(fromTherapy(related[0]!)).toBe(true);
	});
});
