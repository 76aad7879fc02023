/**
 * A reader's first article, in Chromium: the built extension on the sample article served under a news
 * hostname. Highlights, the card on hover and from the keyboard, the popup, and no IndexedDB in the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { cardState, highlightTexts, pointOfText } from './support/in-page';
import { assertBuilt, NEWS_HOST } from './support/paths';
import { alibabaAnnualCapex, ARTICLE, EXPECTED_COMPANIES, EXPECTED_FIGURES, NOT_HIGHLIGHTED } from './support/expectations';

/** The extension API inside the service worker, where `worker.evaluate` runs. */
declare const chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> } };

let session: ChromiumSession;
let server: FixtureServer;
let page: Page;

async function waitForHighlights(p: Page) {
  await p.waitForFunction(() => (CSS.highlights.get('footnote-money')?.size ?? 0) > 0, null, { timeout: 15_000 });
}

beforeAll(async () => {
  assertBuilt();
  server = await startFixtureServer();
  session = await launchChromium();
  page = await session.context.newPage();
  await page.goto(server.url(ARTICLE, NEWS_HOST));
  await waitForHighlights(page);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Chromium: the sample article', () => {
  it('highlights the companies and figures of the article, and nothing in the textarea, the code block or the hard negatives', async () => {
    const texts = await page.evaluate(highlightTexts);
    for (const company of EXPECTED_COMPANIES) expect(texts['footnote-company']).toContain(company);
    for (const figure of EXPECTED_FIGURES.money) expect(texts['footnote-money']).toContain(figure);
    for (const figure of EXPECTED_FIGURES.percent) expect(texts['footnote-percent']).toContain(figure);
    // "Grab" appears twice on the page; only the company in "Grab names AWS" is highlighted.
    expect(texts['footnote-company']!.filter((t) => t === 'Grab')).toHaveLength(1);
    const all = Object.values(texts).flat();
    for (const text of NOT_HIGHLIGHTED) expect(all.some((t) => t.includes(text))).toBe(false);
    // The comment textarea and the code block mention "RMB 380 billion" and "$53bn" again: not highlighted there.
    expect(texts['footnote-money']!.filter((t) => t === 'RMB 380 billion')).toHaveLength(1);
    expect(texts['footnote-money']!.filter((t) => t === '$53bn')).toHaveLength(1); // the headline's, not the code block's
    // The page's DOM is not changed by highlighting: no wrapper elements in the article.
    expect(await page.locator('article mark, article footnote-highlight').count()).toBe(0);
  });

  it('opens a card for "US$53bn" on hover that names Alibaba, shows the figure in US dollars and Alibaba’s capex with sources', async () => {
    const point = await page.evaluate(pointOfText, { text: 'US$53bn' });
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]') != null, null, { timeout: 5_000 });
    const dialog = page.getByRole('dialog', { name: /US\$53bn/ });
    await expect(dialog.isVisible()).resolves.toBe(true);
    const card = await page.evaluate(cardState);
    expect(card.label).toMatch(/US\$53bn.*Alibaba/);
    expect(card.text).toContain('Alibaba');
    expect(card.text).toMatch(/\$53(\.0)?B/); // the figure in US dollars
    expect(card.text).toMatch(/Capex/i);
    expect(card.text).toMatch(/FY20\d\d/);
    // Every capex bar carries its source.
    const sources = await page.evaluate(() =>
      [...(document.querySelector('footnote-card')!.shadowRoot!.querySelectorAll('.bars a.source') as NodeListOf<HTMLAnchorElement>)].map((a) => a.href),
    );
    // What the dataset holds for Alibaba: its last five annual capex points, each with its source.
    const capex = await alibabaAnnualCapex();
    expect(capex.length).toBeGreaterThan(0);
    for (const point of capex) expect(card.text).toContain(point.period);
    expect(sources).toEqual(capex.map((p) => p.source.url));
    // Inside the viewport.
    const viewport = page.viewportSize()!;
    expect(card.rect!.left).toBeGreaterThanOrEqual(0);
    expect(card.rect!.right).toBeLessThanOrEqual(viewport.width);
  });

  it('closes the card when the pointer moves away, and on Escape', async () => {
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => !document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]'), null, { timeout: 5_000 });
    const point = await page.evaluate(pointOfText, { text: 'US$53bn' });
    await page.mouse.move(point!.x, point!.y);
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]') != null, null, { timeout: 5_000 });
    await page.keyboard.press('Escape');
    expect((await page.evaluate(cardState)).open).toBe(false);
  });

  it('moves to the next figure with the keyboard command and opens its card with focus in it', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Alt+Shift+F');
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]') != null, null, { timeout: 5_000 });
    const first = await page.evaluate(cardState);
    expect(first.focused).toBe(true);
    await page.keyboard.press('Alt+Shift+F');
    await page.waitForFunction((label) => {
      const d = document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]');
      return d && d.getAttribute('aria-label') !== label;
    }, first.label);
    const second = await page.evaluate(cardState);
    expect(second.label).not.toBe(first.label);
    await page.keyboard.press('Escape');
    expect((await page.evaluate(cardState)).open).toBe(false);
  });

  it('lists the companies found on the page in the popup', async () => {
    const tabId = await session.worker.evaluate(async (host) => {
      const tabs = await chrome.tabs.query({ url: `*://${host}/*` });
      return tabs[0]?.id;
    }, NEWS_HOST);
    expect(tabId).toBeTypeOf('number');
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    const list = popup.getByRole('list', { name: 'Companies on this page' });
    await list.waitFor({ timeout: 10_000 });
    const names = await list.locator('.name').allTextContents();
    for (const name of ['Alibaba', 'Apple', 'Amazon', 'Alphabet', 'Grab', 'Prudential', 'Microsoft']) expect(names).toContain(name);
    await popup.close();
  });

  it('never creates an IndexedDB database in the web page’s origin; the extension’s own holds the dataset', async () => {
    const pageDatabases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(pageDatabases).toEqual([]);
    const extensionDatabases = await session.worker.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(extensionDatabases).toContain('footnote');
  });
});
