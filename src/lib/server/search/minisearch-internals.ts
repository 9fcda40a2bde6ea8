/**
 * The one module that reads and writes minisearch's protected state (through a subclass, as TypeScript allows):
 * its term tree, for vocabulary statistics (term-stats.ts), and its whole state, for search snapshots that restore
 * faster than loadJSON (snapshot-codec.ts: loadJSON turns every posting into an object key and back, about 2 s
 * per 100k segments on its own). Checked against minisearch 7: a version that keeps its state differently
 * fails loudly here, and start-up then rebuilds the index instead of restoring it.
 */
import MiniSearch, { type Options } from 'minisearch';

/** minisearch's per-term data: field id -> (short document id -> term frequency). */
export type FieldTermData = Map<number, Map<number, number>>;

/** The part of minisearch's term tree (a SearchableMap) used here. */
export interface TermTree {
	get(term: string): FieldTermData | undefined;
	fuzzyGet(term: string, maxEdits: number): Map<string, [FieldTermData, number]>;
	atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
	[Symbol.iterator](): Iterator<[string, FieldTermData]>;
	readonly size: number;
}

/**
 * The term tree's own nodes: each maps an edge label to a child node, and the empty label (LEAF) to a term's data.
 * A node's entries are in creation order, which decides the order terms (and their scores) are visited in; a
 * snapshot keeps the nodes as they are so a restored index adds scores up in the very same order.
 */
export type RadixNode = Map<string, RadixNode | FieldTermData>;
/** The key of a term's data inside a node. */
export const LEAF = '';

/** Everything a minisearch index is, as plain values (what toJSON holds, without turning Maps into objects). */
export interface MiniSearchState {
	documentCount: number;
	nextId: number;
	dirtCount: number;
	fieldIds: Record<string, number>;
	averageFieldLength: number[];
	/** Short id -> document id. */
	documentIds: Map<number, unknown>;
	/** Short id -> token count per field id. */
	fieldLength: Map<number, number[]>;
	storedFields: Map<number, Record<string, unknown>>;
	/** The root of the term tree. */
	root: RadixNode;
}

class Internals extends MiniSearch {
	static treeOf(miniSearch: MiniSearch): TermTree {
		const tree: TermTree | undefined = (miniSearch as Internals)._index;
		if (!tree || typeof tree.fuzzyGet !== 'function' || typeof tree.atPrefix !== 'function') {
			throw new Error('search: this minisearch version keeps its terms differently; update minisearch-internals.ts');
		}
		return tree;
	}

	static stateOf(miniSearch: MiniSearch): MiniSearchState {
		const m = miniSearch as Internals;
		const state: MiniSearchState = {
			documentCount: m._documentCount,
			nextId: m._nextId,
			dirtCount: m._dirtCount,
			fieldIds: m._fieldIds,
			averageFieldLength: m._avgFieldLength,
			documentIds: m._documentIds,
			fieldLength: m._fieldLength,
			storedFields: m._storedFields,
			root: Internals.rootOf(Internals.treeOf(m))
		};
		if (![state.documentIds, state.fieldLength, state.storedFields].every((x) => x instanceof Map) || typeof state.documentCount !== 'number') {
			throw new Error('search: this minisearch version keeps its state differently; update minisearch-internals.ts');
		}
		return state;
	}

	static rootOf(tree: TermTree): RadixNode {
		const { _tree: root, _prefix: prefix } = tree as unknown as { _tree?: RadixNode; _prefix?: string };
		if (!(root instanceof Map) || prefix !== '') throw new Error('search: this minisearch version keeps its term tree differently; update minisearch-internals.ts');
		return root;
	}

	/** A new index with `options`, its state set as loadJS sets it (without the object round trip). */
	static fromState<T>(state: MiniSearchState, options: Options<T>): MiniSearch<T> {
		const m = new MiniSearch(options) as unknown as Internals;
		// A term tree of minisearch's own class around the restored nodes.
		const Tree = Internals.treeOf(m).constructor as new (root: RadixNode, prefix: string) => TermTree;
		const tree = new Tree(state.root, '');
		Internals.rootOf(tree);
		m._documentCount = state.documentCount;
		m._nextId = state.nextId;
		m._dirtCount = state.dirtCount;
		m._fieldIds = state.fieldIds;
		m._avgFieldLength = state.averageFieldLength;
		m._documentIds = state.documentIds;
		m._fieldLength = state.fieldLength;
		m._storedFields = state.storedFields;
		m._idToShortId = new Map();
		for (const [shortId, id] of state.documentIds) m._idToShortId.set(id, shortId);
		(m as unknown as { _index: TermTree })._index = tree;
		return m as unknown as MiniSearch<T>;
	}
}

/** The term tree of a minisearch index (read only, by convention). */
export const termTreeOf = (miniSearch: MiniSearch): TermTree => Internals.treeOf(miniSearch);
/** The live state of a minisearch index (not a copy: read it before the index changes again). */
export const miniSearchStateOf = (miniSearch: MiniSearch): MiniSearchState => Internals.stateOf(miniSearch);
/** A minisearch index made from a state, with the options it was built with. */
export const miniSearchFromState = Internals.fromState;
