/**
 * Where the card lives: a shadow root in a host element with `all: initial` at the top z-index, so that
 * the page's CSS can neither change the card nor hide it; re-parented into the fullscreen element when
 * there is one. Where the browser has popovers, the host is shown as one: the top layer puts it above the
 * page's own overlays and dialogs, and out of reach of a transform or filter on the page's root element
 * (Chromium; Firefox still paints a root filter over the top layer). Placement inside the viewport is
 * @floating-ui/dom's job.
 */
import { computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { CardModel } from '../../src/context/card-model';
import { Card, CARD_STYLE, type CardActions } from './card';
import { OWN_UI_ATTRIBUTE } from './text-blocks';

// `all` leaves out `direction` and `unicode-bidi`: a page that sets `* { direction: rtl }` would flip the card.
const HOST_STYLE =
  'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; ' +
  'margin: 0 !important; padding: 0 !important; border: none !important; overflow: visible !important; ' +
  'z-index: 2147483647 !important; display: block !important; transform: none !important; direction: ltr !important; unicode-bidi: isolate !important; ' +
  'filter: none !important; opacity: 1 !important; visibility: visible !important; pointer-events: auto !important;';

/** How long the card stays open after the pointer leaves it (and is not back on its figure). */
const LEAVE_GRACE_MS = 300;

export interface OpenCardOptions {
  model: CardModel;
  /** The highlighted text the card is about. */
  anchor: Range;
  actions: Omit<CardActions, 'onClose'>;
  /** Move focus into the card (opened from the keyboard). */
  focus: boolean;
}

export class CardHost {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly mount: HTMLElement;
  private anchor: Range | null = null;
  private returnFocus: Element | null = null;
  private openModel: CardModel | null = null;
  private actions: CardActions | null = null;
  private saveRequest = 0;
  private leaveTimer: ReturnType<typeof setTimeout> | undefined;
  private pointer: { x: number; y: number } | null = null;
  private readonly onFullscreen = () => {
    if (this.isOpen) this.attach(true);
  };
  private readonly onViewportChange = () => void this.place();
  private readonly onPointerMove = (event: PointerEvent) => {
    this.pointer = { x: event.clientX, y: event.clientY };
  };

  constructor(
    private readonly doc: Document,
    private readonly onClosed: () => void,
  ) {
    this.host = doc.createElement('footnote-card');
    this.host.setAttribute(OWN_UI_ATTRIBUTE, '');
    this.host.setAttribute('style', HOST_STYLE);
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CARD_STYLE;
    this.mount = doc.createElement('div');
    this.mount.setAttribute('style', 'position: fixed; top: 0; left: 0;');
    this.root.append(style, this.mount);
    this.root.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') {
        event.stopPropagation();
        this.close({ force: true });
      }
    });
    // Leaving the card closes it after a grace period, unless the pointer went back to the figure (or the
    // reader is typing in it: see `close`).
    this.host.addEventListener('pointerenter', () => clearTimeout(this.leaveTimer));
    this.host.addEventListener('pointerleave', () => {
      clearTimeout(this.leaveTimer);
      this.leaveTimer = setTimeout(() => {
        if (!this.isOpen || this.pointerOnCardOrFigure()) return;
        this.close();
      }, LEAVE_GRACE_MS);
    });
    doc.addEventListener('fullscreenchange', this.onFullscreen);
  }

  private hasFocus(): boolean {
    return this.doc.activeElement === this.host;
  }

  private isTyping(): boolean {
    const active = this.hasFocus() ? this.root.activeElement : null;
    return active !== null && ['TEXTAREA', 'INPUT', 'SELECT'].includes(active.tagName);
  }

  private pointerOnCardOrFigure(): boolean {
    const p = this.pointer;
    if (!p || !this.anchor) return false;
    const inside = (r: DOMRect) => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom;
    if ([...this.anchor.getClientRects()].some(inside)) return true;
    const card = this.dialog();
    return card ? inside(card.getBoundingClientRect()) : false;
  }

  get isOpen(): boolean {
    return this.openModel !== null;
  }

  get model(): CardModel | null {
    return this.openModel;
  }

  /** Whether an event target is inside the card. */
  contains(target: EventTarget | null): boolean {
    return target === this.host;
  }

  private attach(raise = false): void {
    const parent = this.doc.fullscreenElement ?? this.doc.documentElement;
    const moved = this.host.parentNode !== parent;
    if (moved) parent.append(this.host);
    if (moved || raise) this.raise();
    void this.place();
  }

  /** Puts the host at the top of the top layer (again: a fullscreen element entering it goes above). */
  private raise(): void {
    const host = this.host as HTMLElement & { showPopover?: () => void; hidePopover?: () => void };
    if (typeof host.showPopover !== 'function') return;
    if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
    try {
      if (host.matches(':popover-open')) host.hidePopover?.();
      host.showPopover();
    } catch {
      // Not connected, or the browser refused: the z-index still applies.
    }
  }

  open({ model, anchor, actions, focus }: OpenCardOptions): void {
    // A figure hovered on the way must not replace a card the reader is typing in; the keyboard may.
    if (!focus && this.isTyping()) return;
    const wasOpen = this.isOpen;
    // Where focus was before the card: it goes back there if focus moves into the card (from the keyboard,
    // or a click on one of its buttons) and the card then closes.
    if (!wasOpen) this.returnFocus = this.doc.activeElement;
    clearTimeout(this.leaveTimer);
    this.anchor = anchor;
    this.openModel = model;
    this.actions = { ...actions, onClose: () => this.close({ force: true }) };
    this.saveRequest = 0;
    this.attach();
    this.renderCard();
    void this.place();
    if (!wasOpen) {
      addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
      addEventListener('resize', this.onViewportChange, { passive: true });
      this.doc.addEventListener('pointermove', this.onPointerMove, { capture: true, passive: true });
    }
    if (focus) (this.root.querySelector('[role="dialog"]') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private renderCard(): void {
    if (!this.openModel || !this.actions) return;
    // Keyed by the card's subject, so that a new card starts with a fresh form.
    render(h(Card, { key: this.openModel.label, model: this.openModel, actions: this.actions, saveRequest: this.saveRequest }), this.mount);
  }

  /** Saves the open card as a note at once (the "save-note" keyboard command). */
  requestSave(): void {
    if (!this.openModel?.company && !this.openModel?.figure) return;
    this.saveRequest++;
    this.renderCard();
  }

  /**
   * Closes the card; but while the reader is typing in it (a note's comment), only a forced close does
   * (Escape in the card, its Close button): a pointer passing by must not throw away what they typed.
   */
  close({ force = false }: { force?: boolean } = {}): void {
    if (!this.isOpen || (!force && this.isTyping())) return;
    clearTimeout(this.leaveTimer);
    const focusInCard = this.hasFocus();
    render(null, this.mount);
    this.openModel = null;
    this.actions = null;
    this.anchor = null;
    removeEventListener('scroll', this.onViewportChange, { capture: true });
    removeEventListener('resize', this.onViewportChange);
    this.doc.removeEventListener('pointermove', this.onPointerMove, { capture: true });
    this.pointer = null;
    this.host.remove();
    const back = this.returnFocus;
    this.returnFocus = null;
    // Focus that was in the card goes back to where it was; focus elsewhere is the reader's and stays put.
    if (focusInCard && back !== this.host && (back instanceof HTMLElement || back instanceof SVGElement) && back.isConnected) back.focus({ preventScroll: true });
    this.onClosed();
  }

  private async place(): Promise<void> {
    const anchor = this.anchor;
    const card = this.mount.firstElementChild as HTMLElement | null;
    if (!anchor || !card) return;
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
    };
    const { x, y } = await computePosition(reference, this.mount, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(8),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        // Never taller than the room there is: the card scrolls inside instead of running off-screen.
        size({
          padding: 8,
          apply({ availableHeight }) {
            card.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
          },
        }),
      ],
    });
    if (this.anchor !== anchor) return;
    Object.assign(this.mount.style, { transform: `translate(${Math.round(x)}px, ${Math.round(y)}px)` });
  }

  /** The dialog element, for tests of focus and for copy. */
  dialog(): HTMLElement | null {
    return this.root.querySelector('[role="dialog"]');
  }

  destroy(): void {
    this.close({ force: true });
    this.doc.removeEventListener('fullscreenchange', this.onFullscreen);
  }
}
