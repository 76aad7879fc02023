/**
 * Approximate search: where in a text does a pattern occur with at most k edits (insertions, deletions,
 * substitutions)? Anchoring needs it to find a quote again after the page was edited a little.
 *
 * The search is Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector algorithm for approximate string
 * matching based on dynamic programming", JACM 46(3), 1999): one column of the edit-distance table is kept as two
 * bit vectors of vertical deltas, so each text character costs ceil(m / 32) word operations. Patterns longer than
 * 32 characters are handled by treating the vectors as multi-word numbers (carrying the addition and the shifts
 * across words), which is the single-word algorithm on a wider word, and only the words near the top that can
 * still be within k edits are computed (Ukkonen's cut-off). Before that, fast exact searches for pieces of the
 * pattern narrow the text down to the few stretches that can hold a match (see candidateStretches), so a 2 MB page
 * is often read by indexOf alone.
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

/**
 * Bit masks per character, flat: `rowOf[c]` is 1 + the row of character code c in `masks` (0: not in the
 * pattern), and row r holds `words` words where bit i of word w is set when pattern[w * 32 + i] is that character.
 * A table indexed by character code is several times faster than a Map lookup per character of a 2 MB text.
 */
function patternMasks(pattern: string, words: number): { rowOf: Uint32Array; masks: Uint32Array } {
  const rowOf = new Uint32Array(0x10000);
  let rows = 0;
  for (let i = 0; i < pattern.length; i++) {
    const unit = pattern.charCodeAt(i);
    if (rowOf[unit] === 0) rowOf[unit] = ++rows;
  }
  const masks = new Uint32Array((rows + 1) * words); // row 0: characters not in the pattern
  for (let i = 0; i < pattern.length; i++) {
    const row = rowOf[pattern.charCodeAt(i)] ?? 0;
    const at = row * words + (i >>> 5);
    masks[at] = (masks[at] ?? 0) | (1 << (i & 31));
  }
  return { rowOf, masks };
}

/**
 * The ends of the places where `pattern` occurs in text.slice(from, to) with at most `maxErrors` edits, with the
 * edits of the best alignment ending there (as offsets in `text`). Every qualifying end is reported; callers pick
 * among neighbours.
 */
export function findApproxEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): { end: number; errors: number }[] {
  const m = pattern.length;
  if (m === 0) return [];
  const k = Math.min(maxErrors, m);
  const words = Math.ceil(m / WORD);
  const last = words - 1;
  const { rowOf, masks } = patternMasks(pattern, words);
  const rowsIn = (w: number) => (w === last ? m - WORD * last : WORD);
  const lastBottom = (1 << ((m - 1) & 31)) >>> 0;
  // Vertical deltas of the current column (all +1 at the start: the distance grows by one per pattern row), and
  // the distance at the bottom row of each word.
  const plus = new Uint32Array(words).fill(0xffffffff);
  const minus = new Uint32Array(words);
  const score = new Int32Array(words);
  for (let w = 0; w < words; w++) score[w] = WORD * w + rowsIn(w);
  // Ukkonen's cut-off, by words: rows below the active words all have more than k edits and are not computed.
  // A distance can only come down to k next to a row already at or under k, so the band grows by at most one
  // word per column; a word whose bottom is at k + 32 or more has no row at k or under and leaves the band.
  let active = Math.max(0, Math.ceil(k / WORD) - 1);
  const ends: { end: number; errors: number }[] = [];

  for (let j = from; j < to; j++) {
    const base = (rowOf[text.charCodeAt(j)] ?? 0) * words;
    let addCarry = 0;
    let plusShiftIn = 0; // search mode: the top row is all zeros, so no horizontal delta enters word 0
    let minusShiftIn = 0;
    let joined = false;
    for (let w = 0; ; w++) {
      const eq = masks[base + w] as number;
      const pv = plus[w] as number;
      const mv = minus[w] as number;
      const xv = eq | mv;
      const sum = ((eq & pv) >>> 0) + pv + addCarry; // unsigned words: the carry is what passes 2^32
      addCarry = sum > 0xffffffff ? 1 : 0;
      const xh = ((sum ^ pv) | eq) >>> 0;
      const ph = (mv | ~(xh | pv)) >>> 0;
      const mh = (pv & xh) >>> 0;
      const bottom = w === last ? lastBottom : 0x80000000;
      const change = ph & bottom ? 1 : mh & bottom ? -1 : 0;
      score[w] = (score[w] as number) + change;
      plus[w] = ((mh << 1) | minusShiftIn) | ~(xv | (ph << 1) | plusShiftIn);
      minus[w] = ((ph << 1) | plusShiftIn) & xv;
      plusShiftIn = ph >>> 31;
      minusShiftIn = mh >>> 31;
      if (w < active) continue;
      if (joined || active === last) break;
      const before = (score[w] as number) - change;
      if (Math.min(score[w] as number, before) > k) break;
      // The next word joins the band, as it stood before this column: each row one more than the row above.
      joined = true;
      active++;
      plus[active] = 0xffffffff;
      minus[active] = 0;
      score[active] = before + rowsIn(active);
    }
    if (!joined) while (active > 0 && (score[active] as number) >= k + WORD) active--;
    if (active === last && (score[last] ?? Infinity) <= k) ends.push({ end: j + 1, errors: score[last] ?? 0 });
  }
  return ends;
}

