/**
 * Offsets in two units. JavaScript strings (and so the page's own offsets) count UTF-16 code units; the W3C
 * TextPositionSelector counts Unicode code points. An emoji before a quote is one code point but two units, so
 * positions are converted at the boundary and never mixed.
 */

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Whether a UTF-16 offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** The code point offset of a UTF-16 offset in `text`. An offset inside a pair counts the pair's code point as before it. */
export function codePointOffset(text: string, utf16Offset: number): number {
  const end = Math.min(Math.max(utf16Offset, 0), text.length);
  let points = 0;
  for (let i = 0; i < end; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      if (i + 1 < end) i++;
    }
    points++;
  }
  return points;
}

/** The UTF-16 offset of a code point offset in `text`; past the end gives text.length. */
export function utf16Offset(text: string, codePoints: number): number {
  let i = 0;
  for (let seen = 0; seen < codePoints && i < text.length; seen++) {
    i += isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** The number of code points in `text`. */
export function codePointLength(text: string): number {
  return codePointOffset(text, text.length);
}
