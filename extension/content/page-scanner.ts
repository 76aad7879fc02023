/**
 * Scans the page's text in time-boxed slices, keeps the list of what it found (with the ranges to paint and
 * to hit-test), and rescans what a MutationObserver reports as added or changed, batched.
 */
import type { BlockItem } from '../../src/context/block-items';
import type { Highlighter, HighlightName } from './highlighter';
import { isInsideSkipped, OWN_UI_ATTRIBUTE, textBlocks, locate, type TextBlock } from './text-blocks';

/** The page's text as Footnote reads it: every block's text, joined by a line break, in document order. */
export interface PageText {
  text: string;
  /** The blocks in order, each with the offset of its first character in `text`. */
  blocks: Array<{ scanned: ScannedBlock; start: number }>;
}

export interface PageMatch extends BlockItem {
  block: ScannedBlock;
  range: StaticRange;
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
}

const HIGHLIGHT_OF: Record<BlockItem['kind'], HighlightName> = {
  company: 'footnote-company',
  money: 'footnote-money',
  percent: 'footnote-percent',
};

const now = () => performance.now();

function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class PageScanner {
  /** Scanned blocks by their element: a rescan of the element replaces its entry. */
  private readonly blocks = new Map<Element, ScannedBlock[]>();
  private readonly byNode = new WeakMap<Text, { scanned: ScannedBlock; index: number }>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private flushScheduled = false;
  private stopped = false;
  private textCache: PageText | null = null;

  constructor(
    private readonly doc: Document,
    private readonly options: ScannerOptions,
  ) {}

  /** Scans everything under `root`, in slices. */
  async scan(root: Node = this.doc.body ?? this.doc.documentElement): Promise<void> {
    const sliceMs = this.options.sliceMs ?? 8;
    const iterator = textBlocks(root);
    let sliceStart = now();
    let found = false;
    for (let next = iterator.next(); !next.done; next = iterator.next()) {
      if (this.stopped) return;
      found = this.addBlock(next.value) || found;
      if (now() - sliceStart > sliceMs) {
        if (found) this.options.onChange?.();
        found = false;
        await yieldToPage();
        sliceStart = now();
      }
    }
    if (found) this.options.onChange?.();
  }

  private addBlock(block: TextBlock): boolean {
    this.textCache = null;
    const items = this.options.recognize(block.text);
    const scanned: ScannedBlock = { block, matches: [] };
    const list = this.blocks.get(block.element) ?? [];
    list.push(scanned);
    this.blocks.set(block.element, list);
    block.nodes.forEach((node, index) => this.byNode.set(node, { scanned, index }));
    for (const item of items) {
      const start = locate(block, item.start);
      const end = locate(block, item.end, true);
      const range = new StaticRange({ startContainer: start.node, startOffset: start.offset, endContainer: end.node, endOffset: end.offset });
      const match: PageMatch = { ...item, block: scanned, range };
      scanned.matches.push(match);
      if (this.options.paint(item.kind)) this.options.highlighter.add(HIGHLIGHT_OF[item.kind], range);
    }
    return items.length > 0;
  }

  private dropBlocksOf(element: Element): void {
    const list = this.blocks.get(element);
    if (!list) return;
    this.textCache = null;
    for (const scanned of list) {
      for (const match of scanned.matches) this.options.highlighter.delete(HIGHLIGHT_OF[match.kind], match.range);
      for (const node of scanned.block.nodes) this.byNode.delete(node);
    }
    this.blocks.delete(element);
  }

  /** Every scanned block, in document order. */
  private orderedBlocks(): ScannedBlock[] {
    const elements = [...this.blocks.keys()].sort((a, b) =>
      a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    return elements.flatMap((el) => this.blocks.get(el)!);
  }

  /** Every match in document order. */
  matches(): PageMatch[] {
    return this.orderedBlocks().flatMap((s) => s.matches);
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
    const a = locate(block, localStart);
    const b = locate(block, localEnd, true);
    return new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
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

  /** Watches the page for added or changed text and rescans it, batched per animation frame. */
  observe(): void {
    const root = this.doc.body ?? this.doc.documentElement;
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') this.pending.add(record.target);
        else {
          record.addedNodes.forEach((n) => this.pending.add(n));
          if (record.removedNodes.length > 0) this.pending.add(record.target);
        }
      }
      this.scheduleFlush();
    });
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    requestAnimationFrame(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const nodes = [...this.pending];
    this.pending.clear();
    const root = this.doc.body ?? this.doc.documentElement;
    // Rescan the smallest set of block elements that contain the changes.
    const targets = new Set<Element>();
    for (const node of nodes) {
      if (!node.isConnected) continue;
      const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
      if (!el || el.closest(`[${OWN_UI_ATTRIBUTE}]`) || isInsideSkipped(el, root)) continue;
      targets.add(this.blockElementOf(el));
    }
    const roots = [...targets].filter((t) => ![...targets].some((o) => o !== t && o.contains(t)));
    for (const target of roots) {
      for (const element of [...this.blocks.keys()]) if (target.contains(element) || !element.isConnected) this.dropBlocksOf(element);
      await this.scan(target);
    }
    // Drop what was removed from the page, so that nothing leaks.
    for (const element of [...this.blocks.keys()]) if (!element.isConnected) this.dropBlocksOf(element);
    this.options.onChange?.();
  }

  private blockElementOf(el: Element): Element {
    for (let cur: Element | null = el; cur; cur = cur.parentElement) if (this.blocks.has(cur)) return cur;
    return el;
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    for (const element of [...this.blocks.keys()]) this.dropBlocksOf(element);
  }
}
