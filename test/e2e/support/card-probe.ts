/**
 * Functions the card tests run inside the page (Playwright's and Puppeteer's `evaluate` both take them).
 * Each is self-contained: it is sent to the page as source text.
 */

export interface CardProbe {
  open: boolean;
  label: string;
  text: string;
  /** Where the host element is: 'html', or the tag and id of the fullscreen element it moved into. */
  hostParent: string;
  /** The dialog's box, and the part of the window a reader sees. */
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  viewport: { width: number; height: number };
  /** How far the page is scrolled (document coordinates = window coordinates + this). */
  pageOffset: { x: number; y: number };
  /** The dialog's full content size (its height does not depend on where it is placed). */
  scroll: { width: number; height: number };
  /** Whether the host is what the browser hits at the centre and at the four inner corners of the card. */
  onTop: { centre: boolean; corners: boolean };
  links: Array<{ text: string; href: string }>;
  buttons: string[];
  /** Computed styles of the dialog and of elements inside it, by role in the card. */
  styles: Record<string, Record<string, string>>;
  /** Text-to-background contrast ratios of the card's kinds of text. */
  contrast: Record<string, number>;
  /** The accessible name of the element focused inside the card, if any. */
  focused: string | null;
  /** Ancestors of the host that transform, filter or fade what they contain. */
  ancestorEffects: string[];
  /** Whether the host is shown in the top layer (as a popover), where its ancestors' effects do not reach it. */
  topLayer: boolean;
}


export function cardProbe(): CardProbe | null {
  // Listed here: this function is sent to the page on its own.
  const properties = [
    'display', 'position', 'visibility', 'opacity', 'transform', 'filter', 'font-family', 'font-size', 'font-weight', 'font-style',
    'line-height', 'letter-spacing', 'word-spacing', 'text-transform', 'text-align', 'direction', 'color', 'background-color',
    'border-top-width', 'border-top-style', 'border-top-color', 'border-top-left-radius', 'padding-top', 'padding-left',
    'box-shadow', 'box-sizing', 'width', 'overflow-y', 'text-decoration-line', 'cursor', 'z-index', 'color-scheme',
  ];
  const host = document.querySelector('footnote-card') as HTMLElement | null;
  const root = host?.shadowRoot;
  const dialog = root?.querySelector('[role="dialog"]') as HTMLElement | null | undefined;
  if (!host || !root || !dialog) return null;
  const r = dialog.getBoundingClientRect();
  const width = Math.min(window.innerWidth, document.documentElement.clientWidth || window.innerWidth);
  const height = Math.min(window.innerHeight, document.documentElement.clientHeight || window.innerHeight);
  const hits = (x: number, y: number) => document.elementFromPoint(x, y) === host;
  const inset = 6;
  const styleOf = (el: Element | null | undefined) => {
    const out: Record<string, string> = {};
    if (!el) return out;
    const cs = getComputedStyle(el);
    for (const p of properties) out[p] = cs.getPropertyValue(p);
    return out;
  };
  const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = (c: string) => {
    const [red = 0, green = 0, blue = 0] = parse(c);
    const lin = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(red) + 0.7152 * lin(green) + 0.0722 * lin(blue);
  };
  const backgroundOf = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      const alpha = parse(bg)[3];
      if (bg !== 'transparent' && alpha !== 0) return bg;
    }
    return getComputedStyle(dialog).backgroundColor;
  };
  const contrastOf = (el: Element | null | undefined) => {
    if (!el) return 0;
    const a = luminance(getComputedStyle(el).color);
    const b = luminance(backgroundOf(el));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  const contrast: Record<string, number> = {};
  const parts: Record<string, string> = {
    heading: '.heading', company: '.company', note: '.note', link: 'a', button: '.actions button', close: 'button.close',
    seriesTitle: '.series-title', basis: '.basis', period: '.period',
  };
  for (const [name, selector] of Object.entries(parts)) {
    const el = dialog.querySelector(selector);
    if (el) contrast[name] = Math.round(contrastOf(el) * 100) / 100;
  }
  const styles: Record<string, Record<string, string>> = { host: styleOf(host), dialog: styleOf(dialog) };
  for (const [name, selector] of Object.entries(parts)) styles[name] = styleOf(dialog.querySelector(selector));
  const active = root.activeElement as HTMLElement | null;
  const ancestorEffects: string[] = [];
  for (let e: Element | null = host.parentElement; e; e = e.parentElement) {
    const cs = getComputedStyle(e);
    if (cs.transform !== 'none') ancestorEffects.push(`${e.tagName.toLowerCase()} transform ${cs.transform}`);
    if (cs.filter !== 'none') ancestorEffects.push(`${e.tagName.toLowerCase()} filter ${cs.filter}`);
    if (cs.opacity !== '1') ancestorEffects.push(`${e.tagName.toLowerCase()} opacity ${cs.opacity}`);
  }
  const parent = host.parentElement;
  return {
    open: true,
    label: dialog.getAttribute('aria-label') ?? '',
    text: dialog.innerText,
    hostParent: !parent ? 'none' : parent === document.documentElement ? 'html' : `${parent.tagName.toLowerCase()}${parent.id ? `#${parent.id}` : ''}`,
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    viewport: { width, height },
    pageOffset: { x: window.visualViewport?.pageLeft ?? window.scrollX, y: window.visualViewport?.pageTop ?? window.scrollY },
    scroll: { width: dialog.scrollWidth, height: dialog.scrollHeight },
    onTop: {
      centre: hits(r.left + r.width / 2, r.top + r.height / 2),
      corners: hits(r.left + inset, r.top + inset) && hits(r.right - inset, r.top + inset) && hits(r.left + inset, r.bottom - inset) && hits(r.right - inset, r.bottom - inset),
    },
    links: [...dialog.querySelectorAll('a')].map((a) => ({ text: (a.textContent ?? '').trim(), href: a.href })),
    buttons: [...dialog.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? (b.textContent ?? '').trim()),
    styles,
    contrast,
    focused: active ? (active.getAttribute('aria-label') ?? (active.textContent ?? '').trim()) || active.tagName.toLowerCase() : null,
    ancestorEffects,
    topLayer: (() => {
      try {
        return host.matches(':popover-open');
      } catch {
        return false;
      }
    })(),
  };
}

