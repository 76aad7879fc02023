/**
 * Performance regression checks, in Chromium with the built extension, measured the way `npm run bench` measures
 * (scripts/bench/): on the sample article, on a 2 MB news page and on an infinite-scroll feed generated for the run. The limits are the budgets
 * of DESIGN.md with a generous margin (about twice), so that a busy machine does not fail them but a regression
 * does; where a budget is missed today (see README, "Performance") the limit guards the current figure instead.
 * Main-thread times are thread time (what the page's main thread spent, not time spent waiting for a core).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBenchBrowser, type BenchBrowser } from '../../scripts/bench/browser';
import { costRun, feedScenario, hoverLatencies, markJsRun, idleRun, staticScenario, timingRun } from '../../scripts/bench/measure';
import { feedPage, loadNewsSentences, newsPage } from '../../scripts/bench/news-page';
import { recognisedTerms } from '../../scripts/bench/terms';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { assertBuilt, CHROME_DIST, NEWS_HOST, OWN_PAGES, ROOT, SHARED_PAGES } from './support/paths';
import { ARTICLE } from './support/expectations';

const PAGES = path.join(ROOT, '.footnote-tmp', 'e2e-pages');
const LONG = 'long-news.html';
const FEED = 'news-feed.html';

let server: FixtureServer;
let withExtension: BenchBrowser;
let without: BenchBrowser;
let longHtml = '';

beforeAll(async () => {
  assertBuilt();
  mkdirSync(PAGES, { recursive: true });
  const sentences = loadNewsSentences(ROOT);
  longHtml = newsPage(sentences, 2 * 2 ** 20).html;
  writeFileSync(path.join(PAGES, LONG), longHtml);
  writeFileSync(path.join(PAGES, FEED), feedPage(sentences, { initial: 12, batches: 20, perBatch: 4 }).html);
  server = await startFixtureServer([PAGES, SHARED_PAGES, OWN_PAGES]);
  withExtension = await launchBenchBrowser(true);
  without = await launchBenchBrowser(false);
}, 120_000);

afterAll(async () => {
  await withExtension?.close();
  await without?.close();
  await server?.close();
});

const scenario = staticScenario(500);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

describe('Chromium: performance', () => {
  it('keeps the content script within 60 KB gzip', () => {
    const gzip = gzipSync(readFileSync(path.join(CHROME_DIST, 'content.js'))).length;
    expect(gzip).toBeLessThanOrEqual(60 * 1024);
  });

  it('on the sample article: highlights soon after document_idle, short tasks, little work and heap', async () => {
    const url = server.url(ARTICLE, NEWS_HOST);
    const timings = [await timingRun(withExtension, url, { settle: scenario.settle }), await timingRun(withExtension, url, { settle: scenario.settle })];
    // Budget 50 ms, missed on this machine (the content script's start and recognition of cold code): a guard.
    expect(median(timings.map((t) => t.paintedMs ?? Infinity))).toBeLessThan(600);
    expect(median(timings.map((t) => t.longestTaskMs))).toBeLessThan(100);
    const pairs = [];
    for (let i = 0; i < 2; i++) {
      const w = await costRun(withExtension, url, { settle: scenario.settle }, true);
      const wo = await costRun(without, url, { settle: scenario.settle }, false, w.settleMs);
      pairs.push({ work: w.taskMs - wo.taskMs, heap: w.heapBytes - wo.heapBytes });
    }
    expect(median(pairs.map((p) => p.work))).toBeLessThan(300);
    expect(median(pairs.map((p) => p.heap))).toBeLessThan(10 * 2 ** 20);
  }, 180_000);

  it('opens the card within 100 ms of the hover-intent delay (median of hovers)', async () => {
    const latencies = await hoverLatencies(withExtension, server.url(ARTICLE, NEWS_HOST), scenario, 8, 350);
    expect(latencies.length).toBeGreaterThanOrEqual(4);
    expect(median(latencies)).toBeLessThan(100);
  }, 120_000);

  it('on an infinite-scroll feed: each appended story highlighted soon after it comes, in short tasks', async () => {
    const timing = await timingRun(withExtension, server.url(FEED, NEWS_HOST), feedScenario(1000));
    expect(timing.appendLatencies.length).toBeGreaterThanOrEqual(15);
    const sorted = [...timing.appendLatencies].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
    // 26 ms measured at p95 (a story's highlights are committed in the frame it was appended in); 0.4 s before that.
    expect(p95).toBeLessThan(200);
    expect(timing.longestTaskMs).toBeLessThan(100);
  }, 120_000);

  it('on a 2 MB page: bounded work, short tasks while scrolling, few ranges registered, far faster than mark.js', async () => {
    const url = server.url(LONG, NEWS_HOST);
    const timing = await timingRun(withExtension, url, scenario);
    // Budget 50 ms (25-55 ms measured: the longest is Chromium's paint after highlights change, see README).
    expect(timing.longestTaskMs).toBeLessThan(100);
    expect(timing.longestScrollTaskMs!).toBeLessThan(100);
    // Only what is near the viewport is registered, whatever the page's length.
    expect(timing.highlightCount).toBeGreaterThan(0);
    expect(timing.highlightCount).toBeLessThan(1500);

    // Counted from the load event: the page's own loading of 2 MB varies by several hundred ms from load to load.
    const caused = [];
    for (let i = 0; i < 3; i++) {
      const w = await costRun(withExtension, url, scenario, true);
      const wo = await costRun(without, url, scenario, false, w.settleMs);
      caused.push(w.afterLoadTaskMs - wo.afterLoadTaskMs);
    }
    const footnote = median(caused);
    // Budget 500 ms for all the work; counted from the load event it measures about 110 ms (see README).
    expect(footnote).toBeLessThan(1000);

    const { terms } = await recognisedTerms([longHtml]);
    const mark = await markJsRun(without, url, scenario, terms, false);
    const idle = await idleRun(without, url, scenario, false);
    // Budget: 5 times faster (about 10 times measured, see README); guarded at 2 times.
    expect(footnote * 2).toBeLessThan(mark.taskMs - idle);
  }, 300_000);
});
