/**
 * Functions the tests run inside the page (Playwright's and Puppeteer's `evaluate` both take them).
 * They read what a reader sees: the painted highlights, where a word is, the open card.
 */

/** The text of every range in each Footnote highlight. */
export function highlightTexts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of ['footnote-company', 'footnote-money', 'footnote-percent', 'footnote-note']) {
    const highlight = CSS.highlights.get(name);
    out[name] = [];
    if (!highlight) continue;
    for (const r of highlight as unknown as Iterable<AbstractRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out[name].push(range.toString());
    }
  }
  return out;
}

/** The centre of the `occurrence`-th appearance of `text` in the page's text nodes (0-based). */
export function pointOfText(args: { text: string; occurrence?: number }): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    let from = 0;
    for (let i = data.indexOf(args.text, from); i >= 0; i = data.indexOf(args.text, from)) {
      if (seen++ === (args.occurrence ?? 0)) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + args.text.length);
        (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      from = i + 1;
    }
  }
  return null;
}

/** The open card: its accessible name, its text, whether it has focus, and where it is. */
export function cardState(): { open: boolean; label: string; text: string; focused: boolean; rect: { left: number; top: number; right: number; bottom: number } | null } {
  const host = document.querySelector('footnote-card');
  const dialog = host?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement | null | undefined;
  if (!host || !dialog) return { open: false, label: '', text: '', focused: false, rect: null };
  const r = dialog.getBoundingClientRect();
  return {
    open: true,
    label: dialog.getAttribute('aria-label') ?? '',
    text: dialog.innerText,
    focused: host.shadowRoot!.activeElement === dialog,
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
  };
}

/** Clicks a button of the open card by its text. */
export function clickCardButton(label: string): boolean {
  const host = document.querySelector('footnote-card');
  const button = [...(host?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === label);
  button?.click();
  return Boolean(button);
}

/** Whether Footnote's card is open on the page (for waitForFunction). */
export function cardIsOpen(): boolean {
  return document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]') != null;
}

/** Clicks the page's first button whose text is `label`; false when there is none. */
export function clickButtonByText(label: string): boolean {
  const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === label);
  button?.click();
  return Boolean(button);
}
