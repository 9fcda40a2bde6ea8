/** The editor's change log (editor_changes): one row per change, written in the change's own transaction. */
import { desc, lt } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { editorChanges } from '../db/schema';

export type ChangeTarget = 'question' | 'citation' | 'segment' | 'episode' | 'show';

/** Records one change in words, inside the transaction that makes it (so a rolled-back change leaves no entry). */
export async function logChange(tx: Tx, target: ChangeTarget, targetId: number | null, action: string): Promise<void> {
	await tx.insert(editorChanges).values({ target, targetId, action: action.slice(0, 2000) });
}

export interface LoggedChange {
	id: number;
	target: string;
	targetId: number | null;
	action: string;
	at: string;
}

/** The newest changes first; `beforeId` pages back through older ones. */
export async function listChanges(db: Db, { limit = 100, beforeId }: { limit?: number; beforeId?: number } = {}): Promise<LoggedChange[]> {
	const rows = await db
		.select()
		.from(editorChanges)
		.where(beforeId ? lt(editorChanges.id, beforeId) : undefined)
		.orderBy(desc(editorChanges.id))
		.limit(limit);
	return rows.map((r) => ({ id: r.id, target: r.target, targetId: r.targetId, action: r.action, at: r.at.toISOString() }));
}

/** A short quote of editor-supplied text for the log. */
export function quote(text: string, max = 80): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}
