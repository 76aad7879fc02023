/**
 * Pages that change under the reader, checked the same way in both browsers against a ReaderPage: a single-page
 * app that navigates with history.pushState and replaces its article, a framework that re-renders the same story
 * (text set again, paragraphs swapped for identical ones, the whole article replaced many times), and an
 * infinite-scroll feed. What is highlighted follows the page, nothing is highlighted twice, and nothing piles up.
 */
import { expect, it } from 'vitest';
import { hover } from './card-scenarios';
import { readCompany } from './dataset-facts';
import { highlightTexts } from './in-page';
import { openNewsPage, sleep, type ReaderPage } from './reader-page';

export interface ChangingPagesEnv {
  /** A new tab of the browser under test. */
  newPage(): Promise<ReaderPage>;
  /** `http://NEWS_HOST:PORT/NAME` for a fixture page. */
  url(name: string): string;
  /** The page's JS and DOM heap after a full collection, where the browser can tell (Chromium's DevTools protocol). */
  heapBytes?(page: ReaderPage): Promise<number>;
}

/** Every highlighted text, as a sorted list (one entry per range). */
async function highlighted(page: ReaderPage): Promise<string[]> {
  const texts = await page.evaluate(highlightTexts);
  return ['footnote-company', 'footnote-money', 'footnote-percent'].flatMap((name) => texts[name]!.map((t) => `${name}: ${t}`)).sort();
}

/** Waits until the highlights stop changing for `quietMs` (the content script batches changes per frame). */
async function settledHighlights(page: ReaderPage, quietMs = 900): Promise<string[]> {
  let last = await highlighted(page);
  let stableSince = Date.now();
  const deadline = Date.now() + page.readyTimeoutMs;
  while (Date.now() < deadline) {
    await sleep(100);
    const now = await highlighted(page);
    if (now.join('\n') !== last.join('\n')) {
      last = now;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs) return now;
  }
  throw new Error(`The highlights kept changing for ${page.readyTimeoutMs / 1000} s`);
}

async function open(env: ChangingPagesEnv, file: string): Promise<ReaderPage> {
  const page = await env.newPage();
  await openNewsPage(page, env.url(file));
  return page;
}

const count = (list: string[], entry: string) => list.filter((x) => x === entry).length;

type Fixture = { replaceContent(times: number, everyMs: number): Promise<number>; rewriteText(): void; replaceParagraphs(): void; navigate(id: string): void };

export function singlePageAppTests(env: ChangingPagesEnv): void {
  it('rescans the article a pushState navigation puts in place, drops the old one’s highlights, and again on Back', async () => {
    const page = await open(env, 'spa-navigation.html');
    const first = await settledHighlights(page);
    expect(count(first, 'footnote-money: US$53bn')).toBe(1);
    expect(count(first, 'footnote-money: RMB 380 billion')).toBe(1);
    expect(first).toContain('footnote-percent: 11%');

    // A reader's click on the site's own link.
    await page.click('a[data-story="microsoft"]');
    await page.waitFor(() => location.search === '?story=microsoft');
    await page.waitFor(() => CSS.highlights.get('footnote-money')?.size === 3, { timeoutMs: 10_000 });
    const second = await settledHighlights(page);
    // The new story's figures (the title's "$80bn" and the paragraph's), once each; the old story's are gone.
    expect(count(second, 'footnote-money: $80bn')).toBe(2);
    expect(count(second, 'footnote-money: $29.3bn')).toBe(1);
    expect(count(second, 'footnote-percent: 19%')).toBe(1);
    expect(second.some((t) => t.includes('US$53bn') || t.includes('RMB 380 billion') || t.includes('11%'))).toBe(false);

    await page.goBack();
    await page.waitFor(() => (window as unknown as { __story: string }).__story === 'alibaba');
    const back = await settledHighlights(page);
    expect(back).toEqual(first);

    // The app's own navigation, from script.
    await page.evaluate(() => (window as unknown as Fixture).navigate('oracle'));
    await page.waitFor(() => location.search === '?story=oracle' && (CSS.highlights.get('footnote-money')?.size ?? 0) === 2, { timeoutMs: 10_000 });
    const third = await settledHighlights(page);
    expect(count(third, 'footnote-money: $7.5bn')).toBe(1);
    expect(count(third, 'footnote-money: $25bn')).toBe(1);
    expect(count(third, 'footnote-percent: 27%')).toBe(1);
    expect(third.some((t) => t.includes('US$53bn') || t.includes('11%'))).toBe(false);
    await page.close();
  });
}

