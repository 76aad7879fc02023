/**
 * Finds companies in text: every alias in one linear pass over the case-folded text (a trie walked from each word
 * start), whole words only, then the context rules for names that are also common words ("Grab a coffee",
 * "apple pie", "Meta-analysis").
 */
import { buildAliasTrie } from './alias-trie';
import { COMMON_SENSES } from './common-senses';
import { foldCase, foldText, isWordChar } from './fold';
import { isSentenceStart, sentenceAround } from './sentences';
import type { AliasEntry, AliasTable, CompanyMatch, CompanyMatcher, FindCompaniesOptions } from './types';

interface Candidate {
  alias: number;
  start: number;
  end: number;
  /** An exchange prefix ("NASDAQ: MSFT") or a non-ambiguous alias: needs no support. */
  strong: boolean;
}

/** Words after a sentence-initial common word that make it a verb: "Grab a coffee", "Shell out", "Arm yourself". */
const VERB_OBJECTS = new Set([
  'a', 'an', 'the', 'your', 'my', 'our', 'their', 'his', 'her', 'some', 'yourself', 'yourselves', 'me', 'us', 'them',
  'out', 'off',
]);

/** Hyphenated words after a company name that keep it a company: "Meta-owned", "Arm-based", "Apple-designed". */
const COMPANY_COMPOUNDS = /^(owned|backed|based|led|made|built|funded|designed|powered|branded|style|like|era|listed|linked|affiliated|supported|sponsored|certified|compatible|exclusive)$/;

/** How far around a name its exclusion contexts are looked for, and how far before it one may start. */
const CONTEXT_REACH = 120;
const CONTEXT_LEAD = 60;

const BUSINESS_NEARBY =
  /\b(?:models?|AI|apps?|chips?|GPUs?|platform|chatbot|assistant|cloud|software|launch(?:ed|es)?|releas(?:ed|es)|unveil(?:ed|s)|announc(?:ed|es)|said|says|Inc|Corp|Ltd|plc|shares|stock|CEO|revenue|earnings|users|customers|subscribers|investors?|valuation|funding|start-?up)\b/;

const EXCHANGE_PREFIX = /(?:NASDAQ|Nasdaq|NYSE|NYSEARCA|NYSE American|AMEX|HKEX|SEHK|HKG|TSE|TYO|KRX|KOSDAQ|LSE|LON|SSE|SZSE|TWSE|SGX|NSE|BSE|ASX|TSX|XETRA|ETR|FRA|EPA|AMS|SWX|OTC|OTCMKTS)\s*:\s*$/;

/**
 * A context pattern for the lower-cased text: letters outside escapes lower-cased as `foldCase` does, so that the
 * pattern needs no `i` flag. V8 compiles a pattern on each page where it first runs (and again when it turns hot):
 * a name's contexts took 1.5-2.5 ms with `iu` and about 0.8 ms without flags, for every such name a page has.
 * Escapes are kept as written (`\W` stays a class), so a letter written as an escape (`\u00C9`) matches only that
 * case: patterns write letters as letters.
 */
export function foldPattern(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\' && i + 1 < source.length) {
      out += ch + source[i + 1]!;
      i++;
      continue;
    }
    const lower = ch.toLowerCase();
    out += lower.length === 1 ? lower : ch;
  }
  return out;
}

/** The alias's exclusion contexts and the common senses of its word, as one pattern on the lower-cased text (null when there are none). */
function compileExcludes(entry: AliasEntry): RegExp | null {
  const sources = [...(entry.exclude ?? []), ...(COMMON_SENSES[entry.text.toLowerCase()] ?? [])].map(foldPattern);
  const join = (list: string[]): RegExp | null => (list.length ? new RegExp(list.map((s) => `(?:${s})`).join('|'), 'g') : null);
  try {
    // Parsed once, as one pattern: each source on its own only when that fails.
    return join(sources);
  } catch {
    // A bad pattern in a data file must not stop recognition; `npm run data -- check` reports it.
    const valid = sources.filter((s) => {
      try {
        new RegExp(s);
        return true;
      } catch {
        return false;
      }
    });
    try {
      return join(valid);
    } catch {
      return null;
    }
  }
}

