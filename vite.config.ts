import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Svelte's and SvelteKit's client code in one file that every page shares (and caches) instead of several:
	// one gzip stream compresses better than three, about 0.9 kB less on every page.
	build: { rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'framework', test: /[\\/]node_modules[\\/]/ }] } } } },
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
});