/**
 * The stretches of text that can hold a match, found with fast exact searches: cut the pattern into
 * maxErrors + 1 pieces; each edit breaks at most one piece, so any match keeps one piece intact, and the match
 * lies within maxErrors (before) and 2 * maxErrors (after) of where that piece puts the pattern. Null when the
 * pieces are too short to be selective or the stretches would cover much of the text: then scan it all.
 */
export function candidateStretches(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): [number, number][] | null {
  const m = pattern.length;
  const pieces = maxErrors + 1;
  const size = Math.floor(m / pieces);
  if (size < 3) return null;
  const found: [number, number][] = [];
  const tooMany = Math.max(64, (to - from) / (4 * (m + 2 * maxErrors)));
  for (let i = 0; i < pieces; i++) {
    const offset = i * size;
    const piece = pattern.slice(offset, i === pieces - 1 ? m : offset + size);
    for (let at = text.indexOf(piece, from); at !== -1 && at + piece.length <= to; at = text.indexOf(piece, at + 1)) {
      found.push([Math.max(from, at - offset - maxErrors), Math.min(to, at - offset + m + 2 * maxErrors)]);
      if (found.length > tooMany) return null;
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const stretch of found) {
    const previous = merged[merged.length - 1];
    if (previous && stretch[0] <= previous[1]) previous[1] = Math.max(previous[1], stretch[1]);
    else merged.push([stretch[0], stretch[1]]);
  }
  const covered = merged.reduce((sum, [a, b]) => sum + (b - a), 0);
  return covered > (to - from) / 4 ? null : merged;
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

export interface SearchOptions {
  /** At most this many matches, the ones with the fewest edits. */
  limit?: number;
  /** Search only text.slice(from, to); offsets stay those of `text`. */
  from?: number;
  to?: number;
}

/**
 * The places where `pattern` occurs in `text` with at most `maxErrors` edits, one per cluster of neighbouring
 * ends (the end with the fewest edits), best first.
 */
export function searchApprox(text: string, pattern: string, maxErrors: number, options: SearchOptions = {}): ApproxMatch[] {
  const { limit = 50, from = 0, to = text.length } = options;
  const stretches = candidateStretches(text, pattern, maxErrors, from, to);
  const ends = stretches
    ? stretches.flatMap(([a, b]) => findApproxEnds(text, pattern, maxErrors, a, b))
    : findApproxEnds(text, pattern, maxErrors, from, to);
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
