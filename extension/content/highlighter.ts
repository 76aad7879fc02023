/**
 * Paints highlights with the CSS Custom Highlight API, under names readers can restyle:
 * `::highlight(footnote-company)`, `footnote-money`, `footnote-percent`, `footnote-note`.
 * The page's DOM is not changed: the look is the content script's style sheet (public/highlights.css) and, on
 * ordinary pages, one adopted style sheet with underlines.
 */

export type HighlightName = 'footnote-company' | 'footnote-money' | 'footnote-percent' | 'footnote-note';
export const HIGHLIGHT_NAMES: readonly HighlightName[] = ['footnote-company', 'footnote-money', 'footnote-percent', 'footnote-note'];

/**
 * The base look, tints only, is `public/highlights.css`: declared as the content script's CSS in the manifest, so
 * the browser has it before the page is parsed (a style sheet added later restyles every element of the page:
 * measured 370-1000 ms on a 2 MB page). On ordinary pages the content script adds underlines on top; on very long
 * pages it does not: in Chromium an underline in a highlight makes every change of the highlights repaint-walk the
 * whole page (60-190 ms per change on a 2 MB page, against 5-20 ms for tints), and on a long page the highlights
 * change as the reader scrolls.
 */
const UNDERLINE_STYLE = `
::highlight(footnote-company) { background-color: transparent; text-decoration: underline dotted 1.5px; text-decoration-color: #2563eb; text-underline-offset: 3px; }
::highlight(footnote-money) { text-decoration: underline solid 1.5px; text-decoration-color: rgba(202, 138, 4, 0.9); }
::highlight(footnote-percent) { text-decoration: underline solid 1.5px; text-decoration-color: rgba(22, 163, 74, 0.8); }
@media (prefers-color-scheme: dark) {
  ::highlight(footnote-company) { text-decoration-color: #93c5fd; }
  ::highlight(footnote-money) { text-decoration-color: rgba(253, 224, 71, 0.9); }
  ::highlight(footnote-percent) { text-decoration-color: rgba(134, 239, 172, 0.9); }
}`;

/** Pages with more elements than this get the long-page look (an ordinary news article has 1,000 to 5,000). */
const LONG_PAGE_ELEMENTS = 12_000;

export function supportsHighlights(win: Window & typeof globalThis = window): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

export interface Highlighter {
  add(name: HighlightName, range: AbstractRange): void;
  delete(name: HighlightName, range: AbstractRange): void;
  clear(): void;
  count(name?: HighlightName): number;
  /** Puts the highlights on screen (a highlighter made `hidden` holds its ranges unseen until then). */
  show(): void;
  destroy(): void;
}

export interface HighlighterOptions {
  /**
   * Hold the ranges without showing them until `show()`: the content script reads the page while it waits to
   * hear whether the reader switched this site off, and shows nothing of a site that is off.
   */
  hidden?: boolean;
}

