/**
 * Sentence bounds for the context rules (companies) and for attribution. A sentence ends at ".", "!" or "?"
 * followed by a space and a capital, a digit or a quote, unless the word before is an abbreviation ("Inc.",
 * "U.S.", "Mr."), and at every line break (blocks of a page are joined with line breaks).
 */

const ABBREVIATIONS = new Set([
  'inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'vs', 'etc', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'e.g', 'i.e', 'approx', 'est', 'fig',
  'bhd', 'nv', 'sa', 'ag', 'jr', 'sr', 'gov', 'sen', 'rep', 'dept', 'univ',
]);

const MAX_SCAN = 600;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\r';
}

const OPENS_SENTENCE = /[\p{Lu}\d"'“‘([$€£¥₹]/u;
const LETTER_OR_DOT = /[\p{L}.]/u;

/** Closing quotes and brackets: `"` `'` `”` `’` `)` `]`. */
function isClosing(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
}

/** What may open a sentence: a capital, a digit, an opening quote or bracket, a currency sign. */
export function opensSentence(text: string, j: number): boolean {
  const c = text.charCodeAt(j);
  // ASCII answers without the Unicode-property pattern (this runs at every full stop of a page).
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 39 || c === 40 || c === 91 || c === 36;
  return OPENS_SENTENCE.test(text[j]!);
}

/** A letter or a full stop: what the word before a full stop is made of. */
export function isLetterOrDot(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
  return LETTER_OR_DOT.test(text[k]!);
}

/** Whether a sentence ends right after the terminator at index `i`. */
function endsAt(text: string, i: number): boolean {
  const c = text[i];
  if (c === '\n') return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  let j = i + 1;
  // Closing quotes and brackets stay with the sentence they close.
  while (j < text.length && isClosing(text.charCodeAt(j))) j++;
  if (j >= text.length) return true;
  if (!isSpace(text[j]) && text[j] !== '\n') return false;
  while (j < text.length && isSpace(text[j])) j++;
  if (j >= text.length || text[j] === '\n') return true;
  if (!opensSentence(text, j)) return false;
  if (c !== '.') return true;
  // The word before the full stop: an abbreviation does not end a sentence.
  let k = i;
  while (k > 0 && isLetterOrDot(text, k - 1)) k--;
  const word = text.slice(k, i).toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  // A single capital ("J. Smith") is an initial.
  return !(word.length === 1 && /\p{Lu}/u.test(text[k]!));
}

export interface Span {
  start: number;
  end: number;
}

/** The sentence around `pos`, looking no further than a few hundred characters either way. */
export function sentenceAround(text: string, pos: number, reach = MAX_SCAN): Span {
  let start = pos;
  const stopA = Math.max(0, pos - reach);
  while (start > stopA && !(isTerminator(text.charCodeAt(start - 1)) && endsAt(text, start - 1))) start--;
  let end = pos;
  const stopB = Math.min(text.length, pos + reach);
  while (end < stopB && !(isTerminator(text.charCodeAt(end)) && endsAt(text, end))) end++;
  if (end < text.length) end++;
  return { start, end };
}

function isTerminator(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10;
}

/** Whether `pos` is the first word of its sentence (after opening quotes, brackets or a bullet). */
export function isSentenceStart(text: string, pos: number): boolean {
  let k = pos;
  while (k > 0 && /[\s"'“‘([•·*–—-]/.test(text[k - 1]!)) k--;
  return k === 0 || endsAt(text, k - 1) || text[k - 1] === ':' || text[k - 1] === '|';
}

/** All sentences of `text`, in order, covering it. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Only terminators can end a sentence; test the cheap condition first.
    if (!isTerminator(c)) continue;
    if (!endsAt(text, i)) continue;
    spans.push({ start, end: i + 1 });
    start = i + 1;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}
