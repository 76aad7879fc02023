/**
 * A flat tokenisation of a text for the figure recognisers: runs of digits (with the separators inside a number),
 * runs of letters, and single other characters. Tokens live in parallel arrays rather than objects because a
 * 2 MB page has half a million of them and the content script scans every page.
 */

export const NUM = 1;
export const WORD = 2;
export const SYM = 3;

export interface Tokens {
  text: string;
  count: number;
  type: number[];
  start: number[];
  end: number[];
  /** Whether whitespace (or the start of the text) comes before the token. */
  gap: boolean[];
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

function classify(c: number): number {
  if (c < 128) return ascii[c]!;
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
  const type: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const gap: boolean[] = [];
  const n = text.length;
  let i = 0;
  let spaced = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = classify(c);
    if (k === CLASS_SPACE) {
      spaced = true;
      i++;
      continue;
    }
    const s = i;
    if (k === CLASS_DIGIT) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d >= 48 && d <= 57) i++;
        else if ((d === 44 || d === 46) && i + 1 < n && classifyDigit(text.charCodeAt(i + 1))) i += 2;
        else break;
      }
      type.push(NUM);
    } else if (k === CLASS_LETTER) {
      i++;
      while (i < n && classify(text.charCodeAt(i)) === CLASS_LETTER) i++;
      type.push(WORD);
    } else {
      i++;
      type.push(SYM);
    }
    start.push(s);
    end.push(i);
    gap.push(spaced);
    spaced = false;
  }
  const lows: (string | undefined)[] = [];
  return {
    text,
    count: type.length,
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

function classifyDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
