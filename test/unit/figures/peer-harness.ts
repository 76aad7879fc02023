/**
 * Runs the peer suites (Duckling's English money corpus and negatives, Recognizers-Text's English currency and
 * percent specs) against findMoney / findPercents, read in place from ../shared/peer-tests. Cases held out of scope
 * are listed with their reasons in test/fixtures/corpus/peer-out-of-scope.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findMoney, findPercents, type MoneyMatch } from '../../../src/figures';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PEER = path.resolve(ROOT, '../shared/peer-tests');

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

interface OutOfScope {
  duckling: { input: string; reason: string }[];
  recognizersCurrency: { index: number; reason: string }[];
  recognizersPercent: { index: number; reason: string }[];
}

export const outOfScope = readJson<OutOfScope>(path.join(ROOT, 'test/fixtures/corpus/peer-out-of-scope.json'));

export interface SuiteResult {
  name: string;
  total: number;
  inScope: number;
  passed: number;
  failures: string[];
}

const DOLLARS = new Set(['USD', 'AUD', 'CAD', 'HKD', 'SGD', 'NZD', 'TWD', 'MXN', 'BRL']);

function currencyOk(expected: string, m: MoneyMatch): boolean {
  if (expected === 'unknown' || expected === 'cent') return true;
  // Duckling's generic names ("riyal"): any reading will do, as long as it is marked as a guess.
  if (/^[a-z]+$/.test(expected)) return m.currencyAssumed === true;
  if (expected === '$') return DOLLARS.has(m.currency);
  if (expected === '£') return m.currency === 'GBP';
  return m.currency === expected;
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 1e-9);
}

/** Duckling writes cents as their own unit; Footnote writes them as hundredths of the currency. */
function ducklingAmount(value: number, currency: string): number {
  return currency === 'cent' ? value / 100 : value;
}

interface DucklingGroup {
  expected: {
    type: 'value' | 'interval';
    value?: number;
    currency?: string;
    from?: { value: number; currency: string };
    to?: { value: number; currency: string };
  };
  inputs: string[];
}

function ducklingCase(g: DucklingGroup, input: string): boolean {
  const found = findMoney(input);
  const e = g.expected;
  if (e.type === 'value') {
    if (found.length !== 1) return false;
    const m = found[0]!;
    return close(m.amount, ducklingAmount(e.value!, e.currency!)) && currencyOk(e.currency!, m);
  }
  if (e.from && e.to) {
    if (found.length !== 2) return false;
    const [lo, hi] = found as [MoneyMatch, MoneyMatch];
    return (
      !!lo.range && close(lo.range.low, e.from.value) && close(lo.range.high, e.to.value) &&
      currencyOk(e.from.currency, lo) && currencyOk(e.to.currency, hi)
    );
  }
  if (found.length !== 1) return false;
  const m = found[0]!;
  if (e.to) return close(m.amount, e.to.value) && currencyOk(e.to.currency, m) && m.qualifierBound === 'upper';
  return close(m.amount, e.from!.value) && currencyOk(e.from!.currency, m) && m.qualifierBound === 'lower';
}

export function runDuckling(): SuiteResult {
  const groups = readJson<DucklingGroup[]>(path.join(PEER, 'duckling_money_en.json'));
  const held = new Set(outOfScope.duckling.map((o) => o.input));
  const r: SuiteResult = { name: "Duckling EN money (Corpus.hs)", total: 0, inScope: 0, passed: 0, failures: [] };
  for (const g of groups) {
    for (const input of g.inputs) {
      r.total++;
      if (held.has(input)) continue;
      r.inScope++;
      if (ducklingCase(g, input)) r.passed++;
      else r.failures.push(`${JSON.stringify(input)} -> ${JSON.stringify(findMoney(input).map((m) => [m.surface, m.amount, m.currency, m.qualifierBound]))}`);
    }
  }
  return r;
}

export function runDucklingNegative(): SuiteResult {
  const neg = readJson<{ negative: Record<string, string[]> }>(path.join(PEER, 'duckling_money_en_negative.json'));
  const r: SuiteResult = { name: 'Duckling EN negatives', total: 0, inScope: 0, passed: 0, failures: [] };
  for (const [locale, inputs] of Object.entries(neg.negative)) {
    for (const input of inputs) {
      r.total++;
      r.inScope++;
      const found = findMoney(input);
      if (found.length === 0) r.passed++;
      else r.failures.push(`${locale} ${JSON.stringify(input)} -> ${JSON.stringify(found.map((m) => m.surface))}`);
    }
  }
  return r;
}

interface RecognizersCase {
  input: string;
  results: { text: string; value: number | null; unit?: string; isoCurrency?: string; start: number; end: number }[];
}

const HUNDREDTHS = new Set(['Cent', 'Pence', 'Penny']);

function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

type Found = { surface: string; start: number; end: number; amount?: number; value?: number; currency?: string };

function recognizersCase(c: RecognizersCase, found: Found[], money: boolean): boolean {
  const expected = c.results.filter((res) => res.value !== null);
  const used = new Set<Found>();
  for (const res of expected) {
    const m = found.find((f) => f.start === res.start && f.end === res.end + 1 && norm(f.surface) === norm(res.text));
    if (!m) return false;
    used.add(m);
    if (money) {
      const want = HUNDREDTHS.has(res.unit ?? '') ? res.value! / 100 : res.value!;
      if (!close(m.amount!, want)) return false;
      if (res.isoCurrency && m.currency !== res.isoCurrency) return false;
      if (!res.isoCurrency && res.unit === 'Dollar' && !DOLLARS.has(m.currency!)) return false;
      if (!res.isoCurrency && (res.unit === 'Pound' || res.unit === 'Pence' || res.unit === 'Penny') && m.currency !== 'GBP') return false;
    } else if (!close(m.value!, res.value!)) return false;
  }
  // Everything found must be something the suite expects (null-valued results are bare currency words, not figures).
  return found.every((f) => used.has(f));
}

function runRecognizers(file: string, name: string, held: { index: number }[], money: boolean): SuiteResult {
  const cases = readJson<RecognizersCase[]>(path.join(PEER, file));
  const skip = new Set(held.map((h) => h.index));
  const r: SuiteResult = { name, total: cases.length, inScope: 0, passed: 0, failures: [] };
  cases.forEach((c, i) => {
    if (skip.has(i)) return;
    r.inScope++;
    const found: Found[] = money ? findMoney(c.input) : findPercents(c.input);
    if (recognizersCase(c, found, money)) r.passed++;
    else
      r.failures.push(
        `#${i} ${JSON.stringify(c.input)} expected ${JSON.stringify(c.results.map((x) => [x.text, x.value, x.isoCurrency ?? x.unit]))} got ${JSON.stringify(found.map((f) => [f.surface, f.amount ?? f.value, f.currency]))}`,
      );
  });
  return r;
}

export function runRecognizersCurrency(): SuiteResult {
  return runRecognizers('recognizers_currency_en.json', 'Recognizers-Text EN currency', outOfScope.recognizersCurrency, true);
}

export function runRecognizersPercent(): SuiteResult {
  return runRecognizers('recognizers_percent_en.json', 'Recognizers-Text EN percent', outOfScope.recognizersPercent, false);
}

export function formatResult(r: SuiteResult): string {
  const rate = r.inScope ? ((100 * r.passed) / r.inScope).toFixed(1) : 'n/a';
  return `${r.name}: ${r.passed}/${r.inScope} in scope pass (${rate}%), ${r.total - r.inScope} of ${r.total} held out of scope`;
}
