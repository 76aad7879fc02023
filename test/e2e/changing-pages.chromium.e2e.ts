/**
 * Pages that change under the reader, in Chromium with the built extension: a single-page app that navigates with
 * history.pushState and replaces its article, a framework that re-renders the same story (text set again,
 * paragraphs swapped for identical ones, the whole article replaced 200 times), and an infinite-scroll feed.
 * What is highlighted follows the page, nothing is highlighted twice, and nothing piles up over a long session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { highlightTexts } from './support/in-page';
import { assertBuilt, NEWS_HOST } from './support/paths';

let session: ChromiumSession;
let server: FixtureServer;

beforeAll(async () => {
  assertBuilt();
  server = await startFixtureServer();
  session = await launchChromium();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

/** Every highlighted text, as a sorted list (one entry per range). */
async function highlighted(page: Page): Promise<string[]> {
  const texts = await page.evaluate(highlightTexts);
  return ['footnote-company', 'footnote-money', 'footnote-percent'].flatMap((name) => texts[name]!.map((t) => `${name}: ${t}`)).sort();
}

/** Waits until the highlights stop changing for `quietMs` (the content script batches changes per frame). */
async function settledHighlights(page: Page, quietMs = 900): Promise<string[]> {
  let last = await highlighted(page);
  let stableSince = Date.now();
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    await page.waitForTimeout(100);
    const now = await highlighted(page);
    if (now.join('\n') !== last.join('\n')) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) return now;
  }
  throw new Error('The highlights kept changing for 15 s');
}

async function open(file: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(server.url(file, NEWS_HOST));
  await page.waitForFunction(() => (CSS.highlights.get('footnote-money')?.size ?? 0) > 0, null, { timeout: 15_000 });
  return page;
}

const count = (list: string[], entry: string) => list.filter((x) => x === entry).length;

describe('Chromium: a single-page app', () => {
  it('rescans the article a pushState navigation puts in place, drops the old one’s highlights, and again on Back', async () => {
    const page = await open('spa-navigation.html');
    const first = await settledHighlights(page);
    expect(count(first, 'footnote-money: US$53bn')).toBe(1);
    expect(count(first, 'footnote-money: RMB 380 billion')).toBe(1);
    expect(first).toContain('footnote-percent: 11%');

    await page.getByRole('link', { name: 'Microsoft' }).click();
    await page.waitForFunction(() => location.search === '?story=microsoft');
    await page.waitForFunction(() => CSS.highlights.get('footnote-money')?.size === 3, null, { timeout: 10_000 });
    const second = await settledHighlights(page);
    // The new story's figures (the title's "$80bn" and the paragraph's), once each; the old story's are gone.
    expect(count(second, 'footnote-money: $80bn')).toBe(2);
    expect(count(second, 'footnote-money: $29.3bn')).toBe(1);
    expect(count(second, 'footnote-percent: 19%')).toBe(1);
    expect(second.some((t) => t.includes('US$53bn') || t.includes('RMB 380 billion') || t.includes('11%'))).toBe(false);

    await page.goBack();
    await page.waitForFunction(() => (window as unknown as { __story: string }).__story === 'alibaba');
    const back = await settledHighlights(page);
    expect(back).toEqual(first);
    await page.close();
  });
});

describe('Chromium: a framework re-rendering the same story', () => {
  it('keeps the same highlights, none doubled, when text is set again or paragraphs are swapped for identical ones', async () => {
    const page = await open('replace-200.html');
    const before = await settledHighlights(page);
    expect(before).toContain('footnote-money: US$53bn');
    expect(new Set(before.filter((t) => t.includes('US$53bn'))).size).toBe(1);

    await page.evaluate(() => (window as unknown as { rewriteText(): void }).rewriteText());
    expect(await settledHighlights(page)).toEqual(before);

    await page.evaluate(() => (window as unknown as { replaceParagraphs(): void }).replaceParagraphs());
    expect(await settledHighlights(page)).toEqual(before);
    await page.close();
  });

  it('replaced 200 times, it keeps one story’s highlights and its heap stays bounded', async () => {
    const page = await open('replace-200.html');
    const cdp: CDPSession = await session.context.newCDPSession(page);
    const one = await settledHighlights(page);
    const replace = (times: number) =>
      page.evaluate((n) => (window as unknown as { replaceContent(times: number, everyMs: number): Promise<number> }).replaceContent(n, 15), times);
    // JS heap and the DOM's (embedder) heap after a full collection.
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
      return usage.usedSize + (usage.embedderHeapUsedSize ?? 0);
    };

    await replace(20);
    expect(await settledHighlights(page)).toEqual(one);
    const early = await heap();
    await replace(180);
    expect(await page.evaluate(() => (window as unknown as { __replacements: number }).__replacements)).toBe(201);
    // Exactly one story's highlights: the 200 replaced copies left nothing behind in the highlights.
    expect(await settledHighlights(page)).toEqual(one);
    expect(await page.evaluate(() => ['footnote-company', 'footnote-money', 'footnote-percent'].reduce((n, h) => n + (CSS.highlights.get(h)?.size ?? 0), 0))).toBe(one.length);
    const late = await heap();
    // Keeping each replaced copy's blocks (nodes, text, matches) measured 1.7 MB here; a sound run 0.2-0.35 MB of noise.
    expect(late - early).toBeLessThan(1024 * 1024);
    await page.close();
  }, 120_000);
});

describe('Chromium: an infinite-scroll feed', () => {
  it('highlights every story the feed appends as the reader scrolls, each once', async () => {
    const page = await open('infinite-scroll.html');
    for (let i = 0; i < 200; i++) {
      const stories = await page.evaluate(() => {
        scrollTo(0, document.documentElement.scrollHeight);
        return (window as unknown as { __stories: number }).__stories;
      });
      if (stories >= 12) break;
      await page.waitForTimeout(60);
    }
    await page.waitForFunction(() => (CSS.highlights.get('footnote-money')?.size ?? 0) >= 12, null, { timeout: 10_000 });
    const all = await settledHighlights(page);
    for (let n = 1; n <= 12; n++) {
      expect(count(all, `footnote-money: $${n}.5bn`)).toBe(1);
      expect(count(all, `footnote-percent: ${10 + n}%`)).toBe(1);
    }
    await page.close();
  });
});
