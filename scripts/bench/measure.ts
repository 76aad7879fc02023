/**
 * The measurements, each on a fresh tab, over the DevTools Protocol:
 * - `timingRun`: a trace (every main-thread task, when the content script started) and the frames that painted
 *   changes to Footnote's highlights: time from document_idle to the highlights painted, the longest task;
 * - `costRun`: Performance.getMetrics TaskDuration (all main-thread time) and the JS heap after a collection,
 *   with or without the extension, for the with-minus-without difference;
 * - `profileRun`: a CPU profile, and the time its samples spend in scripts from one address (the content
 *   script's own code, mark.js's, the floor's);
 * - `hoverLatencies`: pointer onto a highlight, card on screen, minus the hover-intent delay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import type { BenchBrowser } from './browser';
import { firstScriptRun, markTime, pageMainThread, startTrace, stopTrace, tasksOf } from './trace';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const IN_PAGE_SCRIPT = readFileSync(path.join(HERE, 'in-page.js'), 'utf8');
export const IN_PAGE_URL = 'footnote-bench-in-page.js';
export const MARK_JS_URL = 'mark.min.js';
export const MARK_JS_SCRIPT = `${readFileSync(path.join(HERE, '../../node_modules/mark.js/dist/mark.min.js'), 'utf8')}\n//# sourceURL=${MARK_JS_URL}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a page does while it is measured, the same with and without the extension. */
export interface Scenario {
  /**
   * Waits until the page is done: with the extension, until Footnote has read it all; without, for `matchMs`
   * (the time a run with it took) or the scenario's own end. Resolves with the milliseconds it waited.
   */
  settle(page: Page, withExtension: boolean, matchMs?: number): Promise<number>;
  /** Optional second phase (the reader scrolls), measured apart. */
  scroll?(page: Page): Promise<void>;
}

/** Footnote has read what it reads without the reader: the whole page, or a very long one's first part. */
const SETTLED = `performance.getEntriesByName('footnote:settled').length > 0`;

/** A page that does nothing after loading: done when Footnote has read all of it, then quiet for `quietMs`. */
export function staticScenario(quietMs = 1000): Scenario {
  return {
    async settle(page, withExtension, matchMs) {
      const started = Date.now();
      if (withExtension) await page.waitForFunction(SETTLED, null, { timeout: 120_000, polling: 250 });
      else await page.waitForTimeout(Math.max(0, (matchMs ?? quietMs) - quietMs));
      await page.waitForTimeout(quietMs);
      return Date.now() - started;
    },
    async scroll(page) {
      // A reader paging through: most of a screen every 100 ms, 30 times.
      await page.evaluate(`performance.mark('bench:scroll')`);
      for (let i = 0; i < 30; i++) {
        await page.evaluate('scrollBy(0, innerHeight * 0.8)');
        await page.waitForTimeout(100);
      }
      await page.waitForTimeout(1000);
    },
  };
}

/**
 * A long page read in full: once Footnote has settled, the extension is asked for the page's summary (what the
 * popup does), which makes it read the rest at once; done when the whole page has been read.
 */
export function wholePageScenario(browser: BenchBrowser, quietMs = 1000): Scenario {
  return {
    async settle(page, withExtension, matchMs) {
      const started = Date.now();
      if (withExtension) {
        await page.waitForFunction(SETTLED, null, { timeout: 120_000, polling: 250 });
        await askForSummary(browser, page.url());
        await page.waitForFunction(`performance.getEntriesByName('footnote:scanned').length > 0`, null, { timeout: 300_000, polling: 250 });
      } else await page.waitForTimeout(Math.max(0, (matchMs ?? quietMs) - quietMs));
      await page.waitForTimeout(quietMs);
      return Date.now() - started;
    },
  };
}

declare const chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>>; sendMessage(tabId: number, message: unknown): Promise<unknown> } };

/** Sends the tab the popup's "page-summary" request from the extension's service worker. */
async function askForSummary(browser: BenchBrowser, url: string): Promise<void> {
  const pattern = `*://${new URL(url).hostname}/*`;
  await browser.worker!.evaluate(async (p: string) => {
    const tabs = await chrome.tabs.query({ url: p });
    await Promise.all(tabs.map((t) => (t.id === undefined ? null : chrome.tabs.sendMessage(t.id, { type: 'page-summary' }))));
  }, pattern);
}

