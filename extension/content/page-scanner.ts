/**
 * Scans the page's text, keeps what it found (the ranges to paint and to hit-test), and rescans what a
 * MutationObserver reports as added or changed.
 *
 * How it stays cheap on long pages and pages that change for hours:
 * - the first screens of text are read first, in short slices; the rest when the browser is idle
 *   (`requestIdleCallback`), so that no task is long and the first highlights come at once; a very long page
 *   is read ahead of the reader rather than all at once;
 * - only the blocks near the viewport are painted once a page has many matches (`HighlightWindow`), and a
 *   match's range is made only when it is painted or asked for;
 * - mutations are batched per frame and mapped to the smallest blocks that contain them; a block is dropped
 *   (with its highlights) when it is rescanned, replaced or removed, so that nothing piles up.
 */
import type { BlockItem } from '../../src/context/block-items';
import { HighlightWindow, type Highlighter, type HighlightName, type PaintBlock } from './highlighter';
import { whenIdle, yieldToPage } from './scheduling';
import { blockElementOf, containsBlocks, isInsideSkipped, OWN_UI_ATTRIBUTE, textBlocks, locate, type TextBlock } from './text-blocks';

/** The page's text as Footnote reads it: every block's text, joined by a line break, in document order. */
export interface PageText {
  text: string;
  /** The blocks in order, each with the offset of its first character in `text`. */
  blocks: Array<{ scanned: ScannedBlock; start: number }>;
}

export interface PageMatch extends BlockItem {
  block: ScannedBlock;
  /** The matched text in the page (made when first asked for). */
  readonly range: StaticRange;
}

export interface ScannedBlock {
  block: TextBlock;
  matches: PageMatch[];
}

export interface ScannerOptions {
  recognize(text: string): BlockItem[];
  highlighter: Highlighter;
  /** Which kinds are painted (all are still found, for the popup and keyboard). */
  paint(kind: BlockItem['kind']): boolean;
  /** Called after each slice that found something. */
  onChange?(): void;
  /** Milliseconds of work per slice before yielding to the page. */
  sliceMs?: number;
  /** Up to this many ranges every match is painted; beyond it only those near the viewport (see HighlightWindow). */
  directPaintLimit?: number;
}

const HIGHLIGHT_OF: Record<BlockItem['kind'], HighlightName> = {
  company: 'footnote-company',
  money: 'footnote-money',
  percent: 'footnote-percent',
};

/**
 * About the first three or four screens of article text: read at once and painted directly; the rest of a
 * longer page is read in idle time. Counted in characters rather than measured on screen, because asking
 * where an element is would make the browser lay out a page that may still be loading, inside our task.
 */
const FIRST_SCREENS_CHARS = 16_000;
/**
 * Text read in the background regardless of where the reader is: some fifty screens, 15,000 words, more than
 * nearly any article. Beyond it (a 2 MB live blog, a filing) reading keeps READ_AHEAD_SCREENS ahead of the
 * reader instead of spending a second of CPU on text nobody may reach.
 */
const BACKGROUND_CHARS = 100_000;
const READ_AHEAD_SCREENS = 10;
/** Idle slices take what the browser offers, up to this, so that a task stays well under 50 ms. */
const IDLE_SLICE_MS = 12;
const now = () => performance.now();

function rangeIn(block: TextBlock, start: number, end: number): StaticRange {
  const a = locate(block, start);
  const b = locate(block, end, true);
  return new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
}

/** A match whose range is made when it is painted or asked for: most matches of a long page never are. */
class LazyMatch implements PageMatch {
  kind!: BlockItem['kind'];
  start!: number;
  end!: number;
  surface!: string;
  companyId!: string | null;
  figure!: BlockItem['figure'];
  candidates!: string[];
  private made: StaticRange | null = null;

  constructor(
    item: BlockItem,
    readonly block: ScannedBlock,
  ) {
    Object.assign(this, item);
  }

  get range(): StaticRange {
    return (this.made ??= rangeIn(this.block.block, this.start, this.end));
  }
}

/** A scanned block as the highlight window sees it. */
class Block implements ScannedBlock, PaintBlock {
  matches: PageMatch[] = [];

  constructor(
    readonly block: TextBlock,
    /** Which walk read it: a later walk over the same element replaces it. */
    readonly walk: number,
    private readonly paintKind: (kind: BlockItem['kind']) => boolean,
  ) {}

