import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightWindow, type Highlighter, type HighlightName, type PaintBlock } from '../../../extension/content/highlighter';

/**
 * A page of blocks 100 px tall, one under the other, in a fake window 1,000 px high: where each block is depends on
 * the scroll position, as getBoundingClientRect says in a browser. Timers, frames and the clock are vitest's.
 */
function fakePage() {
  let scrollY = 0;
  const scrollListeners: (() => void)[] = [];
  const rectCalls = new Map<number, number>();
  const view = {
    innerHeight: 1000,
    performance,
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 16) as unknown as number,
    cancelAnimationFrame: (id: number) => clearTimeout(id),
    addEventListener: () => undefined,
    document: { addEventListener: (type: string, fn: () => void) => void (type === 'scroll' && scrollListeners.push(fn)) },
  };
  const registered = new Set<AbstractRange>();
  const highlighter: Highlighter = {
    add: (_name, range) => void registered.add(range),
    delete: (_name, range) => void registered.delete(range),
    clear: () => registered.clear(),
    count: () => registered.size,
    show: () => undefined,
    destroy: () => registered.clear(),
  };
  const block = (index: number, top = index * 100): PaintBlock & { index: number; top: number } => {
    const range = { index } as unknown as AbstractRange;
    const b = {
      index,
      top,
      element: {
        getBoundingClientRect: () => {
          rectCalls.set(index, (rectCalls.get(index) ?? 0) + 1);
          return { top: b.top - scrollY, bottom: b.top + 100 - scrollY, width: 600, height: 100 } as DOMRect;
        },
      } as unknown as Element,
      paintRanges: () => [['footnote-money' as HighlightName, range] as const],
      paintCount: () => 1,
    };
    return b;
  };
  const paintedIndexes = () => [...registered].map((r) => (r as unknown as { index: number }).index).sort((a, b) => a - b);
  const scrollTo = (y: number) => {
    scrollY = y;
    for (const fn of scrollListeners) fn();
  };
  return { view, highlighter, block, paintedIndexes, scrollTo, rectCalls };
}

/** A window over the fake page in its long-page mode: only groups near the viewport are painted. */
function longPageWindow(page: ReturnType<typeof fakePage>): HighlightWindow {
  const win = new HighlightWindow(page.highlighter, page.view as unknown as Window & typeof globalThis, { directLimit: 0 });
  win.narrow();
  return win;
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
afterEach(() => vi.useRealTimers());

describe('HighlightWindow on a long page', () => {
  it('paints only the blocks within a screen of the viewport, and follows the reader as they scroll', async () => {
    const page = fakePage();
    const win = longPageWindow(page);
    for (let i = 0; i < 300; i++) win.add(page.block(i));
    await vi.advanceTimersByTimeAsync(1000);
    // Viewport 0-1000 px, margin one screen: blocks whose group reaches above 2,000 px (groups of 12 blocks).
    const near = page.paintedIndexes();
    expect(near[0]).toBe(0);
    expect(near.at(-1)).toBeLessThan(36);
    expect(near.length).toBeGreaterThanOrEqual(20);

    page.scrollTo(15_000);
    await vi.advanceTimersByTimeAsync(1000);
    const after = page.paintedIndexes();
    expect(after[0]).toBeGreaterThan(100);
    expect(after).toContain(150);
    expect(after.at(-1)).toBeLessThan(190);
    expect(after).not.toContain(0);
  });

  it('does not measure the blocks already placed again while it reads more of the page; scrolling and recheck() do', async () => {
    const page = fakePage();
    const win = longPageWindow(page);
    for (let i = 0; i < 24; i++) win.add(page.block(i));
    await vi.advanceTimersByTimeAsync(500);
    const firstChecks = page.rectCalls.get(0)!;
    expect(firstChecks).toBeGreaterThan(0);
    // Reading on, in slices, for two seconds: thousands of blocks further down.
    for (let slice = 0; slice < 20; slice++) {
      for (let i = 0; i < 100; i++) win.add(page.block(24 + slice * 100 + i));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(page.rectCalls.get(0)).toBe(firstChecks);
    // The groups read last were measured (the first block of each group is, and 2016 = 12 × 168 begins one).
    expect(page.rectCalls.get(2016)).toBeGreaterThan(0);

    page.scrollTo(100);
    await vi.advanceTimersByTimeAsync(500);
    expect(page.rectCalls.get(0)).toBe(firstChecks + 1);
    win.recheck();
    await vi.advanceTimersByTimeAsync(500);
    expect(page.rectCalls.get(0)).toBe(firstChecks + 2);
  });

  it('after recheck(), paints blocks the page moved into view without scrolling', async () => {
    const page = fakePage();
    const win = longPageWindow(page);
    const blocks = Array.from({ length: 120 }, (_, i) => page.block(i));
    for (const b of blocks) win.add(b);
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.paintedIndexes()).not.toContain(100);
    // The page removed what was above: blocks 96-119 now sit at the top.
    for (const b of blocks) b.top = (b.index - 96) * 100;
    win.recheck();
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.paintedIndexes()).toContain(100);
    expect(page.paintedIndexes()).not.toContain(0);
  });
});

describe('HighlightWindow when the page changes the document', () => {
  it('commits what the change brought in the same frame, not in a later one that would repaint the page again', async () => {
    const page = fakePage();
    const win = new HighlightWindow(page.highlighter, page.view as unknown as Window & typeof globalThis);
    win.add(page.block(0));
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.paintedIndexes()).toEqual([0]);
    // A story appended by the page: its block is read and the page's frame handled, synchronously.
    win.add(page.block(1));
    win.pageChanged();
    expect(page.paintedIndexes()).toEqual([0, 1]);
  });

  it('on a long page, checks what is near and commits it at once', async () => {
    const page = fakePage();
    const win = longPageWindow(page);
    for (let i = 0; i < 24; i++) win.add(page.block(i));
    await vi.advanceTimersByTimeAsync(1000);
    const before = page.paintedIndexes();
    // The page removed what was above: blocks 96-119 (read now) sit at the top.
    const later = Array.from({ length: 24 }, (_, i) => page.block(96 + i, i * 100));
    for (const b of later) win.add(b);
    win.pageChanged();
    expect(page.paintedIndexes()).toContain(100);
    expect(page.paintedIndexes().length).toBeGreaterThan(before.length);
  });

  it('does not commit more than every 100 ms for a page that changes every frame: the rest waits for the batch', async () => {
    const page = fakePage();
    const win = new HighlightWindow(page.highlighter, page.view as unknown as Window & typeof globalThis);
    win.add(page.block(0));
    win.pageChanged();
    expect(page.paintedIndexes()).toEqual([0]);
    await vi.advanceTimersByTimeAsync(16);
    win.add(page.block(1));
    win.pageChanged();
    expect(page.paintedIndexes()).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(page.paintedIndexes()).toEqual([0, 1]);
  });
});