/** The infinite feed: scroll to the end every 150 ms until the feed has appended all it has. */
export function feedScenario(quietMs = 1500): Scenario {
  return {
    async settle(page) {
      const started = Date.now();
      for (let i = 0; i < 2000; i++) {
        const done = await page.evaluate(`(scrollTo(0, document.documentElement.scrollHeight), window.__feedDone === true)`);
        if (done) break;
        await page.waitForTimeout(150);
      }
      await page.waitForTimeout(quietMs);
      return Date.now() - started;
    },
  };
}

async function openTab(browser: BenchBrowser, watch: boolean): Promise<{ page: Page; cdp: CDPSession }> {
  const tab = await browser.newTab();
  await tab.page.addInitScript(watch ? `${IN_PAGE_SCRIPT}\n;addEventListener('DOMContentLoaded', () => __footnoteBench.watchHighlights());` : IN_PAGE_SCRIPT);
  return tab;
}

export interface TimingResult {
  /** document_idle: when the content script first ran, in ms since navigation start. */
  idleAt: number;
  /** The first and last frames that painted a change of Footnote's highlights, ms after document_idle. */
  firstPaintedMs: number | null;
  paintedMs: number | null;
  /** When Footnote had read what it reads without the reader ('footnote:settled'), ms after document_idle. */
  scannedMs: number | null;
  /** Whether that was the whole page ('footnote:scanned'). */
  wholePageRead: boolean;
  /** When the whole page had been read, ms after document_idle (null if it was not). */
  wholeReadMs: number | null;
  /**
   * The longest main-thread task from document_idle until the end (before scrolling, when there is scrolling):
   * its thread time (the work) and its wall time (which also counts waiting for a core on a busy machine).
   */
  longestTaskMs: number;
  longestTaskWallMs: number;
  /** The longest task while the reader scrolled (thread time). */
  longestScrollTaskMs: number | null;
  /** Ranges painted at the end. */
  highlightCount: number;
  /** For the feed: each appended batch's delay until a frame painted new highlights, ms. */
  appendLatencies: number[];
}

export async function timingRun(browser: BenchBrowser, url: string, scenario: Scenario): Promise<TimingResult> {
  const { page, cdp } = await openTab(browser, true);
  await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await scenario.settle(page, true);
  const log = (await page.evaluate('__footnoteBench.highlightLog()')) as Array<{ at: number; count: number }>;
  const marks = (await page.evaluate(`({
    scanned: performance.getEntriesByName('footnote:settled')[0]?.startTime ?? null,
    whole: performance.getEntriesByName('footnote:scanned').length > 0,
    wholeAt: performance.getEntriesByName('footnote:scanned')[0]?.startTime ?? null,
    appends: window.__feedAppends ?? [],
    count: __footnoteBench.highlightCount(),
  })`)) as { scanned: number | null; whole: boolean; wholeAt: number | null; appends: number[]; count: number };
  if (scenario.scroll) await scenario.scroll(page);
  const events = await stopTrace(cdp);
  await page.close();

  const thread = pageMainThread(events, url);
  if (!thread) throw new Error(`No main thread found in the trace of ${url}`);
  const navigationStart = markTime(events, thread, 'navigationStart');
  const idleTs = firstScriptRun(events, thread, 'chrome-extension://');
  if (navigationStart === null || idleTs === null) throw new Error(`The content script did not run on ${url}`);
  const idleAt = (idleTs - navigationStart) / 1000;
  const scrollTs = markTime(events, thread, 'bench:scroll');
  const tasks = tasksOf(events, thread).filter((t) => t.ts + t.dur >= idleTs);
  const beforeScroll = tasks.filter((t) => scrollTs === null || t.ts < scrollTs);
  const whileScrolling = scrollTs === null ? [] : tasks.filter((t) => t.ts >= scrollTs);
  const appendLatencies = marks.appends.map((at) => {
    const painted = log.find((entry) => entry.at > at);
    return painted ? painted.at - at : Number.NaN;
  });
  return {
    idleAt,
    firstPaintedMs: log.length > 0 ? log[0]!.at - idleAt : null,
    paintedMs: log.length > 0 ? log[log.length - 1]!.at - idleAt : null,
    scannedMs: marks.scanned === null ? null : marks.scanned - idleAt,
    wholePageRead: marks.whole,
    wholeReadMs: marks.wholeAt === null ? null : marks.wholeAt - idleAt,
    longestTaskMs: Math.max(0, ...beforeScroll.map((t) => t.tdur / 1000)),
    longestTaskWallMs: Math.max(0, ...beforeScroll.map((t) => t.dur / 1000)),
    longestScrollTaskMs: scrollTs === null ? null : Math.max(0, ...whileScrolling.map((t) => t.tdur / 1000)),
    highlightCount: marks.count,
    appendLatencies: appendLatencies.filter((n) => Number.isFinite(n)),
  };
}

