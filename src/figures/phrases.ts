/** Words around a figure that both money and percent recognition read: qualifiers, range connectors, per share. */
import { NUM, SYM, WORD, type Tokens } from './tokens';
import { table } from './currencies';
import type { QualifierBound } from './types';

const QUALIFIERS: Record<string, QualifierBound> = table({
  about: 'approx', around: 'approx', approximately: 'approx', 'approx .': 'approx', approx: 'approx', roughly: 'approx',
  some: 'approx', nearly: 'approx', almost: 'approx', 'close to': 'approx', circa: 'approx', 'an estimated': 'approx',
  estimated: 'approx', '~': 'approx', '≈': 'approx', exactly: 'approx', 'just about': 'approx',
  'more than': 'lower', over: 'lower', above: 'lower', 'at least': 'lower', 'no less than': 'lower',
  'not less than': 'lower', 'upwards of': 'lower', 'in excess of': 'lower', 'north of': 'lower', 'just over': 'lower',
  'well over': 'lower', 'well above': 'lower', 'greater than': 'lower', 'higher than': 'lower', 'as little as': 'lower',
  'up to': 'upper', under: 'upper', below: 'upper', 'less than': 'upper', 'lower than': 'upper', 'no more than': 'upper',
  'not more than': 'upper', 'at most': 'upper', 'as much as': 'upper', 'just under': 'upper', 'as high as': 'upper',
  'fewer than': 'upper', 'short of': 'upper', 'just shy of': 'upper',
});
/** Last words of the qualifiers: a token that is none of them ends the search at once. */
const QUALIFIER_LAST = new Set(Object.keys(QUALIFIERS).map((k) => k.slice(k.lastIndexOf(' ') + 1)));
const MAX_QUALIFIER_TOKENS = 3;

export interface Qualifier {
  text: string;
  bound: QualifierBound;
  /** First token of the qualifier. */
  first: number;
}

/** The qualifier that ends right before token `i` ("about", "more than", "up to"), if any. */
export function qualifierBefore(t: Tokens, i: number): Qualifier | null {
  if (i === 0 || !QUALIFIER_LAST.has(t.low(i - 1))) return null;
  let best: Qualifier | null = null;
  let key = '';
  for (let l = 1; l <= MAX_QUALIFIER_TOKENS && i - l >= 0; l++) {
    const k = i - l;
    if (t.type[k] === NUM) break;
    key = l === 1 ? t.low(k) : `${t.low(k)} ${key}`;
    const bound = QUALIFIERS[key];
    if (bound) best = { text: t.text.slice(t.start[k], t.end[i - 1]).toLowerCase(), bound, first: k };
  }
  // "up to" needs its "up"; a lone "over"/"under" after a noun still reads as a qualifier.
  return best;
}

/** The word right before token `i` when it opens a range: "between" or "from". */
export function rangeOpener(t: Tokens, i: number): 'between' | 'from' | null {
  const k = i - 1;
  if (k < 0 || t.type[k] !== WORD) return null;
  const w = t.low(k);
  return w === 'between' || w === 'from' ? w : null;
}

const CHANGE_WORDS = new Set([
  'rose', 'rise', 'rising', 'grew', 'grow', 'growing', 'increased', 'increase', 'increasing', 'jumped', 'climbed',
  'fell', 'fall', 'falling', 'dropped', 'declined', 'decreased', 'cut', 'raised', 'raise', 'lifted', 'lowered',
  'slashed', 'boosted', 'up', 'down', 'surged', 'soared', 'slipped', 'expanded', 'widened', 'narrowed', 'shrank',
  'revised', 'upgraded', 'downgraded', 'moved', 'went', 'ballooned', 'doubled', 'tripled', 'swelled',
]);

/** "rose from $10bn to $12bn" is a change, not a range: a change word within three words before the first end (a dash still joins a range: "up from $64bn-$72bn"). */
export function isChangeBefore(t: Tokens, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    // "an increase of 8% to 9%" names a range; "increased 8% to 9%" a change.
    if (t.type[k] === WORD && CHANGE_WORDS.has(t.low(k))) return !(k + 1 < t.count && t.low(k + 1) === 'of');
  }
  return false;
}

const DASHES = new Set(['-', '–', '—', '‒']);

export function isDash(t: Tokens, i: number): boolean {
  return i < t.count && t.type[i] === SYM && DASHES.has(t.raw(i));
}

/**
 * The range connector at token `i` ("-", "to", "and" after "between"), returning the token after it, or -1.
 * "and" joins a range only when the first end was opened by "between".
 */
export function rangeConnector(t: Tokens, i: number, opener: 'between' | 'from' | null): number {
  if (i >= t.count) return -1;
  if (isDash(t, i)) return i + 1;
  if (t.type[i] !== WORD) return -1;
  const w = t.low(i);
  if (w === 'to' && opener !== 'between') return i + 1;
  if (w === 'and' && opener === 'between') return i + 1;
  return -1;
}

const SHARE_WORDS = new Set(['share', 'ads', 'adr', 'adrs', 'depositary']);

/** "a share", "per share", "-a-share", "/share", "per ADS" right after token `i - 1`. */
export function isPerShareAt(t: Tokens, i: number): boolean {
  let k = i;
  if (isDash(t, k)) k++;
  if (k >= t.count) return false;
  const w = t.type[k] === SYM ? t.raw(k) : t.low(k);
  if (w !== 'a' && w !== 'per' && w !== 'each' && w !== '/') return false;
  k++;
  if (isDash(t, k)) k++;
  return k < t.count && t.type[k] === WORD && SHARE_WORDS.has(t.low(k));
}

/** Whether the text around [start, end) is part of a URL or an encoded string, where figures are not figures. */
export function insideUrl(text: string, start: number, end: number): boolean {
  let a = start;
  const stopA = Math.max(0, start - 300);
  while (a > stopA && !/\s/.test(text[a - 1]!)) a--;
  let b = end;
  const stopB = Math.min(text.length, end + 300);
  while (b < stopB && !/\s/.test(text[b]!)) b++;
  const chunk = text.slice(a, b);
  return /:\/\/|www\.|[?&][\w%]+=|%[0-9A-F]{2}/i.test(chunk);
}
