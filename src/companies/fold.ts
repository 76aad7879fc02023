/** Case folding that keeps every UTF-16 offset where it was, so matches map straight back to the text. */

export function foldText(text: string): string {
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
  // Typographic apostrophes and no-break spaces are written interchangeably with the plain ones.
  return folded.replace(/[\u2019\u02bc]/g, "'").replace(/[\u00a0\u2007\u202f\u2009]/g, ' ');
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const wideCache = new Map<number, boolean>();

/** Letters, digits and combining marks: what a whole-word match must not touch. */
export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let v = wideCache.get(c);
  if (v === undefined) {
    v = c >= 0xd800 && c <= 0xdfff ? true : WORD_CHAR.test(String.fromCharCode(c));
    wideCache.set(c, v);
  }
  return v;
}
