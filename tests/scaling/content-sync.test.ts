import { describe, expect, it } from 'vitest';
import { contentChanged, onContentChange, type ContentChange } from '../../src/lib/server/content-events';
import { decodeMessage, encodeChange, startContentSync } from '../../src/lib/server/content-sync';
import { createTestDb } from '../helpers/db';

describe('encodeChange', () => {
	it('splits a big import into messages under PostgreSQL’s 8000-byte NOTIFY limit, losing no id', () => {
		const episodeIds = Array.from({ length: 5000 }, (_, i) => 2_000_000_000 + i);
		const questionIds = [1, 2, 3];
		const messages = encodeChange('instance-a', { podcastIds: [7], episodeIds, questionIds });
		expect(messages.length).toBeGreaterThan(1);
		for (const m of messages) expect(Buffer.byteLength(m)).toBeLessThan(8000);
		const decoded = messages.map((m) => decodeMessage(m)!);
		expect(decoded.every((d) => d.from === 'instance-a')).toBe(true);
		expect(decoded.flatMap((d) => d.change.episodeIds ?? [])).toEqual(episodeIds);
		expect(decoded.flatMap((d) => d.change.podcastIds ?? [])).toEqual([7]);
		expect(decoded.flatMap((d) => d.change.questionIds ?? [])).toEqual(questionIds);
	});

	it('sends nothing for a change that touched nothing', () => {
		expect(encodeChange('a', {})).toEqual([]);
		expect(encodeChange('a', { episodeIds: [] })).toEqual([]);
	});
});

describe('decodeMessage', () => {
	it('ignores payloads that are not change messages', () => {
		for (const payload of ['', 'hello', '{}', '{"from":1,"change":{}}', '{"from":"a","change":{"episodeIds":["1"]}}', '{"from":"a","change":null}']) {
			expect(decodeMessage(payload), payload).toBeNull();
		}
		expect(decodeMessage('{"from":"a","change":{"episodeIds":[1],"other":[2]}}')).toEqual({ from: 'a', change: { episodeIds: [1] } });
	});
});

describe('startContentSync on PGlite', () => {
	it('does nothing (one process owns the database), and local changes still reach local subscribers', async () => {
		const t = await createTestDb('pglite');
		const seen: ContentChange[] = [];
		const unsubscribe = onContentChange((change, { remote }) => void (remote || seen.push(change)));
		try {
			const sync = await startContentSync(t.handle, { listen: true });
			await contentChanged({ episodeIds: [1] });
			await sync.stop();
			expect(seen).toEqual([{ episodeIds: [1] }]);
		} finally {
			unsubscribe();
			await t.close();
		}
	});
});