function isCommonWord(entry: AliasEntry): boolean {
  if (entry.ambiguous) return true;
  if (COMMON_SENSES[entry.text.toLowerCase()]) return true;
  return !!entry.caseSensitive && entry.kind !== 'ticker' && /^[A-Z][a-z]+$/.test(entry.text);
}

export function createCompanyMatcher(table: AliasTable): CompanyMatcher {
  const folded = table.aliases.map((a) => foldText(a.text));
  const trie = buildAliasTrie(folded);
  const lengths = folded.map((f) => f.length);
  const wordStart = folded.map((f) => isWordChar(f.charCodeAt(0)));
  const wordEnd = folded.map((f) => isWordChar(f.charCodeAt(f.length - 1)));
  const sensitive = table.aliases.map((a) => (a.caseSensitive ? a.text : null));
  const shortSymbol = table.aliases.map((a) => a.kind === 'ticker' && a.text.replace(/\W/g, '').length <= 2);
  const excludes: (RegExp | null | undefined)[] = [];
  const common = table.aliases.map(isCommonWord);

  /** Whether a context pattern covers the name; `lower` is the text lower-cased (`foldCase`). */
  const excludedByContext = (text: string, lower: string, c: Candidate): boolean => {
    let rx = excludes[c.alias];
    if (rx === undefined) {
      rx = compileExcludes(table.aliases[c.alias]!);
      excludes[c.alias] = rx;
    }
    if (!rx) return false;
    // Contexts are phrases around the name: its sentence, no further than a line or so either way.
    const s = sentenceAround(text, c.start, CONTEXT_REACH);
    const sentence = lower.slice(s.start, s.end);
    // A context that covers the name starts shortly before it: no need to read the sentence from its start.
    rx.lastIndex = Math.max(0, c.start - s.start - CONTEXT_LEAD);
    for (let m = rx.exec(sentence); m; m = rx.exec(sentence)) {
      const a = s.start + m.index;
      if (a <= c.start && a + m[0].length >= c.end) return true;
      if (a > c.start) return false;
      if (m[0].length === 0) rx.lastIndex++;
    }
    return false;
  };

  return {
    find(text: string, options: FindCompaniesOptions = {}): CompanyMatch[] {
      const lower = foldCase(text);
      const found: Candidate[] = [];
      trie.scan(lower, (p, end) => {
        const start = end - lengths[p]!;
        if (wordStart[p] && start > 0 && isWordChar(text.charCodeAt(start - 1))) return;
        if (wordEnd[p] && end < text.length && isWordChar(text.charCodeAt(end))) return;
        if (sensitive[p] && !sameText(text, start, sensitive[p]!)) return;
        found.push({ alias: p, start, end, strong: false });
      });
      if (found.length === 0) return [];

      const known = new Set(options.knownCompanyIds ?? []);
      const accepted: Candidate[] = [];
      const weak: Candidate[] = [];
      for (const c of found) {
        const entry = table.aliases[c.alias]!;
        if (entry.kind === 'ticker') {
          const before = text.slice(Math.max(0, c.start - 16), c.start);
          const m = EXCHANGE_PREFIX.exec(before);
          if (m) {
            c.start -= m[0].length;
            c.strong = true;
          } else if (tickerInPlace(text, c.start, c.end)) c.strong = true;
          // "T", "F", "ON": a short symbol names a company only where it is written as a symbol.
          else if (shortSymbol[c.alias]) continue;
        }
        if (common[c.alias] && !commonWordHolds(text, c, entry)) continue;
        if (excludedByContext(text, lower, c)) continue;
        // A product or brand that is a common word, opening a sentence ("Gemini season starts...") needs the company
        // in view: a word of business nearby, or the company named elsewhere. Names open sentences all the time.
        if (entry.ambiguous && entry.kind !== 'name' && entry.kind !== 'ticker' && isSentenceStart(text, c.start) && !BUSINESS_NEARBY.test(text.slice(Math.max(0, c.start - 80), c.end + 80))) {
          weak.push(c);
          continue;
        }
        // Shouting text ("GRAB A COFFEE") says nothing about case: such matches need the company seen elsewhere.
        if (!c.strong && (entry.kind === 'ticker' || common[c.alias]) && inAllCapsRun(text, c.start, c.end)) {
          weak.push(c);
          continue;
        }
        c.strong = c.strong || !common[c.alias];
        accepted.push(c);
      }
      for (const c of accepted) if (c.strong) known.add(table.companies[table.aliases[c.alias]!.company]!.id);
      for (const c of weak) if (known.has(table.companies[table.aliases[c.alias]!.company]!.id)) accepted.push(c);

      // Leftmost, then longest: "Alibaba Cloud" over "Alibaba", "Amazon Web Services" over "Amazon".
      accepted.sort((a, b) => a.start - b.start || b.end - a.end);
      const out: CompanyMatch[] = [];
      let last = -1;
      for (const c of accepted) {
        if (c.start < last) continue;
        const entry = table.aliases[c.alias]!;
        const company = table.companies[entry.company]!;
        out.push({
          surface: text.slice(c.start, c.end),
          start: c.start,
          end: c.end,
          companyId: company.id,
          name: company.name,
          aliasKind: entry.kind,
          alias: entry.text,
          country: company.country,
        });
        last = c.end;
      }
      return out;
    },
  };
}

