/**
 * Pages that change under the reader, in Firefox ESR: a single-page app's pushState navigation is rescanned and
 * the old article's highlights go; a framework re-rendering the same story leaves the highlights as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { highlightTexts } from './support/in-page';
import { assertBuilt, NEWS_HOST } from './support/paths';

let session: FirefoxSession;
let server: FixtureServer;

beforeAll(async () => {
  assertBuilt();
  server = await startFixtureServer();
  session = await launchFirefox();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function highlighted(page: Page): Promise<string[]> {
  const texts = await page.evaluate(highlightTexts);
  return ['footnote-company', 'footnote-money', 'footnote-percent'].flatMap((name) => texts[name]!.map((t) => `${name}: ${t}`)).sort();
}

/** The highlights once they have stopped changing for `quietMs`. */
async function settledHighlights(page: Page, quietMs = 900): Promise<string[]> {
  let last = await highlighted(page);
  let stableSince = Date.now();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await highlighted(page);
    if (now.join('\n') !== last.join('\n')) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) return now;
  }
  throw new Error('The highlights kept changing for 20 s');
}

async function open(file: string): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(server.url(file, NEWS_HOST));
  await page.waitForFunction(() => (CSS.highlights.get('footnote-money')?.size ?? 0) > 0, { timeout: 20_000 });
  return page;
}

const count = (list: string[], entry: string) => list.filter((x) => x === entry).length;

describe('Firefox: pages that change', () => {
  it('rescans the article a pushState navigation puts in place and drops the old one’s highlights', async () => {
    const page = await open('spa-navigation.html');
    const first = await settledHighlights(page);
    expect(count(first, 'footnote-money: US$53bn')).toBe(1);

    await page.evaluate(() => (window as unknown as { navigate(id: string): void }).navigate('oracle'));
    await page.waitForFunction(() => location.search === '?story=oracle' && (CSS.highlights.get('footnote-money')?.size ?? 0) === 2, { timeout: 10_000 });
    const second = await settledHighlights(page);
    expect(count(second, 'footnote-money: $7.5bn')).toBe(1);
    expect(count(second, 'footnote-money: $25bn')).toBe(1);
    expect(count(second, 'footnote-percent: 27%')).toBe(1);
    expect(second.some((t) => t.includes('US$53bn') || t.includes('11%'))).toBe(false);
    await page.close();
  });

  it('keeps the same highlights, none doubled, when a framework re-renders the same story 50 times', async () => {
    const page = await open('replace-200.html');
    const before = await settledHighlights(page);
    await page.evaluate(() => (window as unknown as { replaceContent(times: number, everyMs: number): Promise<number> }).replaceContent(50, 15));
    await page.evaluate(() => (window as unknown as { rewriteText(): void }).rewriteText());
    await page.evaluate(() => (window as unknown as { replaceParagraphs(): void }).replaceParagraphs());
    expect(await settledHighlights(page)).toEqual(before);
    await page.close();
  });
});