/** The longest task of a page without the extension, after its load event (for comparison). */
export async function pageAloneLongestTask(browser: BenchBrowser, url: string, scenario: Scenario): Promise<number> {
  const { page, cdp } = await openTab(browser, false);
  await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await scenario.settle(page, false);
  const events = await stopTrace(cdp);
  await page.close();
  const thread = pageMainThread(events, url);
  if (!thread) return 0;
  const load = events.find((e) => e.pid === thread.pid && e.name === 'MarkLoad')?.ts ?? markTime(events, thread, 'loadEventEnd') ?? 0;
  return Math.max(0, ...tasksOf(events, thread).filter((t) => t.ts >= load).map((t) => t.tdur / 1000));
}

export interface CostResult {
  /** All main-thread time until the page was done, ms. */
  taskMs: number;
  /** Of it, after the load event (less of the page's own loading, whose cost varies from load to load). */
  afterLoadTaskMs: number;
  /** Of which script, layout and style, ms. */
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** Main-thread time of the scrolling phase, ms (null without one). */
  scrollTaskMs: number | null;
  /** JS heap in use after a full collection, bytes. */
  heapBytes: number;
  /** How long the page was given after loading, ms (a run without the extension waits as long). */
  settleMs: number;
}

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * One load of a page, with or without the extension: main-thread time from the DevTools Protocol's Performance
 * metrics (cumulative for the tab's renderer main thread) and the heap after a full collection.
 */
export async function costRun(browser: BenchBrowser, url: string, scenario: Scenario, withExtension: boolean, matchMs?: number): Promise<CostResult> {
  const { page, cdp } = await openTab(browser, false);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const atLoad = await metrics(cdp);
  const settleMs = await scenario.settle(page, withExtension, matchMs);
  const loaded = await metrics(cdp);
  let scrollTaskMs: number | null = null;
  if (scenario.scroll) {
    await scenario.scroll(page);
    const after = await metrics(cdp);
    scrollTaskMs = ((after.TaskDuration ?? 0) - (loaded.TaskDuration ?? 0)) * 1000;
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await metrics(cdp);
  await page.close();
  return {
    taskMs: (loaded.TaskDuration ?? 0) * 1000,
    afterLoadTaskMs: ((loaded.TaskDuration ?? 0) - (atLoad.TaskDuration ?? 0)) * 1000,
    scriptMs: (loaded.ScriptDuration ?? 0) * 1000,
    layoutMs: (loaded.LayoutDuration ?? 0) * 1000,
    styleMs: (loaded.RecalcStyleDuration ?? 0) * 1000,
    scrollTaskMs,
    heapBytes: heap.JSHeapUsedSize ?? 0,
    settleMs,
  };
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds the profile's samples spent in code from scripts whose address starts with `urlPrefix`. */
export function selfTimeOf(profile: Profile, urlPrefix: string): number {
  const matching = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith(urlPrefix)).map((n) => n.id));
  let us = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample stands for the time until the next one.
    const delta = profile.timeDeltas[i + 1] ?? 0;
    if (matching.has(profile.samples[i]!)) us += delta;
  }
  return us / 1000;
}

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}

async function stopProfile(cdp: CDPSession): Promise<Profile> {
  const { profile } = await cdp.send('Profiler.stop');
  return profile as unknown as Profile;
}

