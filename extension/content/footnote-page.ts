/**
 * Footnote on one page: scans and paints, opens the card on hover (with intent delay and a grace period
 * on leaving) or from the keyboard, prefetches what the cards need, and answers the popup.
 * Everything it starts is stopped through the AbortSignal given to `init`.
 */
import type { CardModel, FigureInput } from '../../src/context/card-model';
import type { FxIndex } from '../../src/dataset/fx';
import type { CompanyRecord } from '../../src/dataset/schema';
import type { CardHost } from './card-host';
import type { CardUi } from './card-ui';
import { caretFromPoint, pointInRects } from './caret';
import { createHighlighter, type Highlighter } from './highlighter';
import { anchorQuote, describeQuote } from '../../src/notes/anchoring';
import type { Note } from '../../src/notes/model';
import { PageScanner, type PageMatch } from './page-scanner';
import type { BlockItem } from '../../src/context/block-items';
import { findArticleDate } from './page-date';
import { PageDataLoader, type PageDataRequest } from './page-data';
import type { PageData } from '../shared/messages';

/** What the content script sends to save a note (the background makes and checks the note). */
export interface NotePayload {
  page: { url: string; title: string };
  quote: { exact: string; prefix: string; suffix: string };
  position?: { start: number; end: number };
  figure?: Record<string, unknown>;
  companyId?: string;
  companyName?: string;
  context: { summary: string; lines: string[]; sources?: Array<{ title: string; url: string }> };
  comment?: string;
  tags?: string[];
}

export interface PageDeps {
  saveNote(note: NotePayload): Promise<void>;
  listNotes(url: string): Promise<Array<Pick<Note, 'id' | 'target'>>>;
  recognize(text: string): BlockItem[];
  requestPageData: PageDataRequest;
  openSummary(companyId: string | null): Promise<void>;
  copyText(text: string): Promise<void>;
  /** The card's code (card.js), loaded when a card is about to be needed (see card-ui.ts). */
  loadCardUi(): Promise<CardUi>;
  /** Hover-intent delay before the settings arrive. */
  initialHoverDelayMs: number;
  /**
   * Whether Footnote may show itself on this page: the page is read at once, but nothing is painted, asked for or
   * opened until this resolves true (the reader's per-site switch is in storage, which takes a while to answer).
   * Resolved already when absent.
   */
  shown?: Promise<boolean>;
}

export interface PageSummary {
  url: string;
  title: string;
  companies: Array<{ id: string; mentions: number; figures: number }>;
  figures: number;
  /** Notes saved on this page: found again in its text, or detached (their quote is gone). */
  notes: { anchored: string[]; detached: string[] };
  datasetVersion: string | null;
}

const CLOSE_GRACE_MS = 300;

export class FootnotePage {
  private readonly scanner: PageScanner;
  /** Made when the first card opens. */
  private card: CardHost | null = null;
  private ui: CardUi | null = null;
  private uiPromise: Promise<CardUi | null> | null = null;
  private stopped = false;
  private data: PageData | null = null;
  private readonly loader: PageDataLoader;
  private fx: FxIndex | null = null;
  private companies = new Map<string, CompanyRecord>();
  private hovered: PageMatch | null = null;
  private cardMatch: PageMatch | null = null;
  private intentTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastPointer = { x: 0, y: 0 };
  private keyboardIndex = -1;
  private readonly articleDate: string | null;
  private readonly highlighter: Highlighter;
  private noteRanges: StaticRange[] = [];
  private noteState: PageSummary['notes'] = { anchored: [], detached: [] };
  private notesTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly mainCompanyHint: string | null = null;
  /** Whether the page may show Footnote (see `PageDeps.shown`): until then, no cards and no requests. */
  private visible = false;

  constructor(
    private readonly doc: Document,
    private readonly deps: PageDeps,
  ) {
    this.loader = new PageDataLoader(deps.requestPageData, (data) => {
      this.data = data;
      // Made from these rates when a card next needs it.
      this.fx = null;
      this.companies = new Map(data.companies.map((c) => [c.id, c]));
    });
    const highlighter = createHighlighter(doc, { hidden: !!deps.shown });
    this.highlighter = highlighter;
    this.scanner = new PageScanner(doc, {
      recognize: deps.recognize,
      highlighter,
      paint: (kind) => {
        const s = this.data?.settings;
        if (!s) return true;
        return kind === 'company' ? s.highlightCompanies : s.highlightFigures;
      },
      onChange: () => {
        this.prefetchSoon();
        this.paintNotesSoon();
      },
    });
    this.articleDate = findArticleDate(doc);
    const title = deps.recognize(doc.title).find((i) => i.kind === 'company');
    this.mainCompanyHint = title?.companyId ?? null;
  }

