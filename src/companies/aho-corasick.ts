/**
 * Aho–Corasick over UTF-16 code units: one pass over the text finds every occurrence of every pattern, so the cost
 * grows with the text, not with the number of aliases.
 */

export interface Automaton {
  /** Calls `hit(patternIndex, endExclusive)` for every occurrence in `text` (already case-folded). */
  scan(text: string, hit: (pattern: number, end: number) => void): void;
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const next: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const out: number[][] = [[]];
  patterns.forEach((p, index) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let n = next[s]!.get(c);
      if (n === undefined) {
        n = next.length;
        next.push(new Map());
        fail.push(0);
        out.push([]);
        next[s]!.set(c, n);
      }
      s = n;
    }
    out[s]!.push(index);
  });
  // Breadth-first: a state's failure link points to the longest proper suffix that is also a prefix.
  const queue: number[] = [];
  for (const n of next[0]!.values()) queue.push(n);
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    for (const [c, n] of next[s]!) {
      queue.push(n);
      let f = fail[s]!;
      while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
      const g = next[f]!.get(c);
      fail[n] = g !== undefined && g !== n ? g : 0;
      const inherited = out[fail[n]!]!;
      if (inherited.length > 0) out[n] = out[n]!.concat(inherited);
    }
  }
  // Most characters of a page leave the root at once: an array answers them without a Map lookup.
  const rootAscii = new Int32Array(128);
  for (const [c, n] of next[0]!) if (c < 128) rootAscii[c] = n;
  const root = next[0]!;

  return {
    scan(text, hit) {
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (s === 0) {
          s = c < 128 ? rootAscii[c]! : (root.get(c) ?? 0);
        } else {
          let n = next[s]!.get(c);
          while (n === undefined && s !== 0) {
            s = fail[s]!;
            n = next[s]!.get(c);
          }
          s = n ?? 0;
        }
        if (s !== 0) {
          const o = out[s]!;
          for (let k = 0; k < o.length; k++) hit(o[k]!, i + 1);
        }
      }
    },
  };
}
