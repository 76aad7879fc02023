/** Case folding that keeps every UTF-16 offset where it was, so matches map straight back to the text. */

export function foldText(text: string): string {
  const lower = foldCase(text);
  // Most aliases are plain ASCII: no pattern to run (the matcher folds every alias at each page load).
  let folded: string | null = null;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 128) continue;
    const f = foldChar(c);
    if (f === c) continue;
    folded = (folded ?? lower.slice(0, i)) + String.fromCharCode(f);
    // The rest, character by character from here (rare: an alias with a typographic apostrophe or a no-break space).
    for (let j = i + 1; j < lower.length; j++) folded += String.fromCharCode(foldChar(lower.charCodeAt(j)));
    return folded;
  }
  return lower;
}

/**
 * Lower case only, offsets kept. The matcher folds apostrophes and no-break spaces itself as it reads (see
 * `foldChar`), which spares two passes over every block of a page.
 */
export function foldCase(text: string): string {
  let folded = text.toLowerCase();
  if (folded.length !== text.length) {
    // A few characters lower-case to two ("İ"); fold those one by one and leave them as they are.
    let s = '';
    for (const ch of text) {
      const l = ch.toLowerCase();
      s += l.length === ch.length ? l : ch;
    }
    folded = s;
  }
  return folded;
}

/** Typographic apostrophes and no-break spaces are written interchangeably with the plain ones. */
export function foldChar(c: number): number {
  if (c < 128) return c;
  if (c === 0x2019 || c === 0x2bc) return 39;
  if (c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x2009) return 32;
  return c;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const wideCache = new Map<number, boolean>();

/** Letters, digits and combining marks: what a whole-word match must not touch. */
export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  // Latin-1 and the general punctuation (curly quotes, dashes, spaces) answer without the Unicode-property
  // pattern, whose first use costs a page a millisecond or more of compiling (test/unit/figures/char-classes.test.ts
  // checks these answers against the pattern).
  if (c < 0x100) return c >= 0xc0 ? c !== 0xd7 && c !== 0xf7 : c === 0xaa || c === 0xb2 || c === 0xb3 || c === 0xb5 || c === 0xb9 || c === 0xba || (c >= 0xbc && c <= 0xbe);
  if (c >= 0x2000 && c <= 0x206f) return false;
  if (isSymbolOnly(c)) return false;
  let v = wideCache.get(c);
  if (v === undefined) {
    v = c >= 0xd800 && c <= 0xdfff ? true : WORD_CHAR.test(String.fromCharCode(c));
    wideCache.set(c, v);
  }
  return v;
}

/**
 * Blocks that hold only symbols, no letter, digit or mark: currency signs (€ ₹ ₩), arrows, mathematical and technical
 * symbols, box drawing and geometric shapes (▲ ▼ ● ■), miscellaneous symbols (★ ☁). News pages use them often, and
 * answering them by hand spares a page compiling a Unicode-property pattern (test/unit/figures/char-classes.test.ts
 * checks them against the patterns).
 */
export function isSymbolOnly(c: number): boolean {
  return (c >= 0x20a0 && c <= 0x20cf) || (c >= 0x2190 && c <= 0x23ff) || (c >= 0x2500 && c <= 0x26ff);
}
