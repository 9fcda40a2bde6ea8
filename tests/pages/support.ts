/** One real server per database kind for a page suite, and reading its pages (not a test file). */
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll } from 'vitest';
import { createTestDb, type DatabaseKind, type TestDb } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';

export interface Page {
	status: number;
	headers: Headers;
	html: string;
	doc: HTMLElement;
	/** The page's visible text with whitespace collapsed. */
	text: string;
}

export interface SiteUnderTest {
	readonly url: string;
	get(path: string, init?: RequestInit): Promise<Page>;
}

/**
 * Starts the production server for the suite: on a fresh in-memory PGlite, or on a fresh PostgreSQL database of its
 * own (migrated here, seeded by the server itself on start, as in production). Stops it afterwards.
 */
export function serveSite(kind: DatabaseKind): SiteUnderTest {
	let server: TestServer | undefined;
	let database: TestDb | undefined;
	beforeAll(async () => {
		let databaseUrl = 'pglite://memory';
		if (kind === 'postgres') {
			database = await createTestDb('postgres');
			databaseUrl = database.url;
		}
		server = await startServer({ databaseUrl });
	});
	afterAll(async () => {
		await server?.stop();
		await database?.close();
	});
	return {
		get url() {
			if (!server) throw new Error('tests: the server has not started');
			return server.url;
		},
		async get(path, init) {
			const response = await fetch(new URL(path, this.url), { redirect: 'manual', ...init });
			const html = await response.text();
			const doc = parse(html);
			return { status: response.status, headers: response.headers, html, doc, text: squash(doc.querySelector('body')?.text ?? '') };
		}
	};
}

/** Collapses runs of whitespace (and &nbsp;) into single spaces. */
export function squash(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/**
 * What a browser without JavaScript renders of an element's <noscript> parts (the per-source players of question
 * pages live there: with JavaScript the site's one player plays them). The default parse keeps <noscript> as text.
 */
export function noscriptMarkup(element: HTMLElement): HTMLElement {
	return parse(element.querySelectorAll('noscript').map((n) => n.innerHTML).join(''));
}
