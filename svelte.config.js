import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// Page weight (npm run bench:weight): no script whose only job is to tell the world which Svelte this is.
	compilerOptions: { discloseVersion: false },
	// Every component of ours in runes mode, even one with no runes in it (an error page): one legacy-mode component
	// anywhere puts Svelte's legacy lifecycle code in the JavaScript every page loads (npm run bench:weight).
	vitePlugin: { dynamicCompileOptions: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : { runes: true }) },
	kit: {
		adapter: adapter({ out: 'build' }),
		// The browser asks the server which route a link leads to (when hovered, with the preloading in app.html)
		// instead of downloading every route's pattern with the first page: 1.3 kB less on every page.
		router: { resolution: 'server' },
		// Every script and style is our own: no inline scripts without a hash, nothing from another origin. Hashes,
		// not nonces: a page is then the same bytes for every reader, so the response cache keeps it as it is.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'https:', 'http:'],
				'media-src': ['self', 'https:', 'http:'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
