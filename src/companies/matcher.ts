/**
 * Finds companies in text: every alias in one Aho–Corasick pass over the case-folded text, whole words only, then
 * the context rules for names that are also common words ("Grab a coffee", "apple pie", "Meta-analysis").
 */
import { buildAutomaton } from './aho-corasick';
import { COMMON_SENSES } from './common-senses';
import { foldText, isWordChar } from './fold';
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

const BUSINESS_NEARBY =
  /\b(?:models?|AI|apps?|chips?|GPUs?|platform|chatbot|assistant|cloud|software|launch(?:ed|es)?|releas(?:ed|es)|unveil(?:ed|s)|announc(?:ed|es)|said|says|Inc|Corp|Ltd|plc|shares|stock|CEO|revenue|earnings|users|customers|subscribers|investors?|valuation|funding|start-?up)\b/;

const EXCHANGE_PREFIX = /(?:NASDAQ|Nasdaq|NYSE|NYSEARCA|NYSE American|AMEX|HKEX|SEHK|HKG|TSE|TYO|KRX|KOSDAQ|LSE|LON|SSE|SZSE|TWSE|SGX|NSE|BSE|ASX|TSX|XETRA|ETR|FRA|EPA|AMS|SWX|OTC|OTCMKTS)\s*:\s*$/;

function compileExcludes(entry: AliasEntry): RegExp[] {
  const sources = [...(entry.exclude ?? []), ...(COMMON_SENSES[entry.text.toLowerCase()] ?? [])];
  const out: RegExp[] = [];
  for (const s of sources) {
    try {
      out.push(new RegExp(s, 'giu'));
    } catch {
      // A bad pattern in a data file must not stop recognition; `npm run data -- check` reports it.
    }
  }
  return out;
}

function isCommonWord(entry: AliasEntry): boolean {
  if (entry.ambiguous) return true;
  if (COMMON_SENSES[entry.text.toLowerCase()]) return true;
  return !!entry.caseSensitive && entry.kind !== 'ticker' && /^[A-Z][a-z]+$/.test(entry.text);
}

export function createCompanyMatcher(table: AliasTable): CompanyMatcher {
  const folded = table.aliases.map((a) => foldText(a.text));
  const automaton = buildAutomaton(folded);
  const excludes: (RegExp[] | undefined)[] = [];
  const common = table.aliases.map(isCommonWord);

  const excludedByContext = (text: string, c: Candidate): boolean => {
    const entry = table.aliases[c.alias]!;
    let rx = excludes[c.alias];
    if (!rx) {
      rx = compileExcludes(entry);
      excludes[c.alias] = rx;
    }
    if (rx.length === 0) return false;
    const s = sentenceAround(text, c.start);
    const sentence = text.slice(s.start, s.end);
    for (const r of rx) {
      r.lastIndex = 0;
      for (let m = r.exec(sentence); m; m = r.exec(sentence)) {
        const a = s.start + m.index;
        if (a <= c.start && a + m[0].length >= c.end) return true;
        if (m[0].length === 0) r.lastIndex++;
      }
    }
    return false;
  };

  return {
    find(text: string, options: FindCompaniesOptions = {}): CompanyMatch[] {
      const lower = foldText(text);
      const found: Candidate[] = [];
      automaton.scan(lower, (p, end) => {
        const entry = table.aliases[p]!;
        const start = end - folded[p]!.length;
        if (isWordChar(folded[p]!.charCodeAt(0)) && start > 0 && isWordChar(text.charCodeAt(start - 1))) return;
        if (isWordChar(folded[p]!.charCodeAt(folded[p]!.length - 1)) && end < text.length && isWordChar(text.charCodeAt(end))) return;
        if (entry.caseSensitive && text.slice(start, end) !== entry.text) return;
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
          else if (entry.text.replace(/\W/g, '').length <= 2) continue;
        }
        if (common[c.alias] && !commonWordHolds(text, c, entry)) continue;
        if (excludedByContext(text, c)) continue;
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

/** Whether the words around [start, end) are in capitals too. */
function inAllCapsRun(text: string, start: number, end: number): boolean {
  const around = `${text.slice(Math.max(0, start - 30), start)} ${text.slice(end, end + 30)}`;
  const words = around.match(/\p{L}{2,}/gu);
  if (!words) return false;
  return words.every((w) => w === w.toUpperCase());
}
