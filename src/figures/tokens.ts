/**
 * A flat tokenisation of a text for the figure recognisers: runs of digits (with the separators inside a number),
 * runs of letters, and single other characters. Tokens live in parallel arrays rather than objects because a
 * 2 MB page has half a million of them and the content script scans every page.
 */
import { isSymbolOnly } from '../companies/fold';

export const NUM = 1;
export const WORD = 2;
export const SYM = 3;

export interface Tokens {
  text: string;
  count: number;
  type: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** 1 when whitespace (or the start of the text) comes before the token. */
  gap: Uint8Array;
  /** Lower-cased token text, computed on demand. */
  low(i: number): string;
  /** The original token text. */
  raw(i: number): string;
}

const CLASS_SPACE = 1;
const CLASS_DIGIT = 2;
const CLASS_LETTER = 3;
const CLASS_OTHER = 4;

const ascii = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ascii[c] =
    c === 32 || (c >= 9 && c <= 13)
      ? CLASS_SPACE
      : c >= 48 && c <= 57
        ? CLASS_DIGIT
        : (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
          ? CLASS_LETTER
          : CLASS_OTHER;
}
const wideCache = new Map<number, number>();
const LETTER_RE = /[\p{L}\p{M}]/u;
const SPACE_RE = /\s/u;

/** Classes of characters as the tokenizer reads them (exported for the tests). */
export const CLASSES = { space: CLASS_SPACE, digit: CLASS_DIGIT, letter: CLASS_LETTER, other: CLASS_OTHER } as const;

export function classify(c: number): number {
  if (c < 128) return ascii[c]!;
  // Latin-1 and the general punctuation (curly quotes, dashes, thin spaces) answer without the Unicode-property
  // pattern, whose first use costs a page a millisecond or more of compiling (test/unit/figures/char-classes.test.ts
  // checks these answers against the patterns).
  if (c < 0x100) return c === 0xa0 ? CLASS_SPACE : (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) || c === 0xaa || c === 0xb5 || c === 0xba ? CLASS_LETTER : CLASS_OTHER;
  if (c >= 0x2000 && c <= 0x206f) return c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ? CLASS_SPACE : CLASS_OTHER;
  if (isSymbolOnly(c)) return CLASS_OTHER;
  let k = wideCache.get(c);
  if (k === undefined) {
    const ch = String.fromCharCode(c);
    // Surrogate halves count as letters: astral characters are almost always letters or emoji, and neither matters here.
    k = SPACE_RE.test(ch) ? CLASS_SPACE : LETTER_RE.test(ch) || (c >= 0xd800 && c <= 0xdfff) ? CLASS_LETTER : CLASS_OTHER;
    // 元 (yuan) is a letter to Unicode but a currency sign to a reader.
    if (c === 0x5143) k = CLASS_OTHER;
    wideCache.set(c, k);
  }
  return k;
}

export function tokenize(text: string): Tokens {
  const n = text.length;
  // About one token per four characters of prose; grown by doubling when a text is denser.
  let cap = Math.max(16, n >> 2);
  let type = new Uint8Array(cap);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let gap = new Uint8Array(cap);
  let count = 0;
  let i = 0;
  let spaced = 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? ascii[c]! : classify(c);
    if (k === CLASS_SPACE) {
      spaced = 1;
      i++;
      continue;
    }
    const s = i;
    let t: number;
    if (k === CLASS_DIGIT) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d >= 48 && d <= 57) i++;
        else if ((d === 44 || d === 46) && i + 1 < n && classifyDigit(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      t = NUM;
    } else if (k === CLASS_LETTER) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if ((d < 128 ? ascii[d]! : classify(d)) !== CLASS_LETTER) break;
        i++;
      }
      t = WORD;
    } else {
      i++;
      t = SYM;
    }
    if (count === cap) {
      cap *= 2;
      type = grow(type, cap);
      start = grow(start, cap);
      end = grow(end, cap);
      gap = grow(gap, cap);
    }
    type[count] = t;
    start[count] = s;
    end[count] = i;
    gap[count] = spaced;
    count++;
    spaced = 0;
  }
  const lows: (string | undefined)[] = new Array<string | undefined>(count);
  return {
    text,
    count,
    type,
    start,
    end,
    gap,
    low(t) {
      let v = lows[t];
      if (v === undefined) {
        v = text.slice(start[t], end[t]).toLowerCase();
        lows[t] = v;
      }
      return v;
    },
    raw: (t) => text.slice(start[t], end[t]),
  };
}

function grow<T extends Uint8Array | Int32Array>(a: T, cap: number): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

function classifyDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