  get element(): Element {
    return this.block.element;
  }

  *paintRanges(): Iterable<readonly [HighlightName, AbstractRange]> {
    for (const match of this.matches) if (this.paintKind(match.kind)) yield [HIGHLIGHT_OF[match.kind], match.range];
  }

  paintCount(): number {
    let n = 0;
    for (const match of this.matches) if (this.paintKind(match.kind)) n++;
    return n;
  }
}

interface Walk {
  id: number;
  root: Node;
  iterator: Generator<TextBlock, void, undefined>;
  /** Set when the page removed the node the walk was to read next. */
  place: { lost: boolean };
  /** The last block read: where the walk is. */
  at: Element | null;
  /** Characters read so far. */
  chars: number;
}

export class PageScanner {
  /** Scanned blocks by their element, in the order they were read. */
  private readonly blocks = new Map<Element, Block[]>();
  /** Text nodes inside matches, for hit-testing: which block, which node of it. */
  private readonly byNode = new WeakMap<Text, { scanned: Block; index: number }>();
  private readonly window: HighlightWindow;
  private observer: MutationObserver | null = null;
  /** Added nodes and changed text, until the next flush. */
  private pending = new Set<Node>();
  /** Parents that lost children, until the next flush. */
  private readonly changedParents = new Set<Node>();
  private removals = false;
  private flushScheduled = false;
  private flushing: Promise<void> | null = null;
  private stopped = false;
  private walks = 0;
  /** The whole-page walk while it runs: changes ahead of it are left to it. */
  private pageWalk: Walk | null = null;
  /** Whether the map's order is still document order (it is while blocks are only appended after the last). */
  private inOrder = true;
  private lastElement: Element | null = null;
  private version = 0;
  private textCache: PageText | null = null;
  private matchCache: { version: number; matches: PageMatch[] } | null = null;
  private orderCache: { version: number; blocks: Block[] } | null = null;
  private readonly companies = new Set<string>();
  private readonly currencies = new Set<string>();
  private readonly paintKind = (kind: BlockItem['kind']) => this.options.paint(kind);
  private wantAll = false;
  private wholePageRead = false;
  /** Resumes a paused page walk. */
  private wake: (() => void) | null = null;
  private settledOnce = false;
  private resolveSettled!: () => void;
  /** Resolves when the page walk first pauses for the reader, or has read everything. */
  readonly settled = new Promise<void>((resolve) => {
    this.resolveSettled = resolve;
  });

  constructor(
    private readonly doc: Document,
    private readonly options: ScannerOptions,
  ) {
    this.window = new HighlightWindow(options.highlighter, doc.defaultView as (Window & typeof globalThis) | null, {
      directLimit: options.directPaintLimit ?? 200,
    });
  }

  private get root(): Node {
    return this.doc.body ?? this.doc.documentElement;
  }

  /**
   * Scans the page: the first screens at once (in short slices), the rest in idle time. On a very long page
   * (more than BACKGROUND_CHARS of text) reading then pauses while the part read reaches READ_AHEAD_SCREENS
   * below the viewport, and goes on as the reader scrolls towards it, or when `readAll()` is called.
   * Resolves when the whole page has been read; `settled` resolves when reading first pauses or ends.
   */
  async scan(): Promise<void> {
    try {
      // The first slice in a task of its own, not in the one that started Footnote on the page.
      await yieldToPage();
      for (;;) {
        const walk = this.startWalk(this.root);
        this.pageWalk = walk;
        const finished = await this.runWalk(walk, true);
        if (this.pageWalk === walk) this.pageWalk = null;
        if (finished && !this.stopped) this.wholePageRead = true;
        if (finished || this.stopped) return;
        // The page removed the part the walk stood in while it waited: walk again (a later walk's blocks
        // replace an earlier one's, so nothing is doubled).
      }
    } finally {
      this.markSettled();
    }
  }

  /** Reads the rest of a very long page without waiting for the reader (the popup's summary, the keyboard). */
  readAll(): void {
    this.wantAll = true;
    this.wake?.();
  }

  /** Whether the whole page has been read. */
  get complete(): boolean {
    return this.wholePageRead;
  }

