/**
 * Reads the page's text as blocks: paragraph-sized runs of text nodes, with offsets that map back to the
 * nodes. Skips what a reader does not read as article text (scripts, styles, form fields, code, editable
 * regions, hidden subtrees) and Footnote's own UI.
 */

export interface TextBlock {
  /** The block-level element the text belongs to. */
  element: Element;
  nodes: Text[];
  /** Offset of each node's first character in `text`. */
  starts: number[];
  text: string;
}

const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'CODE', 'PRE',
  'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'CANVAS', 'VIDEO', 'AUDIO', 'OBJECT', 'EMBED', 'HEAD', 'TITLE',
]);

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HTML', 'HR', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);

/** Marks Footnote's own elements, so that the scanner never reads them. */
export const OWN_UI_ATTRIBUTE = 'data-footnote-ui';

/** Whether an element and everything inside it is left unread. */
export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Whether a node is inside something the scanner skips (for nodes reported by a MutationObserver). */
export function isInsideSkipped(node: Node, root: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
    if (el === root) break;
  }
  return false;
}

/**
 * Yields the text blocks under `root` in document order. A generator, so that the caller can stop after a
 * time slice and resume later without walking the page again.
 */
export function* textBlocks(root: Node): Generator<TextBlock, void, undefined> {
  const doc = root.ownerDocument ?? (root as Document);
  const blockCache = new WeakMap<Element, Element>();
  const blockOf = (el: Element): Element => {
    const trail: Element[] = [];
    let cur: Element | null = el;
    let found: Element | undefined;
    while (cur) {
      const cached = blockCache.get(cur);
      if (cached) {
        found = cached;
        break;
      }
      trail.push(cur);
      if (BLOCKS.has(cur.tagName.toUpperCase()) || cur === root) {
        found = cur;
        break;
      }
      cur = cur.parentElement;
    }
    const block = found ?? el;
    for (const t of trail) blockCache.set(t, block);
    return block;
  };

  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      if (isSkippedElement(el)) return NodeFilter.FILTER_REJECT;
      return el.tagName === 'BR' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });

  let current: TextBlock | null = null;
  let pendingBreak = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) {
      pendingBreak = true; // <br>: words on either side are not one word
      continue;
    }
    const text = node as Text;
    const parent = text.parentElement;
    if (!parent) continue;
    const data = text.data;
    const block = blockOf(parent);
    if (!current || current.element !== block) {
      if (current && /\S/.test(current.text)) yield current;
      current = { element: block, nodes: [], starts: [], text: '' };
      pendingBreak = false;
    }
    if (pendingBreak) {
      current.text += '\n';
      pendingBreak = false;
    }
    current.nodes.push(text);
    current.starts.push(current.text.length);
    current.text += data;
  }
  if (current && /\S/.test(current.text)) yield current;
}

/** Maps an offset in `block.text` to the text node and the offset inside it. */
export function locate(block: TextBlock, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid]!;
    if (start < offset || (!preferEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  return { node, offset: Math.min(Math.max(offset - starts[lo]!, 0), node.data.length) };
}
