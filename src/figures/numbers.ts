/** Numbers as news writes them: "1,234.5", "0.75", Indian grouping "1,05,600", and spelled out ("five", "forty-five"). */
import { table } from './currencies';
import { NUM, SYM, WORD, type Tokens } from './tokens';

const WESTERN = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const INDIAN = /^\d{1,2}(,\d{2})*,\d{3}(\.\d+)?$/;
const PLAIN = /^\d+(\.\d+)?$/;

/** The value of a run of digits, or null when its separators make no number ("1,2,3", "1.2.3"). */
export function parseDigits(s: string): number | null {
  if (PLAIN.test(s)) return Number(s);
  if (WESTERN.test(s) || INDIAN.test(s)) return Number(s.replace(/,/g, ''));
  return null;
}

export const UNITS: Record<string, number> = table({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
});
export const TENS: Record<string, number> = table({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
export const SCALES: Record<string, number> = table({
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
});

/** Words a spelled-out number can start with. */
export function startsSpelledNumber(w: string): boolean {
  return w in UNITS || w in TENS || w === 'a' || w === 'an' || w === 'half' || w === 'quarter';
}

/** Words that start a spelled number, by length and first letter. */
const STARTERS_BY_SHAPE = new Map<number, string[]>();
for (const w of [...Object.keys(UNITS), ...Object.keys(TENS), 'half', 'quarter']) {
  const key = w.length * 128 + w.charCodeAt(0);
  STARTERS_BY_SHAPE.set(key, [...(STARTERS_BY_SHAPE.get(key) ?? []), w]);
}
const FIRST_LETTERS = new Uint8Array(128);
for (const w of [...Object.keys(UNITS), ...Object.keys(TENS), 'a', 'an', 'half', 'quarter']) FIRST_LETTERS[w.charCodeAt(0)] = 1;

/** `startsSpelledNumber` for token `i`, ruling most words out by their length and first letter before reading them. */
export function startsSpelledNumberAt(t: Tokens, i: number): boolean {
  const s = t.start[i]!;
  const len = t.end[i]! - s;
  if (len > 9 || len === 2) return len === 2 && (t.text.charCodeAt(s) | 32) === 97 && (t.text.charCodeAt(s + 1) | 32) === 110;
  const c = t.text.charCodeAt(s) | 32;
  if (len === 1) return c === 97;
  if (c >= 128 || FIRST_LETTERS[c] !== 1) return false;
  // Compare letters in place: most words are ruled out without reading them into a string.
  const candidates = STARTERS_BY_SHAPE.get(len * 128 + c);
  if (!candidates) return false;
  for (const w of candidates) {
    let k = 1;
    while (k < len && (t.text.charCodeAt(s + k) | 32) === w.charCodeAt(k)) k++;
    if (k === len) return true;
  }
  return false;
}

export interface ParsedNumber {
  value: number;
  /** Token index after the number. */
  end: number;
  /** Whether a scale word (million, billion...) was part of it. */
  scaled: boolean;
  /** An integer written without a decimal point. */
  integer: boolean;
  spelled: boolean;
}

/** A spelled-out number starting at token `i`: "five", "forty-five", "one hundred and five", "half a billion", "a quarter million". */
export function parseSpelled(t: Tokens, i: number): ParsedNumber | null {
  let total = 0;
  let current = 0;
  let any = false;
  let scaled = false;
  let k = i;
  let last = '';
  let fraction = 0;
  while (k < t.count && t.type[k] === WORD) {
    const w = t.low(k);
    if (w in UNITS && (last === '' || last === 'and' || last === 'hundred' || last in SCALES || (last in TENS && current % 10 === 0))) {
      current += UNITS[w]!;
    } else if (w in TENS && (last === '' || last === 'and' || last === 'hundred' || last in SCALES)) {
      current += TENS[w]!;
      // forty-five
      if (t.type[k + 1] === SYM && t.raw(k + 1) === '-' && !t.gap[k + 1] && t.type[k + 2] === WORD && t.low(k + 2) in UNITS && !t.gap[k + 2]) {
        current += UNITS[t.low(k + 2)]!;
        k += 2;
      }
    } else if ((w === 'a' || w === 'an') && last === '') {
      // "a" stands for one only before a scale or a fraction: "a billion", "a quarter million".
      const next = t.type[k + 1] === WORD ? t.low(k + 1) : '';
      if (!(next in SCALES) && next !== 'hundred' && next !== 'quarter') return null;
      current = 1;
    } else if (w === 'half' && last === '') {
      fraction = 0.5;
      // "half a billion"
      if (t.type[k + 1] === WORD && t.low(k + 1) === 'a' && t.type[k + 2] === WORD && t.low(k + 2) in SCALES) k++;
    } else if ((w === 'quarter' || w === 'quarters') && (last === '' || last === 'a' || last === 'an' || last in UNITS)) {
      // "a quarter million", "three quarters billion": only before a scale word.
      if (!(t.type[k + 1] === WORD && t.low(k + 1) in SCALES)) return null;
      fraction = (current || 1) * 0.25;
      current = 0;
    } else if (w === 'hundred' && last !== 'hundred' && last !== '' && !(last in SCALES)) {
      current = (current || 1) * 100;
    } else if (w in SCALES && (last !== '' || fraction > 0)) {
      const base = fraction > 0 ? fraction + current : current || 1;
      total += base * SCALES[w]!;
      current = 0;
      fraction = 0;
      scaled = true;
    } else if (w === 'and' && (last === 'hundred' || last in SCALES) && t.type[k + 1] === WORD && (t.low(k + 1) in UNITS || t.low(k + 1) in TENS)) {
      // "one hundred and five"
    } else break;
    any = true;
    last = w;
    k++;
  }
  if (!any || last === 'and' || last === 'a' || last === 'an' || last === 'half' || fraction > 0) return null;
  return { value: total + current, end: k, scaled, integer: true, spelled: true };
}

/** A number at token `i`, digits or spelled. */
export function parseNumberAt(t: Tokens, i: number): ParsedNumber | null {
  if (t.type[i] === NUM) {
    const v = parseDigits(t.raw(i));
    if (v === null) return null;
    return { value: v, end: i + 1, scaled: false, integer: !t.raw(i).includes('.'), spelled: false };
  }
  if (t.type[i] === WORD) return parseSpelled(t, i);
  return null;
}
