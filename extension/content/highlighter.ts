/**
 * Paints highlights with the CSS Custom Highlight API, under names readers can restyle:
 * `::highlight(footnote-company)`, `footnote-money`, `footnote-percent`, `footnote-note`.
 * The page's DOM is not changed; the only addition is one adopted style sheet with the default look.
 */

export type HighlightName = 'footnote-company' | 'footnote-money' | 'footnote-percent' | 'footnote-note';
export const HIGHLIGHT_NAMES: readonly HighlightName[] = ['footnote-company', 'footnote-money', 'footnote-percent', 'footnote-note'];

const DEFAULT_STYLE = `
::highlight(footnote-company) { text-decoration: underline dotted 1.5px; text-decoration-color: #2563eb; text-underline-offset: 3px; }
::highlight(footnote-money) { background-color: rgba(250, 204, 21, 0.32); text-decoration: underline solid 1.5px; text-decoration-color: rgba(202, 138, 4, 0.9); }
::highlight(footnote-percent) { background-color: rgba(74, 222, 128, 0.25); text-decoration: underline solid 1.5px; text-decoration-color: rgba(22, 163, 74, 0.8); }
::highlight(footnote-note) { background-color: rgba(251, 146, 60, 0.35); }
@media (prefers-color-scheme: dark) {
  ::highlight(footnote-company) { text-decoration-color: #93c5fd; }
  ::highlight(footnote-money) { background-color: rgba(250, 204, 21, 0.22); text-decoration-color: rgba(253, 224, 71, 0.9); }
  ::highlight(footnote-percent) { background-color: rgba(74, 222, 128, 0.18); text-decoration-color: rgba(134, 239, 172, 0.9); }
  ::highlight(footnote-note) { background-color: rgba(251, 146, 60, 0.28); }
}`;

export function supportsHighlights(win: Window & typeof globalThis = window): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && 'highlights' in win.CSS;
}

export interface Highlighter {
  add(name: HighlightName, range: AbstractRange): void;
  delete(name: HighlightName, range: AbstractRange): void;
  clear(): void;
  count(name?: HighlightName): number;
  destroy(): void;
}

export function createHighlighter(doc: Document = document): Highlighter {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win || !supportsHighlights(win)) return createNoopHighlighter();

  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(DEFAULT_STYLE);
  // Ours go first so that the page's own ::highlight(footnote-*) rules win.
  doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];

  const highlights = new Map<HighlightName, Highlight>();
  for (const name of HIGHLIGHT_NAMES) {
    const highlight = new win.Highlight();
    // Notes paint above figures, figures above companies.
    highlight.priority = HIGHLIGHT_NAMES.indexOf(name);
    highlights.set(name, highlight);
    win.CSS.highlights.set(name, highlight);
  }
  return {
    add: (name, range) => void highlights.get(name)!.add(range),
    delete: (name, range) => void highlights.get(name)!.delete(range),
    clear: () => highlights.forEach((h) => h.clear()),
    count: (name) => (name ? highlights.get(name)!.size : [...highlights.values()].reduce((n, h) => n + h.size, 0)),
    destroy() {
      for (const name of HIGHLIGHT_NAMES) if (win.CSS.highlights.get(name) === highlights.get(name)) win.CSS.highlights.delete(name);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
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
    destroy: () => sets.forEach((s) => s.clear()),
  };
}
