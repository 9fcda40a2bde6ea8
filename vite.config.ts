import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/**
 * The code every page loads: Svelte's runtime and SvelteKit's client (packages: Svelte's runtime is one module graph,
 * so what any page uses is in it), the app's start-up, the root layout (header, the one player's audio element and
 * state), the error page SvelteKit loads up front, and the small helpers nearly every page uses (site paths, printed
 * times). In one chunk that every page shares (and caches), rather than a dozen small files of which each page loads
 * most: one gzip stream compresses better, and no page loads a copy. The rest is placed by the bundler beside the
 * pages that use it. (The server keeps only its packages together: it reads its chunks from disk once, at start.)
 */
const EVERY_PAGE = [
	/[\\/]node_modules[\\/]/,
	/vite[\\/]preload-helper/,
	/[\\/]\.svelte-kit[\\/]generated[\\/](root\.(svelte|js)|client-optimized[\\/](app|nodes[\\/][01])\.js)(\?|$)/,
	/[\\/]src[\\/]routes[\\/]\+(layout|error)\.svelte(\?|$)/,
	/[\\/]src[\\/]lib[\\/]components[\\/](SiteHeader|player[\\/]SitePlayer)\.svelte(\?|$)/,
	/[\\/]src[\\/]lib[\\/](player\.svelte|paths|timestamp)\.ts$/
];
const NODE_MODULES = EVERY_PAGE[0]!;

export default defineConfig(({ isSsrBuild }) => ({
	plugins: [sveltekit()],
	build: {
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [isSsrBuild ? { name: 'framework', test: NODE_MODULES } : { name: 'every-page', test: (id) => EVERY_PAGE.some((pattern) => pattern.test(id)) }]
				}
			}
		}
	},
	server: { port: 3000 },
	preview: { port: 3000 },
	test: {
		globalSetup: ['tests/global-setup.ts', 'tests/global-build.ts'],
		// The tests' feed servers listen on 127.0.0.1: the suite opts in to importing from there, as an operator would
		// (servers and CLIs the tests start inherit it). tests/hostile/ssrf.test.ts checks what is refused without it.
		env: { IMPORT_ALLOW_PRIVATE: '127.0.0.1/32' },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/e2e/**'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.test.ts'],
					// One real server and one real browser: run these files one after another.
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 240_000
				}
			}
		]
	}
}));
