/**
 * All aliases in one trie, walked from every word start of the (case-folded) text. Aliases are whole words, so a
 * match can only begin where a word begins; each walk stops at the longest alias, so the work grows linearly with
 * the text (at most the longest alias's length per word) and does not grow with the number of aliases. On news
 * text this does a few map lookups per word, about four times less work than an Aho–Corasick pass over every
 * character, which matters because the content script runs it on every block of every page.
 */
import { foldChar, isWordChar } from './fold';

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = isWordChar(c) ? 1 : 0;

export interface AliasTrie {
  /**
   * Calls `hit(patternIndex, endExclusive)` for every occurrence in `folded` (lower-cased with `foldCase`; patterns
   * with `foldText`) that starts at a word start.
   */
  scan(folded: string, hit: (pattern: number, end: number) => void): void;
}

export function buildAliasTrie(patterns: readonly string[]): AliasTrie {
  const next: Map<number, number>[] = [new Map()];
  const out: number[][] = [[]];
  patterns.forEach((p, index) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let n = next[s]!.get(c);
      if (n === undefined) {
        n = next.length;
        next.push(new Map());
        out.push([]);
        next[s]!.set(c, n);
      }
      s = n;
    }
    out[s]!.push(index);
  });
  // The first two characters decide most positions: arrays answer ASCII without a Map lookup (a few kilobytes).
  const rootAscii = new Int32Array(128);
  const root = next[0]!;
  for (const [c, n] of root) if (c < 128) rootAscii[c] = n;
  const second = new Map<number, Int32Array>();
  for (const n of root.values()) {
    const row = new Int32Array(128);
    for (const [c, m] of next[n]!) if (c < 128) row[c] = m;
    second.set(n, row);
  }
  const secondRows: (Int32Array | null)[] = new Array<Int32Array | null>(next.length).fill(null);
  for (const [n, row] of second) secondRows[n] = row;
  // Outputs as flat typed arrays: most states have none, and checking that is one load.
  const outCount = new Int32Array(next.length);
  const outFirst = new Int32Array(next.length);
  const outList: number[] = [];
  out.forEach((o, state) => {
    outFirst[state] = outList.length;
    outCount[state] = o.length;
    outList.push(...o);
  });

  return {
    scan(folded, hit) {
      const n = folded.length;
      let prevWord = false;
      for (let i = 0; i < n; i++) {
        const c = foldChar(folded.charCodeAt(i));
        const word = c < 128 ? ASCII_WORD[c] === 1 : isWordChar(c);
        // Inside a word no alias that starts with a letter or digit can start; those that start otherwise can.
        const skip = word && prevWord;
        prevWord = word;
        if (skip) continue;
        let s = c < 128 ? rootAscii[c]! : (root.get(c) ?? 0);
        let j = i;
        while (s !== 0) {
          const count = outCount[s]!;
          if (count !== 0) for (let k = outFirst[s]!, e = k + count; k < e; k++) hit(outList[k]!, j + 1);
          j++;
          if (j >= n) break;
          const d = foldChar(folded.charCodeAt(j));
          const row = j === i + 1 ? secondRows[s] : null;
          s = row && d < 128 ? row[d]! : (next[s]!.get(d) ?? 0);
        }
      }
    },
  };
}
