import { describe, expect, it } from 'vitest';
import { candidateStretches, editDistance, findApproxEnds, findApproxStart, searchApprox } from '../../../src/notes/approx-match';

/** The textbook O(n*m) table for "best edits of pattern ending at each text position", to check the fast one against. */
function slowEnds(text: string, pattern: string, maxErrors: number): { end: number; errors: number }[] {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const ends: { end: number; errors: number }[] = [];
  for (let j = 0; j < text.length; j++) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i++) {
      next[i] = Math.min(
        (column[i - 1] ?? 0) + (pattern[i - 1] === text[j] ? 0 : 1),
        (column[i] ?? 0) + 1,
        (next[i - 1] ?? 0) + 1,
      );
    }
    column = next;
    const errors = column[pattern.length] ?? Infinity;
    if (errors <= maxErrors) ends.push({ end: j + 1, errors });
  }
  return ends;
}

/** A small deterministic generator so that the randomised comparison fails the same way every time. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('approximate search (Myers bit-parallel)', () => {
  it('reports the same ends and edit counts as the plain dynamic program, for short and multi-word patterns', () => {
    const random = seeded(42);
    const alphabet = 'abcd ';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 120; round++) {
      const pattern = word(1 + Math.floor(random() * 160)); // crosses the 32- and 64-character word boundaries
      let text = word(300);
      // Plant an edited copy of the pattern so that there is something to find.
      const at = Math.floor(random() * 200);
      const edited = pattern.slice(0, pattern.length >> 1) + 'x' + pattern.slice((pattern.length >> 1) + 1);
      text = text.slice(0, at) + edited + text.slice(at);
      const maxErrors = Math.floor(pattern.length / (2 + (round % 8))); // few and many edits: the band of words varies
      expect(findApproxEnds(text, pattern, maxErrors)).toEqual(slowEnds(text, pattern, maxErrors));
    }
  });

  it('reads only the stretches that can hold a match, and finds the same ends as a full scan', () => {
    const random = seeded(7);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz ';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    let filtered = 0;
    for (let round = 0; round < 40; round++) {
      const pattern = word(12 + Math.floor(random() * 150));
      const maxErrors = Math.floor(pattern.length / 4);
      // Plant copies with a few random edits each, in a long text.
      let text = word(20_000);
      for (let copy = 0; copy < 3; copy++) {
        let edited = pattern;
        for (let e = 0; e < 1 + Math.floor(random() * maxErrors); e++) {
          const at = Math.floor(random() * edited.length);
          const kind = Math.floor(random() * 3);
          edited = kind === 0 ? edited.slice(0, at) + 'Z' + edited.slice(at + 1) : kind === 1 ? edited.slice(0, at) + edited.slice(at + 1) : edited.slice(0, at) + 'Q' + edited.slice(at);
        }
        const at = Math.floor(random() * text.length);
        text = text.slice(0, at) + edited + text.slice(at);
      }
      const stretches = candidateStretches(text, pattern, maxErrors);
      if (!stretches) continue;
      filtered++;
      expect(stretches.reduce((n, [a, b]) => n + b - a, 0)).toBeLessThan(text.length / 4);
      const fromStretches = stretches.flatMap(([from, to]) => findApproxEnds(text, pattern, maxErrors, from, to));
      expect(fromStretches).toEqual(findApproxEnds(text, pattern, maxErrors));
      expect(fromStretches.length).toBeGreaterThan(0);
    }
    expect(filtered).toBeGreaterThan(20);
  });

  it('finds an exact occurrence with no edits and the right start', () => {
    const text = 'Alibaba said it will invest RMB 380 billion (US$53bn) in cloud and AI';
    const [match] = searchApprox(text, 'RMB 380 billion (US$53bn)', 3);
    expect(match).toEqual({ start: 28, end: 53, errors: 0 });
  });

  it('finds a match with one changed character and counts one edit', () => {
    const text = 'Alibaba said it will invest RMB 390 billion (US$53bn) in cloud and AI';
    const [match] = searchApprox(text, 'RMB 380 billion (US$53bn)', 3);
    expect(match).toEqual({ start: 28, end: 53, errors: 1 });
  });

  it('finds where a match starts when characters were inserted in it', () => {
    const text = 'the company plans to spend roughly US$ 100 billion next year';
    const pattern = 'plans to spend US$ 100 billion';
    const ends = findApproxEnds(text, pattern, 10);
    const bestEnd = ends.reduce((a, b) => (b.errors < a.errors ? b : a));
    const match = findApproxStart(text, pattern, bestEnd.end, bestEnd.errors);
    expect(text.slice(match.start, match.end)).toBe('plans to spend roughly US$ 100 billion');
    expect(match.errors).toBe('roughly '.length);
  });

  it('reports nothing when every place needs more edits than allowed', () => {
    expect(searchApprox('completely different words here', 'RMB 380 billion', 2)).toEqual([]);
  });

  it('measures edit distance between short strings', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