  async init(signal: AbortSignal): Promise<void> {
    const onPointerMove = (event: PointerEvent) => {
      this.lastPointer = { x: event.clientX, y: event.clientY };
      if (!this.frame) this.frame = requestAnimationFrame(() => this.onPointerFrame(event.target));
    };
    const onKeyDown = (event: KeyboardEvent) => this.onKeyDown(event);
    this.doc.addEventListener('pointermove', onPointerMove, { passive: true, signal });
    this.doc.addEventListener('keydown', onKeyDown, { capture: true, signal });
    signal.addEventListener('abort', () => this.stop(), { once: true });
    // Watching starts with the scan: what the page changes while a long page is read is not missed.
    this.scanner.observe();
    const whole = this.scanner.scan();
    const shown = (this.deps.shown ?? Promise.resolve(true)).then((yes) => {
      if (yes && !signal.aborted) {
        this.visible = true;
        this.highlighter.show();
      }
      return yes;
    });
    // For measurements (npm run bench): when the whole page has been read.
    void whole.then(() => !signal.aborted && this.scanner.complete && performance.mark('footnote:scanned'));
    // A very long page is read ahead of the reader: cards and notes need not wait for its end.
    await this.scanner.settled;
    if (!(await shown) || signal.aborted) return;
    performance.mark('footnote:settled');
    await this.prefetch();
    // A reader who moves the pointer may hover a figure soon: get the card's code, and warm it up when idle (once).
    this.doc.addEventListener('pointermove', () => this.warmUpCards(signal), { once: true, passive: true, signal });
    await this.paintNotes();
  }

  /**
   * Asks for the card's code at once and builds one card's model when the browser is idle, and throws it away: the
   * first card otherwise pays for loading and compiling the card code and for the browser's date and currency-name data
   * (measured before the card code moved out of the content script: 75 ms of a 120 ms first hover on the sample
   * article, against 5 ms for later ones). Done on the first pointer move rather than on every page.
   */
  private warmUpCards(signal: AbortSignal): void {
    const view = this.doc.defaultView as (Window & { requestIdleCallback?(cb: () => void, o?: { timeout: number }): number }) | null;
    // The card's code is asked for at once (the background adds it in a task of its own); the model waits for idle.
    const loading = this.cardUi();
    const warm = () => {
      if (signal.aborted) return;
      void loading.then((ui) => {
        const figure = this.scanner.matches().find((m) => m.kind !== 'company');
        if (ui && figure && !signal.aborted) this.modelFor(figure, this.data, ui);
      });
    };
    if (view?.requestIdleCallback) view.requestIdleCallback(warm, { timeout: 2000 });
    else setTimeout(warm, 200);
  }

  /** The card's code, loaded once; null when it could not be loaded (said in the console, tried again next time). */
  private cardUi(): Promise<CardUi | null> {
    this.uiPromise ??= this.deps.loadCardUi().then(
      (ui) => (this.ui = ui),
      (error: unknown) => {
        console.warn('Footnote: could not load the card', error);
        this.uiPromise = null;
        return null;
      },
    );
    return this.uiPromise;
  }

  private paintNotesSoon(): void {
    if (this.noteState.anchored.length + this.noteState.detached.length === 0) return;
    clearTimeout(this.notesTimer);
    this.notesTimer = setTimeout(() => void this.paintNotes(), 300);
  }

  /** Finds the page's saved notes again in its text and highlights them; those whose quote is gone are detached. */
  async paintNotes(): Promise<void> {
    let notes: Array<Pick<Note, 'id' | 'target'>>;
    try {
      notes = await this.deps.listNotes(this.pageUrl());
    } catch {
      return; // Notes unavailable (e.g. no IndexedDB here): nothing to paint.
    }
    for (const range of this.noteRanges) this.highlighter.delete('footnote-note', range);
    this.noteRanges = [];
    const { text } = this.scanner.pageText();
    const state: PageSummary['notes'] = { anchored: [], detached: [] };
    for (const note of notes) {
      // On a very long page, an edited quote is looked for near its old place only (the whole-text search is slow).
      const anchor = anchorQuote(text, note.target, { wholeText: text.length < 400_000 });
      const range = anchor ? this.scanner.rangeOfPageText(anchor.start, anchor.end) : null;
      if (range) {
        this.highlighter.add('footnote-note', range);
        this.noteRanges.push(range);
        state.anchored.push(note.id);
      } else state.detached.push(note.id);
    }
    this.noteState = state;
  }

  private pageUrl(): string {
    return this.doc.location?.href ?? '';
  }

