/**
 * Finding a note's quote again when the reader comes back to a page.
 *
 * A note remembers its quote the way W3C Web Annotations do: the exact words, up to 32 characters on each side,
 * and the position in the page's text (in code points). Pages change between visits (a paragraph added above, a
 * figure corrected, a typo fixed), so anchoring tries, in order:
 *   1. the exact quote at the remembered position;
 *   2. the exact quote elsewhere, picking the occurrence whose surrounding words match best, then the nearest;
 *   3. an approximate match of the quote (Myers' bit-parallel search, a few edits allowed), judged by how close
 *      the quote and its surroundings are.
 * When nothing is close enough the answer is null and the note shows as detached; it is never dropped.
 */
import { editDistance, searchApprox } from './approx-match';
import { codePointOffset, splitsSurrogatePair, utf16Offset } from './code-points';
import type { PositionSelector, QuoteSelector } from './model';

/** How many characters of context a note keeps on each side of its quote (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;

export interface QuoteDescription {
  exact: string;
  prefix: string;
  suffix: string;
  /** In code points of `text`. */
  position: PositionSelector;
}

/** What anchoring needs from a note's target. */
export interface QuoteToFind {
  quote: QuoteSelector;
  position?: PositionSelector | undefined;
}

/** A found quote, in UTF-16 offsets of the text it was found in (the unit of the page's own offsets). */
export interface Anchor {
  start: number;
  end: number;
}

/**
 * Describes the quote text.slice(start, end) (UTF-16 offsets, as the page gives them) as selectors. Offsets that
 * fall inside a surrogate pair are widened to the whole character so that the quote is never half an emoji.
 */
export function describeQuote(text: string, start: number, end: number): QuoteDescription {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describeQuote: [${start}, ${end}) is not a non-empty range of a text of length ${text.length}`);
  }
  const from = splitsSurrogatePair(text, start) ? start - 1 : start;
  const to = splitsSurrogatePair(text, end) ? end + 1 : end;
  let prefixStart = Math.max(0, from - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, to + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  const startPoint = codePointOffset(text, from);
  return {
    exact: text.slice(from, to),
    prefix: text.slice(prefixStart, from),
    suffix: text.slice(to, suffixEnd),
    position: { start: startPoint, end: startPoint + codePointOffset(text.slice(from, to), to - from) },
  };
}

/** How alike two strings are, from 0 (nothing in common) to 1 (equal), by edit distance. */
function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - editDistance(a, b) / longest;
}

interface Judged {
  anchor: Anchor;
  quoteScore: number;
  prefixScore: number;
  suffixScore: number;
  total: number;
}

/**
 * Scores a candidate place for the quote. The surrounding words weigh most after the quote itself; the distance
 * to the remembered position only separates otherwise equal candidates (text inserted above moves every
 * occurrence, so it says little on its own).
 */
function judge(text: string, wanted: QuoteSelector, hint: number | null, anchor: Anchor, quoteScore: number): Judged {
  const before = text.slice(Math.max(0, anchor.start - wanted.prefix.length), anchor.start);
  const after = text.slice(anchor.end, anchor.end + wanted.suffix.length);
  const prefixScore = wanted.prefix ? similarity(wanted.prefix, before) : 0;
  const suffixScore = wanted.suffix ? similarity(wanted.suffix, after) : 0;
  const nearness = hint === null ? 0 : 1 - Math.min(1, Math.abs(anchor.start - hint) / Math.max(1, text.length));
  const total = 50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * nearness;
  return { anchor, quoteScore, prefixScore, suffixScore, total };
}

function best(candidates: Judged[]): Judged | null {
  let top: Judged | null = null;
  for (const c of candidates) if (!top || c.total > top.total) top = c;
  return top;
}

/** How far around the remembered position an edited quote is looked for before the whole text is searched. */
const NEARBY = 4_000;

/** How many edits a quote of this length may have and still be recognised: a quarter, at most 64. */
export function maxEditsFor(quoteLength: number): number {
  return Math.min(64, Math.floor(quoteLength / 4));
}

/**
 * Whether an approximate match is believable: the quote mostly survives, and unless it is nearly intact, the
 * words on at least one side survive too (a short quote with a few edits could otherwise match anything).
 */
function believable(j: Judged, wanted: QuoteSelector): boolean {
  if (j.quoteScore < 0.75) return false;
  if (j.quoteScore >= 0.9 && wanted.exact.length >= 8) return true;
  const hasContext = wanted.prefix.length > 0 || wanted.suffix.length > 0;
  return hasContext && Math.max(j.prefixScore, j.suffixScore) >= 0.5;
}

export interface AnchorOptions {
  /**
   * Whether an edited quote not found near its remembered position is looked for in the whole text (the default).
   * On a very long page that search takes a while (about 0.1 s per note on 2 MB); a caller on the main thread can
   * pass false and retry the detached notes later, in idle time or in a worker.
   */
  wholeText?: boolean;
}

/** Finds the quote in `text` (the page's text now). Returns UTF-16 offsets, or null when the quote is gone. */
export function anchorQuote(text: string, selector: QuoteToFind, options: AnchorOptions = {}): Anchor | null {
  const wanted = selector.quote;
  const exact = wanted.exact;
  if (!exact) return null;
  const hint = selector.position ? utf16Offset(text, selector.position.start) : null;

  // 1. Where it was.
  if (hint !== null && text.startsWith(exact, hint)) return { start: hint, end: hint + exact.length };

  // 2. The exact words elsewhere.
  const exactOnes: Judged[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    exactOnes.push(judge(text, wanted, hint, { start: at, end: at + exact.length }, 1));
  }
  const exactBest = best(exactOnes);
  if (exactBest) return exactBest.anchor;

  // 3. Nearly the same words.
  const maxEdits = maxEditsFor(exact.length);
  if (maxEdits === 0) return null;
  // Finding where a match starts costs about length x (length + edits); keep the total bounded for long quotes.
  const limit = Math.max(1, Math.min(50, Math.floor(2_000_000 / (exact.length * (exact.length + maxEdits)))));
  const approxBest = (from: number, to: number) =>
    best(
      searchApprox(text, exact, maxEdits, { limit, from, to })
        .map((m) => judge(text, wanted, hint, { start: m.start, end: m.end }, 1 - m.errors / exact.length))
        .filter((j) => believable(j, wanted)),
    );
  // An edited quote is usually still about where it was: look there first, which is quick on a long page.
  if (hint !== null) {
    const slack = NEARBY + 4 * exact.length;
    const near = approxBest(Math.max(0, hint - slack), Math.min(text.length, hint + exact.length + slack));
    if (near) return near.anchor;
  }
  if (options.wholeText === false && hint !== null) return null;
  return approxBest(0, text.length)?.anchor ?? null;
}

/** Anchors many notes against one text; null marks a detached note. */
export function anchorNotes<T extends { target: QuoteToFind }>(
  text: string,
  notes: readonly T[],
  options: AnchorOptions = {},
): { note: T; anchor: Anchor | null }[] {
  return notes.map((note) => ({ note, anchor: anchorQuote(text, note.target, options) }));
}