  private startWalk(root: Node): Walk {
    const place = { lost: false };
    return { id: ++this.walks, root, iterator: textBlocks(root, place), at: null, chars: 0, place };
  }

  /**
   * Reads a walk's blocks in slices. With `idleAfterViewport`, slices after the first screen run when the
   * browser is idle. Resolves true when the walk is done, false when it lost its place (its node was removed).
   */
  private async runWalk(walk: Walk, idleAfterViewport: boolean): Promise<boolean> {
    const sliceMs = this.options.sliceMs ?? 8;
    let idle = false;
    let budget = sliceMs;
    for (;;) {
      const deadline = now() + budget;
      let found = false;
      let done = false;
      do {
        if (this.stopped) return true;
        const next = walk.iterator.next();
        if (next.done) {
          done = true;
          break;
        }
        walk.at = next.value.element;
        walk.chars += next.value.text.length;
        found = this.addBlock(next.value, walk.id) || found;
      } while (now() < deadline);
      // The first screens of the page are painted as they are read; later changes are committed together.
      if (idleAfterViewport && !idle) this.window.commitNow();
      if (found) this.options.onChange?.();
      if (done) return !walk.place.lost;
      if (idleAfterViewport && !idle && walk.chars > FIRST_SCREENS_CHARS) {
        idle = true;
        // A long page: what is read from here on is painted when the reader gets near it.
        this.window.narrow();
      }
      if (idle && walk.chars > BACKGROUND_CHARS && !this.wantAll && this.farAhead(walk)) {
        this.markSettled();
        await this.readerApproaches(walk);
        if (this.stopped) return true;
      }
      if (idle) budget = Math.max(4, Math.min(IDLE_SLICE_MS, await whenIdle(this.doc.defaultView, IDLE_SLICE_MS)));
      else await yieldToPage();
    }
  }

  /** Whether what the walk has read reaches well below the viewport. */
  private farAhead(walk: Walk): boolean {
    const view = this.doc.defaultView;
    if (!walk.at || !view) return false;
    return walk.at.getBoundingClientRect().top > view.innerHeight * READ_AHEAD_SCREENS;
  }

  /** Resolves when the reader scrolls (or resizes) towards where the walk stopped, or everything is wanted. */
  private readerApproaches(walk: Walk): Promise<void> {
    const view = this.doc.defaultView;
    return new Promise((resolve) => {
      const listening = new AbortController();
      let frame = 0;
      const done = () => {
        listening.abort();
        if (frame) view?.cancelAnimationFrame(frame);
        this.wake = null;
        resolve();
      };
      this.wake = done;
      if (!view) return;
      const check = () => {
        if (frame) return;
        frame = view.requestAnimationFrame(() => {
          frame = 0;
          if (!this.farAhead(walk)) done();
        });
      };
      const options = { capture: true, passive: true, signal: listening.signal };
      this.doc.addEventListener('scroll', check, options);
      view.addEventListener('resize', check, options);
    });
  }

  private markSettled(): void {
    if (this.settledOnce) return;
    this.settledOnce = true;
    this.resolveSettled();
  }

  private addBlock(textBlock: TextBlock, walk: number): boolean {
    const element = textBlock.element;
    const list = this.blocks.get(element);
    if (list && list.some((b) => b.walk !== walk)) this.dropBlocksOf(element);
    const items = this.options.recognize(textBlock.text);
    const scanned = new Block(textBlock, walk, this.paintKind);
    for (const item of items) {
      const match = new LazyMatch(item, scanned);
      scanned.matches.push(match);
      if (item.companyId) this.companies.add(item.companyId);
      for (const c of item.candidates) this.companies.add(c);
      if (item.figure?.currency) this.currencies.add(item.figure.currency);
      if (item.figure?.pairedAmount) this.currencies.add(item.figure.pairedAmount.currency);
    }
    const current = this.blocks.get(element);
    if (current) current.push(scanned);
    else {
      if (this.inOrder && this.lastElement && this.lastElement !== element) {
        this.inOrder = (this.lastElement.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      }
      this.lastElement = element;
      this.blocks.set(element, [scanned]);
    }
    this.version++;
    this.textCache = null;
    if (items.length === 0) return false;
    this.indexNodes(scanned);
    this.window.add(scanned);
    return true;
  }

  /** Remembers the text nodes that matches cover, for hit-testing. */
  private indexNodes(scanned: Block): void {
    if (scanned.matches.length === 0) return;
    const { nodes, starts } = scanned.block;
    // Where each node ends, read once per block (not once per match and node: a node's `data` is a call into the DOM).
    const ends = nodes.map((node, i) => starts[i]! + node.data.length);
    for (const match of scanned.matches) {
      // The first node that reaches the match (ends grow with i), then each node until one starts after it.
      let lo = 0;
      let hi = nodes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ends[mid]! < match.start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < nodes.length && starts[i]! <= match.end; i++) this.byNode.set(nodes[i]!, { scanned, index: i });
    }
  }