export function reRenderTests(env: ChangingPagesEnv): void {
  it('keeps the same highlights, none doubled, when text is set again or paragraphs are swapped for identical ones', async () => {
    const page = await open(env, 'replace-200.html');
    const before = await settledHighlights(page);
    expect(before).toContain('footnote-money: US$53bn');
    expect(new Set(before.filter((t) => t.includes('US$53bn'))).size).toBe(1);

    await page.evaluate(() => (window as unknown as Fixture).rewriteText());
    expect(await settledHighlights(page)).toEqual(before);

    await page.evaluate(() => (window as unknown as Fixture).replaceParagraphs());
    expect(await settledHighlights(page)).toEqual(before);
    await page.close();
  });

  it('keeps the same highlights, none doubled, when a framework re-renders the same story 50 times', async () => {
    const page = await open(env, 'replace-200.html');
    const before = await settledHighlights(page);
    await page.evaluate(() => (window as unknown as Fixture).replaceContent(50, 15));
    await page.evaluate(() => (window as unknown as Fixture).rewriteText());
    await page.evaluate(() => (window as unknown as Fixture).replaceParagraphs());
    expect(await settledHighlights(page)).toEqual(before);
    await page.close();
  });

  const { heapBytes } = env;
  it(
    heapBytes ? 'replaced 200 times, it keeps one story’s highlights and its heap stays bounded' : 'replaced 200 times, it keeps one story’s highlights',
    async () => {
      const page = await open(env, 'replace-200.html');
      const one = await settledHighlights(page);
      const replace = (times: number) => page.evaluate((n) => (window as unknown as Fixture).replaceContent(n, 15), times);

      await replace(20);
      expect(await settledHighlights(page)).toEqual(one);
      const early = await heapBytes?.(page);
      await replace(180);
      expect(await page.evaluate(() => (window as unknown as { __replacements: number }).__replacements)).toBe(201);
      // Exactly one story's highlights: the 200 replaced copies left nothing behind in the highlights.
      expect(await settledHighlights(page)).toEqual(one);
      expect(await page.evaluate(() => ['footnote-company', 'footnote-money', 'footnote-percent'].reduce((n, h) => n + (CSS.highlights.get(h)?.size ?? 0), 0))).toBe(one.length);
      if (heapBytes) {
        const late = await heapBytes(page);
        // Keeping each replaced copy's blocks (nodes, text, matches) measured 1.7 MB here; a sound run 0.2-0.35 MB of noise.
        expect(late - early!).toBeLessThan(1024 * 1024);
      }
      await page.close();
    },
    120_000,
  );
}

export function infiniteScrollTests(env: ChangingPagesEnv): void {
  it('highlights every story the feed appends as the reader scrolls, each once, and opens the card of a company first named in one', async () => {
    const page = await open(env, 'infinite-scroll.html');
    for (let i = 0; i < 200; i++) {
      const stories = await page.evaluate(() => {
        scrollTo(0, document.documentElement.scrollHeight);
        return (window as unknown as { __stories: number }).__stories;
      });
      if (stories >= 12) break;
      await sleep(60);
    }
    await page.waitFor(() => (CSS.highlights.get('footnote-money')?.size ?? 0) >= 12, { timeoutMs: 10_000 });
    const all = await settledHighlights(page);
    for (let n = 1; n <= 12; n++) {
      expect(count(all, `footnote-money: $${n}.5bn`)).toBe(1);
      expect(count(all, `footnote-percent: ${10 + n}%`)).toBe(1);
    }
    // Oracle is first named in story 4, appended after the page loaded: its card has Oracle's figures, loaded then.
    const oracle = await readCompany('oracle');
    const card = await hover(page, '$4.5bn');
    expect(card.label).toBe(`$4.5bn, ${oracle.name}`);
    const sources = new Set(oracle.facts.map((f) => f.source.url));
    expect(card.links.filter((l) => sources.has(l.href)).length).toBeGreaterThan(0);
    await page.close();
  });
}
