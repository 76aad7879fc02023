/**
 * Percentages: "11%", "11 per cent", "12.5 percent", "-3%", "up 7%", "twenty percent"; percentage points kept apart
 * ("2 percentage points", "1.5pp"); basis points and "triple-digit" are not percentages.
 */
import { parseNumberAt, startsSpelledNumberAt, TENS, UNITS } from './numbers';
import { insideUrl, isChangeBefore, isDash, qualifierBefore, rangeConnector, rangeOpener } from './phrases';
import { NUM, SYM, WORD, tokenize, type Tokens } from './tokens';
import type { PercentMatch } from './types';

interface Percent {
  s: number;
  e: number;
  value: number;
  unit: 'percent' | 'points' | null;
  /** The percent sign or word was written with this end (not borrowed from the other end of a range). */
  spelled: boolean;
}

const POINT_WORDS = new Set(['pp', 'ppt', 'ppts', 'pps']);

/** The unit right after a number at token `k`: "%", "percent", "per cent", "percentage points", "pp". */
function unitAt(t: Tokens, k: number, spelled: boolean): { unit: 'percent' | 'points'; e: number } | null {
  if (k >= t.count) return null;
  if (t.type[k] === SYM) {
    if (spelled) return null;
    const c = t.raw(k);
    if (c !== '%' && c !== '٪' && c !== '％') return null;
    // "%2D", "30%25": URL encoding, not a percentage.
    if (k + 1 < t.count && !t.gap[k + 1] && t.type[k + 1] !== SYM) return null;
    return pointsAfter(t, k + 1, 'percent');
  }
  if (t.type[k] !== WORD) return null;
  const w = t.low(k);
  if (w === 'percent' || w === 'percents' || w === 'pct' || w === 'pc' && !t.gap[k]) return pointsAfter(t, k + 1, 'percent');
  if (w === 'percentage') {
    const p = pointsAfter(t, k + 1, 'percent');
    return p.unit === 'points' ? p : { unit: 'percent', e: k + 1 };
  }
  if (w === 'per' && k + 1 < t.count && t.low(k + 1) === 'cent') return pointsAfter(t, k + 2, 'percent');
  if (POINT_WORDS.has(w) && !t.gap[k]) return { unit: 'points', e: k + 1 };
  return null;
}

/** "percentage points", "% points", "percent point". */
function pointsAfter(t: Tokens, k: number, unit: 'percent'): { unit: 'percent' | 'points'; e: number } {
  if (k < t.count && t.type[k] === WORD && (t.low(k) === 'point' || t.low(k) === 'points')) return { unit: 'points', e: k + 1 };
  return { unit, e: k };
}

