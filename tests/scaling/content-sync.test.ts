import { describe, expect, it } from 'vitest';
import { contentChanged, onContentChange, type ContentChange } from '../../src/lib/server/content-events';
import { startContentSync } from '../../src/lib/server/content-sync';
import { createTestDb } from '../helpers/db';

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
