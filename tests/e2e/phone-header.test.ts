import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from '../helpers/browser';
import { ADMIN_TOKEN, PAGES_WITH_HEADER } from './page-types';
import { browserSuite } from './support';

interface HeaderLayout {
	/** The header's height in CSS pixels. */
	height: number;
	/** One line of the site name's text. */
	lineHeight: number;
	/** What a reader sees in the header: each item's name and box. */
	items: { name: string; top: number; bottom: number; right: number }[];
	scrollWidth: number;
	viewportWidth: number;
}

/** Measures the site header and whether the document is wider than the window. */
function measure(page: Page): Promise<HeaderLayout> {
	return page.evaluate(() => {
		const nav = document.querySelector('nav[aria-label="Site"]')!;
		const header = nav.closest('header')!;
		// A closed <details> keeps boxes for its contents; checkVisibility() leaves them (and display: none) out.
		const items = [...nav.querySelectorAll<HTMLElement>('a, summary, form')]
			.filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 1)
			.map((el) => {
				const box = el.getBoundingClientRect();
				return { name: (el.textContent ?? '').trim().slice(0, 30), top: box.top, bottom: box.bottom, right: box.right };
			});
		return {
			height: header.getBoundingClientRect().height,
			lineHeight: parseFloat(getComputedStyle(nav.querySelector('.brand')!).lineHeight),
			items,
			scrollWidth: document.documentElement.scrollWidth,
			viewportWidth: window.innerWidth
		};
	});
}

/** Every item sits on one row (their boxes overlap vertically), the header has no room for a second row, and nothing sticks out. */
function expectOneLine(layout: HeaderLayout, where: string): void {
	const { items } = layout;
	expect(items.length, `${where}: items in the header`).toBeGreaterThanOrEqual(2);
	const lowestTop = Math.max(...items.map((i) => i.top));
	const highestBottom = Math.min(...items.map((i) => i.bottom));
	expect(lowestTop, `${where}: header items on more than one row: ${JSON.stringify(items)}`).toBeLessThan(highestBottom);
	const tallest = Math.max(...items.map((i) => i.bottom - i.top));
	expect(layout.height, `${where}: header height (tallest item ${tallest} px, one line ${layout.lineHeight} px)`).toBeLessThan(tallest + layout.lineHeight);
	for (const item of items) expect(item.right, `${where}: "${item.name}" runs past the window`).toBeLessThanOrEqual(layout.viewportWidth);
}

describeBrowser('the site header', () => {
	const suite = browserSuite({ env: { ADMIN_TOKEN } });

	it('fits on one line at 360 px on every page type, and no page scrolls sideways', async () => {
		const page = await suite.newPage({ viewport: { width: 360, height: 740 } });
		for (const { name, path } of PAGES_WITH_HEADER) {
			await page.goto(path, { waitUntil: 'networkidle' });
			const layout = await measure(page);
			expectOneLine(layout, `${name} (${path})`);
			expect(layout.scrollWidth, `${name} (${path}): the page is wider than the phone`).toBeLessThanOrEqual(layout.viewportWidth);
		}
	});

	it('fits on one line from 320 px to a laptop, with the links and search form shown where they fit', async () => {
		for (const width of [320, 390, 768, 1280]) {
			const page = await suite.newPage({ viewport: { width, height: 800 } });
			// The search page has a wide form of its own in place of the header's; a show's page, a title beside its art.
			for (const path of ['/search?q=sleep', '/podcasts/running-explained', '/']) {
				await page.goto(path, { waitUntil: 'networkidle' });
				const layout = await measure(page);
				expectOneLine(layout, `${width} px, ${path}`);
				expect(layout.scrollWidth, `${width} px, ${path}: the page is wider than the window`).toBeLessThanOrEqual(width);
			}
			const inline = await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Questions' }).isVisible();
			expect(inline, `${width} px: the Questions link in the bar`).toBe(width >= 640);
			expect(await page.getByRole('search', { name: 'Site' }).isVisible(), `${width} px: the search form`).toBe(width >= 960);
			expect(await page.getByRole('link', { name: 'Search', exact: true }).isVisible(), `${width} px: the search icon`).toBe(width < 960);
		}
	});

	it('opens its menu without JavaScript and leads to each section', async () => {
		const page = await suite.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
		await page.goto('/');
		const nav = page.getByRole('navigation', { name: 'Site' });
		expect(await nav.getByRole('link', { name: 'Questions' }).isVisible()).toBe(false);
		await nav.locator('summary', { hasText: 'Menu' }).click();
		for (const name of ['Shows', 'Questions', 'People']) expect(await nav.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
		await nav.getByRole('link', { name: 'Questions' }).click();
		await page.waitForURL('**/questions');
		// The page it opens marks its own section in the menu.
		await nav.locator('summary').click();
		expect(await nav.getByRole('link', { name: 'Questions' }).getAttribute('aria-current')).toBe('page');
	});

	it('leads to the search page from the search icon, named for screen readers', async () => {
		const page = await suite.newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
		await page.goto('/people');
		await page.getByRole('link', { name: 'Search', exact: true }).click();
		await page.waitForURL((url) => url.pathname === '/search');
		expect(await page.getByRole('searchbox').first().isVisible()).toBe(true);
	});

	it('works from the keyboard: Tab reaches search and the menu with a visible focus ring, Escape closes the menu', async () => {
		const page = await suite.newPage({ viewport: { width: 360, height: 740 } });
		await page.goto('/', { waitUntil: 'networkidle' });
		const focused = () => page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
		const order: string[] = [];
		for (let i = 0; i < 4; i++) {
			await page.keyboard.press('Tab');
			order.push(await focused());
		}
		expect(order).toEqual(['Skip to content', 'Podcast Moments', 'Search', 'Menu']);
		const ring = await page.evaluate(() => {
			const style = getComputedStyle(document.activeElement!);
			return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
		});
		expect(ring.style).not.toBe('none');
		expect(ring.width).toBeGreaterThanOrEqual(2);

		const menu = page.locator('nav[aria-label="Site"] details');
		await page.keyboard.press('Enter');
		expect(await menu.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
		await page.keyboard.press('Tab');
		expect(await focused()).toBe('Shows');
		await page.keyboard.press('Escape');
		expect(await menu.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
		expect(await focused()).toBe('Menu');
	});

	it('closes the menu when one of its links opens a page in place', async () => {
		const page = await suite.newPage({ viewport: { width: 360, height: 740 } });
		await page.goto('/', { waitUntil: 'networkidle' });
		const nav = page.getByRole('navigation', { name: 'Site' });
		await page.evaluate(() => Object.assign(window, { stayed: true }));
		await nav.locator('summary').click();
		await nav.getByRole('link', { name: 'People' }).click();
		await page.waitForURL('**/people');
		await page.getByRole('heading', { level: 1 }).waitFor();
		await expect.poll(() => nav.getByRole('link', { name: 'People' }).isVisible()).toBe(false);
		expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), 'the page was reloaded').toBe(true);
	});
});