  /** Saves the open card as a note: the quote with words on each side, the figure, the card's context. */
  async saveNote(match: PageMatch, model: CardModel, comment = '', tags: string[] = []): Promise<void> {
    const offsets = this.scanner.pageOffsetsOf(match);
    if (!offsets) throw new Error('This part of the page has changed; hover the figure again to save it.');
    const { text } = this.scanner.pageText();
    const described = describeQuote(text, offsets.start, offsets.end);
    const figure = match.figure;
    if (!this.ui) throw new Error('The card is not loaded.');
    const context = this.ui.cardAsLines(model);
    await this.deps.saveNote({
      page: { url: this.pageUrl(), title: this.doc.title },
      quote: { exact: described.exact, prefix: described.prefix, suffix: described.suffix },
      position: described.position,
      figure: {
        surface: match.surface,
        kind: match.kind,
        ...(figure?.amount !== undefined ? { amount: figure.amount } : {}),
        ...(figure?.currency ? { currency: figure.currency } : {}),
        ...(figure?.value !== undefined ? { value: figure.value } : {}),
        ...(figure?.metric ? { metric: figure.metric } : {}),
      },
      ...(model.company ? { companyId: model.company.id, companyName: model.company.name } : {}),
      context,
      comment,
      tags,
    });
    this.highlighter.add('footnote-note', match.range);
    this.noteRanges.push(match.range);
  }

  /** The keyboard command "save-note": saves the open card as it is. */
  saveOpenCard(): void {
    if (this.card?.isOpen) this.card.requestSave();
  }

  private stop(): void {
    this.stopped = true;
    clearTimeout(this.intentTimer);
    clearTimeout(this.closeTimer);
    cancelAnimationFrame(this.frame);
    clearTimeout(this.notesTimer);
    clearTimeout(this.prefetchTimer);
    this.scanner.stop();
    this.highlighter.destroy();
    this.card?.destroy();
  }

  private prefetchTimer: ReturnType<typeof setTimeout> | undefined;
  private prefetchSoon(): void {
    if (!this.visible) return;
    clearTimeout(this.prefetchTimer);
    this.prefetchTimer = setTimeout(() => void this.prefetch(), 50);
  }

  /** The reader changed a setting (display currency, hover delay): the next card uses it, no reload needed. */
  refreshSettings(): void {
    this.loader.reset();
    void this.prefetch();
  }

  /** Asks the background, in one message, for what the cards of this page need and it has not asked for yet. */
  private prefetch(): Promise<PageData | null> {
    const needs = this.scanner.needs();
    const ids = new Set(needs.companyIds);
    if (this.mainCompanyHint) ids.add(this.mainCompanyHint);
    return this.loader.load(ids, needs.currencies);
  }

  private pointerOnCard = false;

  private onPointerFrame(target: EventTarget | null): void {
    this.frame = 0;
    if (!this.visible) return;
    if (this.card?.contains(target)) {
      clearTimeout(this.closeTimer);
      clearTimeout(this.intentTimer);
      this.hovered = null;
      this.pointerOnCard = true;
      return;
    }
    // Leaving the card is a change even when the pointer lands on no figure (hovered was already null).
    const leftCard = this.pointerOnCard;
    this.pointerOnCard = false;
    const { x, y } = this.lastPointer;
    const match = this.hitTest(x, y);
    if (match === this.hovered && !leftCard) return;
    this.hovered = match;
    clearTimeout(this.intentTimer);
    if (match) {
      clearTimeout(this.closeTimer);
      if (match === this.cardMatch) return;
      const delay = this.data?.settings.hoverDelayMs ?? this.deps.initialHoverDelayMs;
      // The card's code loads during the hover-intent delay, if it is not there yet.
      if (!this.ui) void this.cardUi();
      this.intentTimer = setTimeout(() => {
        // Still hovered once the card's code is there (the first time it may take a moment to load).
        if (this.hovered === match) void this.openCard(match, false, undefined, () => this.hovered === match);
      }, delay);
    } else if (this.card?.isOpen) {
      clearTimeout(this.closeTimer);
      this.closeTimer = setTimeout(() => this.card?.close(), CLOSE_GRACE_MS);
    }
  }