function percentAt(t: Tokens, i: number): Percent | null {
  const spelled = t.type[i] === WORD;
  if (!spelled && i > 0 && !t.gap[i]) {
    const p = t.type[i - 1];
    // "H100", "issn%280024": glued to a word or an encoding.
    if (p === WORD || (p === SYM && /[%=/&?#]/.test(t.raw(i - 1)))) return null;
  }
  const num = parseNumberAt(t, i);
  if (!num || num.scaled) return null;
  const u = unitAt(t, num.end, spelled);
  if (!u) {
    if (spelled) return null;
    // "10" in "10-12%": a bare number that may open a range.
    if (num.end < t.count && t.type[num.end] === WORD && !t.gap[num.end]) return null;
    return { s: i, e: num.end, value: num.value, unit: null, spelled: false };
  }
  return { s: i, e: u.e, value: num.value, unit: u.unit, spelled };
}

const UP = new Set(['up', '▲', '↑', '△', '⬆']);
const DOWN = new Set(['down', '▼', '↓', '▽', '⬇']);
const MINUS = new Set(['-', '−', '–']);

function isStart(t: Tokens, i: number): boolean {
  const ty = t.type[i];
  if (ty === NUM) return true;
  if (ty !== WORD) return false;
  if (!startsSpelledNumberAt(t, i)) return false;
  const w = t.low(i);
  if (!(w in UNITS || w in TENS)) return false;
  return !(i > 0 && t.type[i - 1] === WORD && (t.low(i - 1) in UNITS || t.low(i - 1) in TENS));
}

/** All percentages in `text`. */
export function findPercents(text: string): PercentMatch[] {
  return findPercentsInTokens(tokenize(text));
}

/** Whether what follows the number at token `i` can make it a percentage: a sign, a "p" word, or a range connector. */
function mayBePercent(t: Tokens, i: number): boolean {
  if (t.type[i] !== NUM) return true;
  const k = i + 1;
  if (k >= t.count) return false;
  const c = t.text.charCodeAt(t.start[k]!);
  if (t.type[k] === SYM) return c === 37 || c === 0x66a || c === 0xff05 || c === 45 || c === 0x2013 || c === 0x2014;
  const w = c | 32;
  return w === 112 || w === 116 || w === 97; // percent, per cent, pct, pp; "to", "and" of a range
}

export function findPercentsInTokens(t: Tokens): PercentMatch[] {
  const out: PercentMatch[] = [];
  for (let i = 0; i < t.count; i++) {
    if (!isStart(t, i) || !mayBePercent(t, i)) continue;
    const a = percentAt(t, i);
    if (!a) continue;
    const opener = rangeOpener(t, a.s);
    let b: Percent | null = null;
    const after = rangeConnector(t, a.e, opener);
    if (after > 0 && after < t.count && isStart(t, after)) {
      b = percentAt(t, after);
      if (b && !b.unit) b = null;
    }
    if (!a.unit && !b) continue;
    if (b && !a.unit) a.unit = b.unit;
    if (b && a.unit !== b.unit) b = null;
    const first = push(out, t, a, opener);
    if (!first) continue;
    i = a.e - 1;
    if (b) {
      const second = push(out, t, b, null);
      if (second) {
        i = b.e - 1;
        if (a.value <= b.value && (isDash(t, a.e) || !isChangeBefore(t, opener ? a.s - 1 : a.s))) {
          first.range = { low: a.value, high: b.value, role: 'low', other: out.length - 1 };
          second.range = { low: a.value, high: b.value, role: 'high', other: out.length - 2 };
          if (first.qualifier && !second.qualifier) {
            second.qualifier = first.qualifier;
            second.qualifierBound = first.qualifierBound;
          }
          if (first.direction && !second.direction) second.direction = first.direction;
        }
      }
    }
  }
  return out;
}

function push(out: PercentMatch[], t: Tokens, p: Percent, opener: string | null): PercentMatch | null {
  if (!p.unit) return null;
  let s = p.s;
  let value = p.value;
  let direction: 'up' | 'down' | undefined;
  // A sign glued to the number: "-3%", "−0.4%", "+5%"; not the dash of a range ("10-12%").
  if (s > 0 && t.type[s - 1] === SYM && !t.gap[s]) {
    const c = t.raw(s - 1);
    const signed = MINUS.has(c) || c === '+';
    const before = s - 2;
    if (signed && (s - 1 === 0 || t.gap[s - 1] || (before >= 0 && t.type[before] === SYM && !isDash(t, before)))) {
      if (c !== '+') value = -value;
      s--;
    } else if (UP.has(c)) direction = 'up';
    else if (DOWN.has(c)) direction = 'down';
  }
  let k = s - 1;
  // "minus five percent"; "plus or minus 2%" is a tolerance, not a sign.
  if (k >= 0 && t.type[k] === WORD && t.low(k) === 'minus' && !(k >= 2 && t.low(k - 1) === 'or' && t.low(k - 2) === 'plus')) {
    value = -value;
    s = k;
    k--;
  }
  if (!direction && k >= 0) {
    const w = t.type[k] === WORD ? t.low(k) : t.raw(k);
    if (UP.has(w) && !(t.type[k] === WORD && k + 1 < t.count && t.low(k + 1) === 'to')) direction = 'up';
    else if (DOWN.has(w)) direction = 'down';
  }
  const start = t.start[s]!;
  const end = t.end[p.e - 1]!;
  if (insideUrl(t.text, start, end)) return null;
  const m: PercentMatch = { kind: 'percent', surface: t.text.slice(start, end), start, end, value, unit: p.unit };
  if (direction) m.direction = direction;
  if (!opener) {
    const q = qualifierBefore(t, s);
    if (q) {
      m.qualifier = q.text;
      m.qualifierBound = q.bound;
      m.qualifierStart = t.start[q.first]!;
    }
  }
  out.push(m);
  return m;
}