export function createHighlighter(doc: Document = document, options: HighlighterOptions = {}): Highlighter {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win || !supportsHighlights(win)) return createNoopHighlighter();

  let sheet: CSSStyleSheet | null = null;
  const highlights = new Map<HighlightName, Highlight>();
  for (const name of HIGHLIGHT_NAMES) {
    const highlight = new win.Highlight();
    // Notes paint above figures, figures above companies.
    highlight.priority = HIGHLIGHT_NAMES.indexOf(name);
    highlights.set(name, highlight);
  }
  let shown = false;
  let destroyed = false;
  const show = () => {
    if (shown || destroyed) return;
    shown = true;
    if (doc.getElementsByTagName('*').length <= LONG_PAGE_ELEMENTS) {
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(UNDERLINE_STYLE);
      // Ours go first so that the page's own ::highlight(footnote-*) rules win.
      doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
    }
    for (const [name, highlight] of highlights) win.CSS.highlights.set(name, highlight);
  };
  if (!options.hidden) show();
  return {
    add: (name, range) => void highlights.get(name)!.add(range),
    delete: (name, range) => void highlights.get(name)!.delete(range),
    clear: () => highlights.forEach((h) => h.clear()),
    count: (name) => (name ? highlights.get(name)!.size : [...highlights.values()].reduce((n, h) => n + h.size, 0)),
    show,
    destroy() {
      destroyed = true;
      for (const name of HIGHLIGHT_NAMES) if (win.CSS.highlights.get(name) === highlights.get(name)) win.CSS.highlights.delete(name);
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}

/**
 * Engines without the Custom Highlight API: Footnote still finds figures and opens cards (hover and keyboard
 * work from the same match list), it only paints nothing.
 */
function createNoopHighlighter(): Highlighter {
  const sets = new Map<HighlightName, Set<AbstractRange>>(HIGHLIGHT_NAMES.map((n) => [n, new Set()]));
  return {
    add: (name, range) => void sets.get(name)!.add(range),
    delete: (name, range) => void sets.get(name)!.delete(range),
    clear: () => sets.forEach((s) => s.clear()),
    count: (name) => (name ? sets.get(name)!.size : [...sets.values()].reduce((n, s) => n + s.size, 0)),
    show: () => undefined,
    destroy: () => sets.forEach((s) => s.clear()),
  };
}

/** What the window paints: one block's ranges, shown or hidden together. */
export interface PaintBlock {
  /** The element whose place on screen decides whether the block is painted. */
  readonly element: Element;
  /** The ranges to paint and the highlight of each (asked each time the block is painted). */
  paintRanges(): Iterable<readonly [HighlightName, AbstractRange]>;
  /** How many ranges `paintRanges` gives, without making them. */
  paintCount(): number;
}

export interface HighlightWindowOptions {
  /** Up to this many ranges (200 by default), every block is painted, wherever it is. */
  directLimit?: number;
  /** How far beyond the viewport blocks are painted, in viewport heights (1 by default). */
  margin?: number;
}

/** Consecutive blocks (in the order they were read) that are painted or not together. */
interface Group {
  blocks: PaintBlock[];
  ranges: number;
  near: boolean;
}

const GROUP_RANGES = 48;
const COMMIT_EVERY_MS = 400;
const GROUP_BLOCKS = 12;
const UPDATE_EVERY_MS = 100;
const IN_FRAME_COMMIT_MS = 100;

/**
 * Decides which blocks' ranges are registered with the highlights. What registered ranges cost in Chromium
 * (measured, Chromium 156):
 * - every change to a highlight: a pass over all registered ranges (about 6 µs each) and a repaint of the page;
 * - every DOM change the page makes, however small: some 20-30 µs of paint work per registered range (400
 *   ranges add about 10 ms to each append of a feed), because the highlights' markers are invalidated;
 * - scrolling: nothing measurable.
 * So few ranges are registered at any time, and changes are committed together: up to `directLimit` ranges (an
 * ordinary article) every block is painted; beyond that, or once the scanner calls `narrow()` on a long page,
 * blocks are kept in groups of consecutive blocks and a group is painted while the span from its first to its
 * last block is within `margin` screens of the viewport, checked in an animation frame after scrolling or
 * resizing (at most every 100 ms, two rectangles per group). An IntersectionObserver on thousands of blocks was
 * measured to add 1.5 ms to every frame the page renders, animations included, so it is not used.
 */
export class HighlightWindow {
  /** The blocks that should be painted; `registered` catches up at the next commit. */
  private readonly shown = new Set<PaintBlock>();
  /** The ranges each painted block registered, to remove exactly those. */
  private readonly registered = new Map<PaintBlock, Array<readonly [HighlightName, AbstractRange]>>();
  /** Blocks whose painting changes at the next commit. */
  private readonly dirty = new Set<PaintBlock>();
  private commitTimer: ReturnType<typeof setTimeout> | undefined;
  private lastCommit = -Infinity;
  private shownRanges = 0;
  private readonly groupOf = new Map<PaintBlock, Group>();
  private groups: Group[] | null = null;
  private open: Group | null = null;
  private rangeCount = 0;
  private readonly directLimit: number;
  private readonly margin: number;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastUpdate = -Infinity;
  /**
   * Groups made or grown since the last check. Reading more of the page moves nothing on it, so the next check
   * looks at these alone; scrolling, resizing and changes to the page (`recheck`) have every group checked.
   */
  private readonly fresh = new Set<Group>();
  private checkAll = false;
  private readonly listening = new AbortController();

  constructor(
    private readonly highlighter: Highlighter,
    private readonly win: (Window & typeof globalThis) | null,
    options: HighlightWindowOptions = {},
  ) {
    this.directLimit = options.directLimit ?? 200;
    this.margin = options.margin ?? 1;
  }

  /** Whether only the blocks near the viewport are painted. */
  get windowed(): boolean {
    return this.groups !== null;
  }

  /** Ranges registered now. */
  get paintedRanges(): number {
    return this.rangeCount;
  }

  add(block: PaintBlock): void {
    if (!this.groups) {
      this.paint(block);
      if (this.shownRanges > this.directLimit) this.narrow();
      return;
    }
    this.join(block);
    this.updateSoon(false);
  }

  delete(block: PaintBlock): void {
    this.unpaint(block);
    const group = this.groupOf.get(block);
    if (!group) return;
    this.groupOf.delete(block);
    const at = group.blocks.indexOf(block);
    if (at >= 0) group.blocks.splice(at, 1);
    if (group.blocks.length === 0 && this.groups) {
      this.groups.splice(this.groups.indexOf(group), 1);
      this.fresh.delete(group);
      if (this.open === group) this.open = null;
    } else this.fresh.add(group);
  }

  /** Paints again what is shown (after a change of which kinds are painted). */
  repaint(): void {
    for (const block of [...this.registered.keys()]) this.unregister(block);
    for (const block of this.shown) this.dirty.add(block);
    this.commitNow();
  }

  /** Registers what changed now, without waiting (the first screens of a page, read in the foreground). */
  commitNow(): void {
    clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    this.commit();
  }

  /** From now on, paints only the blocks near the viewport (what is painted now stays until the first check). */
  narrow(): void {
    if (this.groups) return;
    this.groups = [];
    for (const block of this.shown) this.join(block, true);
    const view = this.win;
    if (view) {
      const options = { capture: true, passive: true, signal: this.listening.signal };
      // Capturing at the document sees the scrolling of inner scroll areas too.
      view.document.addEventListener('scroll', () => this.updateSoon(true), options);
      view.addEventListener('resize', () => this.updateSoon(true), options);
    }
    this.updateSoon(true);
  }

  /** Checks now which groups are near (after the page changed under the blocks). */
  recheck(): void {
    if (this.groups) this.updateSoon(true);
  }

  /**
   * The page changed the document in this frame (called from the frame's mutation handling): whatever changed
   * is checked and committed in this same frame, so that the repaint our change costs is the one the page's
   * change costs anyway, not a second one later. At most every IN_FRAME_COMMIT_MS, so that a page changing
   * every frame does not have the highlights repainted every frame.
   */
  pageChanged(): void {
    const view = this.win;
    if (!view || view.performance.now() - this.lastCommit < IN_FRAME_COMMIT_MS) {
      this.recheck();
      return;
    }
    if (this.groups) {
      if (this.frame) view.cancelAnimationFrame(this.frame);
      this.frame = 0;
      clearTimeout(this.timer);
      this.timer = undefined;
      this.checkAll = true;
      this.update();
    }
    if (this.dirty.size > 0) this.commitNow();
  }

  private join(block: PaintBlock, near = false): void {
    const count = block.paintCount();
    let group = this.open;
    if (!group || group.ranges >= GROUP_RANGES || group.blocks.length >= GROUP_BLOCKS) {
      group = { blocks: [], ranges: 0, near };
      this.groups!.push(group);
      this.open = group;
    }
    group.blocks.push(block);
    group.ranges += count;
    this.groupOf.set(block, group);
    this.fresh.add(group);
    if (group.near) this.paint(block);
  }

  /** Schedules a check in an animation frame, at most every UPDATE_EVERY_MS: of every group, or the fresh ones. */
  private updateSoon(all: boolean): void {
    if (all) this.checkAll = true;
    const view = this.win;
    if (!view || this.frame || this.timer !== undefined) return;
    const wait = this.lastUpdate + UPDATE_EVERY_MS - view.performance.now();
    const inFrame = () => {
      this.frame = view.requestAnimationFrame(() => {
        this.frame = 0;
        this.update();
      });
    };
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        inFrame();
      }, wait);
    } else inFrame();
  }

  private update(): void {
    const view = this.win;
    if (!view || !this.groups) return;
    this.lastUpdate = view.performance.now();
    const height = view.innerHeight;
    const top = -this.margin * height;
    const bottom = height + this.margin * height;
    const groups = this.checkAll ? this.groups : [...this.fresh];
    this.checkAll = false;
    this.fresh.clear();
    for (const group of groups) {
      if (group.blocks.length === 0) continue;
      const first = group.blocks[0]!.element.getBoundingClientRect();
      const last = group.blocks[group.blocks.length - 1]!.element.getBoundingClientRect();
      // A block with no box (hidden, or display: contents) says nothing about where the group is.
      const boxes = [first, last].filter((r) => r.width > 0 || r.height > 0);
      const near = boxes.length > 0 && Math.min(...boxes.map((r) => r.top)) < bottom && Math.max(...boxes.map((r) => r.bottom)) > top;
      if (near === group.near) continue;
      group.near = near;
      for (const block of group.blocks) {
        if (near) this.paint(block);
        else this.unpaint(block);
      }
    }
  }

  private paint(block: PaintBlock): void {
    if (this.shown.has(block)) return;
    this.shown.add(block);
    this.shownRanges += block.paintCount();
    this.changed(block);
  }

  private unpaint(block: PaintBlock): void {
    if (!this.shown.delete(block)) return;
    this.shownRanges -= block.paintCount();
    this.changed(block);
  }

  /**
   * Every change to the highlights costs Chromium a repaint of the whole page, however few ranges change
   * (measured on the feed: 60 appended stories, one change each, added 1 s of paint), so changes are committed
   * together, at most every COMMIT_EVERY_MS (the first at once), except in a frame where the page itself changed
   * the document (`pageChanged`), which is repainted anyway.
   */
  private changed(block: PaintBlock): void {
    this.dirty.add(block);
    if (this.commitTimer !== undefined) return;
    const wait = Math.max(0, this.lastCommit + COMMIT_EVERY_MS - performance.now());
    this.commitTimer = setTimeout(() => {
      this.commitTimer = undefined;
      this.commit();
    }, wait);
  }

  private commit(): void {
    if (this.dirty.size === 0) return;
    this.lastCommit = performance.now();
    for (const block of this.dirty) {
      const want = this.shown.has(block);
      const have = this.registered.has(block);
      if (want && !have) this.register(block);
      else if (!want && have) this.unregister(block);
    }
    this.dirty.clear();
  }

  private register(block: PaintBlock): void {
    const ranges = [...block.paintRanges()];
    for (const [name, range] of ranges) this.highlighter.add(name, range);
    this.registered.set(block, ranges);
    this.rangeCount += ranges.length;
  }

  private unregister(block: PaintBlock): void {
    const ranges = this.registered.get(block);
    if (!ranges) return;
    for (const [name, range] of ranges) this.highlighter.delete(name, range);
    this.registered.delete(block);
    this.rangeCount -= ranges.length;
  }

  destroy(): void {
    this.listening.abort();
    if (this.frame) this.win?.cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    for (const block of [...this.registered.keys()]) this.unregister(block);
    this.shown.clear();
    this.dirty.clear();
    this.shownRanges = 0;
    this.groupOf.clear();
    this.groups = this.groups ? [] : null;
    this.open = null;
  }
}
