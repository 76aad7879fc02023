/**
 * Approximate search: where in a text does a pattern occur with at most k edits (insertions, deletions,
 * substitutions)? Anchoring needs it to find a quote again after the page was edited a little.
 *
 * The search is Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector algorithm for approximate string
 * matching based on dynamic programming", JACM 46(3), 1999): one column of the edit-distance table is kept as two
 * bit vectors of vertical deltas, so each text character costs ceil(m / 32) word operations. Patterns longer than
 * 32 characters are handled by treating the vectors as multi-word numbers (carrying the addition and the shifts
 * across words), which is the single-word algorithm on a wider word. Linear in the text: a 2 MB page is fine.
 *
 * Where a match starts is found afterwards with a small dynamic program over the few characters before its end.
 */

export interface ApproxMatch {
  /** UTF-16 offset of the first character of the match. */
  start: number;
  /** UTF-16 offset after the last character. */
  end: number;
  /** Edits between the pattern and text.slice(start, end). */
  errors: number;
}

const WORD = 32;

/** Bit masks per character: bit i of word w is set where pattern[w * 32 + i] is that character. */
function patternMasks(pattern: string, words: number): Map<number, Uint32Array> {
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < pattern.length; i++) {
    const unit = pattern.charCodeAt(i);
    let mask = masks.get(unit);
    if (!mask) {
      mask = new Uint32Array(words);
      masks.set(unit, mask);
    }
    mask[i >>> 5] = (mask[i >>> 5] ?? 0) | (1 << (i & 31));
  }
  return masks;
}

/**
 * The ends of the places where `pattern` occurs in `text` with at most `maxErrors` edits, with the edits of the
 * best alignment ending there. Every qualifying end is reported; callers pick among neighbours.
 */
export function findApproxEnds(text: string, pattern: string, maxErrors: number): { end: number; errors: number }[] {
  const m = pattern.length;
  if (m === 0) return [];
  const words = Math.ceil(m / WORD);
  const masks = patternMasks(pattern, words);
  const none = new Uint32Array(words);
  // Vertical deltas of the current column: all +1 at the start (distance grows by one per pattern row).
  const plus = new Uint32Array(words).fill(0xffffffff);
  const minus = new Uint32Array(words);
  const last = words - 1;
  const lastBit = 1 << ((m - 1) & 31);
  let score = m;
  const ends: { end: number; errors: number }[] = [];

  for (let j = 0; j < text.length; j++) {
    const eqs = masks.get(text.charCodeAt(j)) ?? none;
    let addCarry = 0;
    let plusShiftIn = 0; // search mode: the top row is all zeros, so no horizontal delta enters word 0
    let minusShiftIn = 0;
    for (let w = 0; w < words; w++) {
      const eq = eqs[w] ?? 0;
      const pv = plus[w] ?? 0;
      const mv = minus[w] ?? 0;
      const xv = eq | mv;
      const sum = ((eq & pv) >>> 0) + (pv >>> 0) + addCarry;
      addCarry = sum > 0xffffffff ? 1 : 0;
      const xh = (((sum >>> 0) ^ pv) | eq) >>> 0;
      const ph = (mv | ~(xh | pv)) >>> 0;
      const mh = (pv & xh) >>> 0;
      if (w === last) {
        if (ph & lastBit) score++;
        else if (mh & lastBit) score--;
      }
      const phShifted = ((ph << 1) | plusShiftIn) >>> 0;
      const mhShifted = ((mh << 1) | minusShiftIn) >>> 0;
      plusShiftIn = ph >>> 31;
      minusShiftIn = mh >>> 31;
      plus[w] = (mhShifted | ~(xv | phShifted)) >>> 0;
      minus[w] = (phShifted & xv) >>> 0;
    }
    if (score <= maxErrors) ends.push({ end: j + 1, errors: score });
  }
  return ends;
}

/**
 * Where the best alignment of `pattern` ending at `end` starts, and its edits: an edit-distance table between the
 * reversed pattern and the reversed text before `end`, reading as far back as `maxErrors` allows. Of equally good
 * starts, the one giving the longest match wins (so a match does not shed a first character it could keep).
 */
export function findApproxStart(text: string, pattern: string, end: number, maxErrors: number): ApproxMatch {
  const m = pattern.length;
  const span = Math.min(end, m + maxErrors);
  // row[l] = edits between the last i pattern characters and the last l text characters before `end`.
  let row = new Array<number>(span + 1);
  for (let l = 0; l <= span; l++) row[l] = l;
  for (let i = 1; i <= m; i++) {
    const next = new Array<number>(span + 1);
    next[0] = i;
    const p = pattern.charCodeAt(m - i);
    for (let l = 1; l <= span; l++) {
      const substitute = (row[l - 1] ?? 0) + (text.charCodeAt(end - l) === p ? 0 : 1);
      const skipPattern = (row[l] ?? 0) + 1;
      const skipText = (next[l - 1] ?? 0) + 1;
      next[l] = Math.min(substitute, skipPattern, skipText);
    }
    row = next;
  }
  let bestLength = 0;
  let bestErrors = row[0] ?? m;
  for (let l = 1; l <= span; l++) {
    const errors = row[l] ?? Infinity;
    if (errors <= bestErrors) {
      bestErrors = errors;
      bestLength = l;
    }
  }
  return { start: end - bestLength, end, errors: bestErrors };
}

/**
 * The places where `pattern` occurs in `text` with at most `maxErrors` edits, one per cluster of neighbouring
 * ends (the end with the fewest edits), best first, at most `limit` of them.
 */
export function searchApprox(text: string, pattern: string, maxErrors: number, limit = 50): ApproxMatch[] {
  const ends = findApproxEnds(text, pattern, maxErrors);
  const clusters: { end: number; errors: number }[] = [];
  let previousEnd = -Infinity;
  for (const candidate of ends) {
    const current = clusters[clusters.length - 1];
    if (current && candidate.end === previousEnd + 1) {
      if (candidate.errors < current.errors) clusters[clusters.length - 1] = candidate;
    } else {
      clusters.push(candidate);
    }
    previousEnd = candidate.end;
  }
  clusters.sort((a, b) => a.errors - b.errors || a.end - b.end);
  return clusters.slice(0, limit).map((c) => findApproxStart(text, pattern, c.end, c.errors));
}

/** Plain edit distance between two short strings (the words around a quote): a two-row table. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let row = Array.from({ length: b.length + 1 }, (_, l) => l);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let l = 1; l <= b.length; l++) {
      next[l] = Math.min(
        (row[l - 1] ?? 0) + (a.charCodeAt(i - 1) === b.charCodeAt(l - 1) ? 0 : 1),
        (row[l] ?? 0) + 1,
        (next[l - 1] ?? 0) + 1,
      );
    }
    row = next;
  }
  return row[b.length] ?? Math.max(a.length, b.length);
}