  private hitTest(x: number, y: number): PageMatch | null {
    const caret = caretFromPoint(this.doc, x, y);
    if (!caret) return null;
    for (const match of this.scanner.matchesAt(caret.node, caret.offset)) {
      if (pointInRects(liveRange(this.doc, match), x, y)) return match;
    }
    return null;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.visible) return;
    if (event.key === 'Escape' && this.card?.isOpen) {
      this.card.close();
      return;
    }
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyS' && this.card?.isOpen) {
      event.preventDefault();
      event.stopPropagation();
      this.saveOpenCard();
      return;
    }
    // In-page fallback for the "next-figure" command (Alt+Shift+F) when the browser does not route it.
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyF') {
      event.preventDefault();
      event.stopPropagation();
      this.nextFigure('key');
    }
  }

  private lastKeyPress = -Infinity;
  /**
   * Moves to the next figure on the page and opens its card, with focus in it. Reached by the browser's
   * command (routed by the background) and by the same key read in the page, for when the browser does not
   * route it; one key press that arrives both ways moves once.
   */
  nextFigure(source: 'key' | 'command'): void {
    if (!this.visible) return;
    const t = performance.now();
    if (source === 'key') this.lastKeyPress = t;
    else if (t - this.lastKeyPress < 250) return;
    // On a very long page, the figures beyond the part read so far come as it reads on.
    this.scanner.readAll();
    const figures = this.scanner.matches().filter((m) => m.kind !== 'company');
    if (figures.length === 0) return;
    this.keyboardIndex = (this.keyboardIndex + 1) % figures.length;
    const match = figures[this.keyboardIndex]!;
    const range = liveRange(this.doc, match);
    const element = range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
    void this.openCard(match, true);
  }

  private async openCard(match: PageMatch, focus: boolean, companyOverride?: string, wanted: () => boolean = () => true): Promise<void> {
    const [data, ui] = await Promise.all([this.data ?? this.prefetch(), this.cardUi()]);
    if (!ui || this.stopped || !wanted()) return;
    this.card ??= new ui.CardHost(this.doc, () => {
      this.cardMatch = null;
    });
    const card = this.card;
    const model = this.modelFor(match, data, ui, companyOverride);
    this.cardMatch = match;
    card.open({
      model,
      anchor: liveRange(this.doc, match),
      focus,
      actions: {
        onOpenSummary: (companyId) => void this.deps.openSummary(companyId),
        onCopy: () => void this.deps.copyText(ui.cardAsText(model, this.doc.location?.href ?? this.doc.title)),
        onPickCompany: (companyId) => void this.openCard(match, card.isOpen, companyId),
        onSaveNote: (comment, tags) => this.saveNote(match, model, comment, tags),
      },
    });
  }

  private modelFor(match: PageMatch, data: PageData | null, ui: CardUi, companyOverride?: string): CardModel {
    let companyId = companyOverride ?? match.companyId;
    let figure: FigureInput | null = match.figure ? { ...match.figure } : null;
    if (figure && !companyId && this.mainCompanyHint) {
      // Nothing nearby names a company: the article's own company, marked as unsure.
      companyId = this.mainCompanyHint;
      figure = { ...figure, confidence: 'low' };
    }
    if (figure && companyOverride) figure = { ...figure, confidence: 'high' };
    const company = companyId ? (this.companies.get(companyId) ?? null) : null;
    const settings = data?.settings;
    this.fx ??= ui.createFxIndex(data?.fx ?? []);
    return ui.buildCardModel({
      figure,
      company,
      candidates: [...new Set([...match.candidates, ...(this.mainCompanyHint ? [this.mainCompanyHint] : [])])]
        .map((id) => this.companies.get(id))
        .filter((c): c is CompanyRecord => c !== undefined)
        .map((c) => ({ id: c.id, name: c.name })),
      fx: this.fx,
      readerCurrency: settings?.displayCurrency ?? 'USD',
      locale: navigator.language || 'en',
      date: this.articleDate ?? new Date().toISOString().slice(0, 10),
    });
  }

  /** What the popup shows for this page. */
  summary(): PageSummary {
    // On a very long page the popup asks for all of it: the rest is read, and the next summary has it.
    this.scanner.readAll();
    const byCompany = new Map<string, { mentions: number; figures: number }>();
    let figures = 0;
    for (const m of this.scanner.matches()) {
      if (m.kind !== 'company') figures++;
      if (!m.companyId) continue;
      const entry = byCompany.get(m.companyId) ?? { mentions: 0, figures: 0 };
      if (m.kind === 'company') entry.mentions++;
      else entry.figures++;
      byCompany.set(m.companyId, entry);
    }
    return {
      url: this.doc.location?.href ?? '',
      title: this.doc.title,
      companies: [...byCompany].map(([id, counts]) => ({ id, ...counts })),
      figures,
      notes: this.noteState,
      datasetVersion: this.data?.datasetVersion ?? null,
    };
  }
}

function liveRange(doc: Document, match: PageMatch): Range {
  const range = doc.createRange();
  range.setStart(match.range.startContainer, match.range.startOffset);
  range.setEnd(match.range.endContainer, match.range.endOffset);
  return range;
}
