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

// Local names (lower case for HTML elements in any document), compared without allocating a string.
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'code', 'pre',
  'kbd', 'samp', 'var', 'svg', 'math', 'iframe', 'canvas', 'video', 'audio', 'object', 'embed', 'head', 'title',
]);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'html', 'hr', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'tr', 'ul',
]);

/** Marks Footnote's own elements, so that the scanner never reads them. */
export const OWN_UI_ATTRIBUTE = 'data-footnote-ui';

/** Whether an element and everything inside it is left unread. */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED.has(el.localName)) return true;
  if (!el.hasAttributes()) return false;
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

const BLOCK_SELECTOR = [...BLOCKS].join(',');

/** Whether an element holds block-level elements (a card or a story, rather than a run of inline text). */
export function containsBlocks(el: Element): boolean {
  return el.querySelector(BLOCK_SELECTOR) !== null;
}

/**
 * The block-level element that `el`'s text belongs to: the nearest block ancestor-or-self, or `root`.
 * What a change inside `el` makes stale, so what a rescan starts from.
 */
export function blockElementOf(el: Element, root: Node): Element {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (cur === root || BLOCKS.has(cur.localName)) return cur;
  }
  return el;
}

/**
 * Yields the text blocks under `root` in document order. A generator, so that the caller can stop after a
 * time slice and resume later without walking the page again.
 *
 * Walks elements and text with a TreeWalker that has no filter function (a filter is a call from C++ into
 * JavaScript for every node, which made the walk several times slower than reading the text) and skips the
 * subtrees that are not read by moving the walker past them. `place.lost` is set when the walk stops early
 * because the page removed the node it was to read next.
 */
export function* textBlocks(root: Node, place: { lost: boolean } = { lost: false }): Generator<TextBlock, void, undefined> {
  const doc = root.ownerDocument ?? (root as Document);
  // The block of each text node's parent, remembered: most parents hold several text nodes, and most
  // inline elements sit directly in their block.
  const blockCache = new Map<Node, Element>();
  const blockOf = (parent: Node): Element => {
    const cached = blockCache.get(parent);
    if (cached) return cached;
    let block: Element | null = null;
    for (let cur: Node | null = parent; cur; cur = cur.parentNode) {
      const known = blockCache.get(cur);
      if (known) {
        block = known;
        break;
      }
      if (cur === root || (cur.nodeType === ELEMENT && BLOCKS.has((cur as Element).localName))) {
        block = cur as Element;
        break;
      }
    }
    const found = block ?? (parent as Element);
    blockCache.set(parent, found);
    return found;
  };

  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let current: TextBlock | null = null;
  let pendingBreak = false;
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === ELEMENT) {
      const el = node as Element;
      if (isSkippedElement(el)) {
        node = nextOutside(walker);
        continue;
      }
      if (el.localName === 'br') pendingBreak = true; // words on either side are not one word
      node = walker.nextNode();
      continue;
    }
    const text = node as Text;
    const parent = text.parentNode;
    node = walker.nextNode();
    if (!parent) continue;
    const data = text.data;
    const block = blockOf(parent);
    if (!current || current.element !== block) {
      if (current && /\S/.test(current.text)) {
        yield current;
        // While the caller waited, the page may have removed where the walk stood: it cannot go on from there.
        if (node && !node.isConnected) {
          place.lost = true;
          return;
        }
      }
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

const ELEMENT = 1;

/** Moves the walker past the current node's subtree: to its next sibling, or an ancestor's. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
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