  private dropBlocksOf(element: Element): void {
    const list = this.blocks.get(element);
    if (!list) return;
    for (const scanned of list) {
      this.window.delete(scanned);
      for (const node of scanned.block.nodes) if (this.byNode.get(node)?.scanned === scanned) this.byNode.delete(node);
    }
    this.blocks.delete(element);
    if (element === this.lastElement) this.lastElement = null;
    this.version++;
    this.textCache = null;
  }

  /** Every scanned block, in document order. */
  private orderedBlocks(): Block[] {
    if (this.orderCache?.version === this.version) return this.orderCache.blocks;
    let elements = [...this.blocks.keys()];
    if (!this.inOrder) {
      elements = elements.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      // Sorted once: the map is rebuilt in document order, so that later appends keep it in order.
      const sorted = elements.map((el) => [el, this.blocks.get(el)!] as const);
      this.blocks.clear();
      for (const [el, list] of sorted) this.blocks.set(el, list);
      this.inOrder = true;
      this.lastElement = elements[elements.length - 1] ?? null;
    }
    const blocks = elements.flatMap((el) => this.blocks.get(el)!);
    this.orderCache = { version: this.version, blocks };
    return blocks;
  }

  /** Every match in document order. */
  matches(): PageMatch[] {
    if (this.matchCache?.version === this.version) return this.matchCache.matches;
    const matches = this.orderedBlocks().flatMap((s) => s.matches);
    this.matchCache = { version: this.version, matches };
    return matches;
  }

  /** The companies named or attributed so far, and the currencies of the figures: what the cards will need. */
  needs(): { companyIds: ReadonlySet<string>; currencies: ReadonlySet<string> } {
    return { companyIds: this.companies, currencies: this.currencies };
  }

  /** The page's text (cached until the page changes): what notes quote and are found again in. */
  pageText(): PageText {
    if (this.textCache) return this.textCache;
    const blocks: PageText['blocks'] = [];
    const parts: string[] = [];
    let offset = 0;
    for (const scanned of this.orderedBlocks()) {
      blocks.push({ scanned, start: offset });
      parts.push(scanned.block.text);
      offset += scanned.block.text.length + 1;
    }
    this.textCache = { text: parts.join('\n'), blocks };
    return this.textCache;
  }