/**
 * Scrolls the `occurrence`-th appearance of `text` to a place in the window and returns its centre:
 * 'centre', 'bottom' (its last line just above the bottom edge) or 'top' (just below the top edge).
 */
export function placeText(args: { text: string; occurrence?: number; place?: 'centre' | 'bottom' | 'top'; margin?: number }): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let i = data.indexOf(args.text); i >= 0; i = data.indexOf(args.text, i + 1)) {
      if (seen++ !== (args.occurrence ?? 0)) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + args.text.length);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center', inline: 'nearest' });
      const margin = args.margin ?? 16;
      const first = range.getClientRects()[0]!;
      if (args.place === 'bottom') window.scrollBy(0, first.bottom - (window.innerHeight - margin));
      if (args.place === 'top') window.scrollBy(0, first.top - margin);
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
}

/**
 * Starts timing hover intent in the page: when the pointer last moved, and when a card first appeared
 * after that. Read with `hoverTiming`.
 */
export function startHoverTiming(): void {
  const w = window as unknown as { __footnoteTiming?: { moved: number; opened: number | null; observer: MutationObserver } };
  w.__footnoteTiming?.observer.disconnect();
  const timing = { moved: 0, opened: null as number | null, observer: null as unknown as MutationObserver };
  document.addEventListener('pointermove', () => (timing.moved = performance.now()), { capture: true, passive: true });
  const check = () => {
    if (timing.opened === null && document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]')) timing.opened = performance.now();
  };
  timing.observer = new MutationObserver(check);
  timing.observer.observe(document.documentElement, { childList: true, subtree: true });
  // The dialog is rendered inside the shadow root, which the observer above does not see: poll every frame too.
  const frame = () => {
    check();
    if (timing.opened === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  w.__footnoteTiming = timing;
}

export function hoverTiming(): { moved: number; opened: number | null; now: number } {
  const t = (window as unknown as { __footnoteTiming?: { moved: number; opened: number | null } }).__footnoteTiming;
  return { moved: t?.moved ?? 0, opened: t?.opened ?? null, now: performance.now() };
}

/** What has focus: inside the card ('dialog' for the card itself, else the element's accessible name) or on the page (tag and id). */
export function focusState(): { inCard: string | null; page: string } {
  const host = document.querySelector('footnote-card');
  const active = document.activeElement as HTMLElement | null;
  const inner = host && active === host ? (host.shadowRoot?.activeElement as HTMLElement | null) : null;
  return {
    inCard: inner
      ? inner.getAttribute('role') === 'dialog'
        ? 'dialog'
        : (inner.getAttribute('aria-label') ?? (inner.textContent ?? '').trim()) || inner.tagName.toLowerCase()
      : null,
    page: active ? `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}` : 'none',
  };
}

/** The centre of a button of the open card, found by its text or accessible name. */
export function cardButtonPoint(label: string): { x: number; y: number } | null {
  const host = document.querySelector('footnote-card');
  const button = [...(host?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === label);
  if (!button) return null;
  const r = button.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

export const cardIsOpen = () => document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]') != null;
export const cardIsClosed = () => !document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]');

/**
 * Where the open card overlaps a page element (`selector`): whether it does, and whether the card is what
 * the browser hits in the middle of that overlap (that is, the card is above it).
 */
export function cardOverElement(selector: string): { overlaps: boolean; cardOnTop: boolean } {
  const host = document.querySelector('footnote-card');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
  const other = document.querySelector(selector);
  if (!host || !dialog || !other) return { overlaps: false, cardOnTop: false };
  const a = dialog.getBoundingClientRect();
  const b = other.getBoundingClientRect();
  const left = Math.max(a.left, b.left);
  const right = Math.min(a.right, b.right);
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (right - left < 4 || bottom - top < 4) return { overlaps: false, cardOnTop: false };
  return { overlaps: true, cardOnTop: document.elementFromPoint((left + right) / 2, (top + bottom) / 2) === host };
}