/** The content script's own code: a CPU profile of the whole load, the samples in the extension's scripts. */
export async function footnoteProfileRun(browser: BenchBrowser, url: string, scenario: Scenario): Promise<number> {
  const { page, cdp } = await openTab(browser, false);
  await startProfile(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await scenario.settle(page, true);
  const profile = await stopProfile(cdp);
  await page.close();
  return selfTimeOf(profile, `chrome-extension://${browser.extensionId}/`);
}

export interface FloorResult {
  /** The pass's own time, as the profile attributes it, ms. */
  profiledMs: number;
  /** Its wall-clock time, ms. */
  wallMs: number;
  nodes: number;
  chars: number;
}

/** The floor: a bare TreeWalker pass reading every text node, once, on the loaded page (no extension). */
export async function floorRun(browser: BenchBrowser, url: string, scenario: Scenario): Promise<FloorResult> {
  const { page, cdp } = await openTab(browser, false);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await scenario.settle(page, false);
  await startProfile(cdp);
  const result = (await page.evaluate('__footnoteBench.floor()')) as { ms: number; nodes: number; chars: number };
  const profile = await stopProfile(cdp);
  await page.close();
  return { profiledMs: selfTimeOf(profile, IN_PAGE_URL), wallMs: result.ms, nodes: result.nodes, chars: result.chars };
}

export interface MarkResult {
  /** mark.js's own code, as the profile attributes it, ms. */
  profiledMs: number;
  /** From the call to its `done` callback, and to the frame that shows the marks, ms. */
  wallMs: number;
  paintedMs: number;
  marks: number;
  /** All main-thread time the marking caused (TaskDuration during it, minus the same wait without it), ms. */
  taskMs: number;
  longestTaskMs: number;
}

/** mark.js highlighting `terms` on the loaded page (no extension); for the feed, on each appended batch too. */
export async function markJsRun(browser: BenchBrowser, url: string, scenario: Scenario, terms: string[], feed: boolean): Promise<MarkResult> {
  const { page, cdp } = await openTab(browser, false);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  if (!feed) await scenario.settle(page, false);
  await page.addScriptTag({ content: MARK_JS_SCRIPT });
  await page.waitForTimeout(300);
  const before = await metrics(cdp);
  await startProfile(cdp);
  await startTrace(cdp);
  let result = { ms: 0, paintedMs: 0, marks: 0 };
  if (feed) {
    await page.evaluate(`__footnoteBench.markAppended(${JSON.stringify(terms)})`);
    await scenario.settle(page, false);
    result.marks = (await page.evaluate(`document.querySelectorAll('mark').length`)) as number;
  } else {
    result = (await page.evaluate(`__footnoteBench.markTerms(${JSON.stringify(terms)})`)) as typeof result;
    await page.waitForTimeout(1000);
  }
  const events = await stopTrace(cdp);
  const profile = await stopProfile(cdp);
  const after = await metrics(cdp);
  await page.close();
  const thread = pageMainThread(events, url) ?? { pid: -1, tid: -1 };
  const firstTs = events.filter((e) => e.ts > 0).reduce((m, e) => Math.min(m, e.ts), Infinity);
  return {
    profiledMs: selfTimeOf(profile, MARK_JS_URL),
    wallMs: result.ms,
    paintedMs: result.paintedMs,
    marks: result.marks,
    taskMs: ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000,
    longestTaskMs: Math.max(0, ...tasksOf(events, thread).filter((t) => t.ts >= firstTs).map((t) => t.tdur / 1000)),
  };
}

/** The same wait as `markJsRun`, doing nothing: what the page's main thread spends anyway in that time. */
export async function idleRun(browser: BenchBrowser, url: string, scenario: Scenario, feed: boolean): Promise<number> {
  const { page, cdp } = await openTab(browser, false);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  if (!feed) await scenario.settle(page, false);
  await page.waitForTimeout(300);
  const before = await metrics(cdp);
  if (feed) await scenario.settle(page, false);
  else await page.waitForTimeout(1000);
  const after = await metrics(cdp);
  await page.close();
  return ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000;
}

/**
 * Hover-to-card latency on highlights of the page, `samples` times: the pointer leaves, then lands on a
 * highlight; measured in the page from the pointermove to the frame that shows the card, minus the delay.
 */
export async function hoverLatencies(browser: BenchBrowser, url: string, scenario: Scenario, samples: number, delayMs: number): Promise<number[]> {
  const { page } = await openTab(browser, false);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await scenario.settle(page, true);
  // Give the prefetched card data time to arrive, as it has for a reader who has read the first lines.
  await page.waitForTimeout(500);
  const out: number[] = [];
  const names = ['footnote-money', 'footnote-percent', 'footnote-company'];
  for (let i = 0; out.length < samples && i < samples * 3; i++) {
    const name = names[i % names.length]!;
    const occurrence = Math.floor(i / names.length);
    const point = (await page.evaluate(`__footnoteBench.highlightPoint(${JSON.stringify(name)}, ${occurrence})`)) as { x: number; y: number } | null;
    if (!point) continue;
    await page.mouse.move(1, 1);
    await page.waitForFunction(`!document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]')`, null, { timeout: 5000 });
    const pending = page.evaluate(`__footnoteBench.cardAfterHover(${delayMs})`) as Promise<{ latencyMs: number }>;
    await sleep(30);
    await page.mouse.move(point.x, point.y);
    const result = await Promise.race([pending, sleep(5000).then(() => null)]);
    if (result) out.push(result.latencyMs);
  }
  await page.close();
  return out;
}