  /** A range for page-text offsets [start, end), or null when they do not fall inside one block. */
  rangeOfPageText(start: number, end: number): StaticRange | null {
    const { blocks } = this.pageText();
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (blocks[mid]!.start <= start) lo = mid;
      else hi = mid - 1;
    }
    const entry = blocks[lo];
    if (!entry) return null;
    const block = entry.scanned.block;
    const localStart = start - entry.start;
    const localEnd = end - entry.start;
    if (localStart < 0 || localEnd > block.text.length || localEnd <= localStart) return null;
    return rangeIn(block, localStart, localEnd);
  }

  /** Where a match is in the page's text. */
  pageOffsetsOf(match: PageMatch): { start: number; end: number } | null {
    const entry = this.pageText().blocks.find((b) => b.scanned === match.block);
    return entry ? { start: entry.start + match.start, end: entry.start + match.end } : null;
  }

  /** The match under a caret position (a text node and an offset in it). */
  matchesAt(node: Node, offset: number): PageMatch[] {
    if (node.nodeType !== Node.TEXT_NODE) return [];
    const entry = this.byNode.get(node as Text);
    if (!entry) return [];
    const at = entry.scanned.block.starts[entry.index]! + offset;
    return entry.scanned.matches.filter((m) => m.start <= at && at <= m.end);
  }

  /** How many ranges are painted now (all of them, or those near the viewport on a page with many). */
  get paintedRanges(): number {
    return this.window.paintedRanges;
  }

  /** Paints again with the current choice of kinds. */
  repaint(): void {
    this.window.repaint();
  }

  /** Watches the page for added, changed and removed text and rescans it, batched per animation frame. */
  observe(): void {
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.root, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') this.pending.add(record.target);
      else {
        record.addedNodes.forEach((n) => this.pending.add(n));
        if (record.removedNodes.length > 0) {
          this.changedParents.add(record.target);
          this.removals = true;
        }
      }
    }
    this.scheduleFlush();
  }

  /**
   * Where to read again after a change: the text block the change is in when Footnote holds it (its words may
   * now read differently); else, for an element added to a container (a story appended to a feed), just that
   * element, so that a feed is not read again from its top for every story; new words directly in a
   * container, the container. Null when there is nothing to read (white space, Footnote's own UI, code).
   */
  private targetOf(node: Node, removal: boolean): Element | null {
    const root = this.root;
    const isElement = node.nodeType === Node.ELEMENT_NODE;
    const el = isElement ? (node as Element) : node.parentElement;
    if (!el || el.closest(`[${OWN_UI_ATTRIBUTE}]`) || isInsideSkipped(el, root)) return null;
    const block = blockElementOf(el, root);
    if (this.blocks.has(block)) return block;
    if (removal) return null; // What was removed is dropped by the sweep; the rest of a container is unchanged.
    if (isElement) return block === el || containsBlocks(el) ? el : block;
    return /\S/.test((node as CharacterData).data) ? block : null;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.stopped) return;
    this.flushScheduled = true;
    requestAnimationFrame(() => {
      this.flushScheduled = false;
      // One flush at a time: changes that come during one wait for the next.
      this.flushing = (this.flushing ?? Promise.resolve()).then(() => this.flush()).finally(() => {
        this.flushing = null;
      });
    });
  }

  private async flush(): Promise<void> {
    if (this.stopped) return;
    const nodes = [...this.pending];
    const parents = [...this.changedParents];
    const removals = this.removals;
    this.pending.clear();
    this.changedParents.clear();
    this.removals = false;
    // The elements that contain the changes: what a rescan starts from.
    const targets = new Set<Element>();
    for (const [list, removal] of [[nodes, false], [parents, true]] as const) {
      for (const node of list) {
        if (!node.isConnected) continue;
        const target = this.targetOf(node, removal);
        if (target) targets.add(target);
      }
    }
    // Blocks of the changed elements go, whether or not they still hold text.
    for (const target of targets) this.dropBlocksOf(target);
    const outermost = [...targets].filter((t) => {
      for (let up = t.parentElement; up; up = up.parentElement) if (targets.has(up)) return false;
      return true;
    });
    const walk = this.pageWalk;
    for (const target of outermost) {
      if (this.stopped) return;
      // The page walk has not got there yet: it will read the new text itself.
      if (walk?.at && walk.root.contains(target)) {
        const position = walk.at.compareDocumentPosition(target);
        if (position & Node.DOCUMENT_POSITION_FOLLOWING && !(position & Node.DOCUMENT_POSITION_CONTAINED_BY)) continue;
      }
      const rescan = this.startWalk(target);
      await this.runWalk(rescan, false);
    }
    // Drop what was removed from the page, so that nothing leaks.
    if (removals) this.sweep();
    // Text above may have grown or shrunk: what is near the viewport is checked again, in the page's frame.
    this.window.pageChanged();
    this.options.onChange?.();
  }

  /** Drops the blocks whose element or text left the page. */
  private sweep(): void {
    for (const [element, list] of [...this.blocks]) {
      if (!element.isConnected || list.some((b) => !b.block.nodes[0]!.isConnected || !b.block.nodes[b.block.nodes.length - 1]!.isConnected)) {
        this.dropBlocksOf(element);
      }
    }
  }

  /** How many blocks are held (for tests of what a long session keeps). */
  get blockCount(): number {
    let n = 0;
    for (const list of this.blocks.values()) n += list.length;
    return n;
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
    this.markSettled();
    this.changedParents.clear();
    this.observer?.disconnect();
    this.window.destroy();
    for (const element of [...this.blocks.keys()]) this.dropBlocksOf(element);
    this.pending.clear();
  }
}