/** Whether `text` holds `word` at `start`, letter for letter. */
function sameText(text: string, start: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (text.charCodeAt(start + i) !== word.charCodeAt(i)) return false;
  return true;
}

/** The context rules for a common word: written as a name, not a verb, not part of a compound word. */
function commonWordHolds(text: string, c: Candidate, entry: AliasEntry): boolean {
  const first = text.charCodeAt(c.start);
  const aliasFirst = entry.text.charCodeAt(0);
  // "an oracle of markets", "intel from analysts", "shell": the company writes its name with a capital.
  if (aliasFirst >= 65 && aliasFirst <= 90 && !(first >= 65 && first <= 90)) return false;
  const after = text.slice(c.end, c.end + 40);
  // "Meta-analysis" is not Meta; "Meta-owned" is.
  const compound = /^[-‐‑]([\p{Ll}]+)/u.exec(after);
  if (compound && !COMPANY_COMPOUNDS.test(compound[1]!) && !compound[1]!.endsWith('ed')) return false;
  if (isSentenceStart(text, c.start)) {
    const next = /^\s+([\p{L}']+)/u.exec(after);
    if (next && VERB_OBJECTS.has(next[1]!.toLowerCase())) return false;
  }
  return true;
}

/** A symbol written as one: "(MSFT)", "$MSFT", "BABA 132.45", "MSFT ▼0.4%". */
function tickerInPlace(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (before === '(' || before === '$') return true;
  return /^\)|^\s*[-+▲▼↑↓]?\s?\d/.test(text.slice(end, end + 4));
}

/** Whether the words around [start, end) are in capitals too (words of two letters or more, 30 characters each way). */
function inAllCapsRun(text: string, start: number, end: number): boolean {
  let words = 0;
  for (const [from, to] of [[Math.max(0, start - 30), start], [end, Math.min(text.length, end + 30)]] as const) {
    let run = 0;
    let lower = false;
    for (let i = from; i <= to; i++) {
      const c = i < to ? text.charCodeAt(i) : 32;
      const upper = c >= 65 && c <= 90;
      const low = (c >= 97 && c <= 122) || (c > 127 && isWordChar(c) && String.fromCharCode(c).toLowerCase() === String.fromCharCode(c) && String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c));
      if (upper || low) {
        run++;
        if (low) lower = true;
        continue;
      }
      if (run >= 2) {
        if (lower) return false;
        words++;
      }
      run = 0;
      lower = false;
    }
  }
  return words > 0;
}
