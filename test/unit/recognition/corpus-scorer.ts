/**
 * Scores recognition against the labelled corpus in test/fixtures/corpus/news-sentences.jsonl: precision and recall
 * per kind (companies, money, percents, attribution). Run on its own to print the table:
 *   npx tsx test/unit/recognition/corpus-scorer.ts [--errors]
 * Labels name figures by their surface ("US$53bn"; "$72bn#2" for the second occurrence); companies resolve against
 * the fixture table test/fixtures/corpus/companies.json, not the live dataset.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileAliasTable, createCompanyMatcher, type AliasSource } from '../../../src/companies';
import { annotateText } from '../../../src/recognize';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CORPUS = path.join(ROOT, 'test/fixtures/corpus');

export interface LabelledSentence {
  id: string;
  text: string;
  companies: [string, string][];
  money: [string, number, string][];
  percents: ([string, number] | [string, number, 'points'])[];
  attribution: [string, string | null, string | null][];
}

/** The corpus the rules were developed on, or the held-out one written after they were frozen. */
export function readCorpus(file: 'news-sentences.jsonl' | 'news-sentences-heldout.jsonl' = 'news-sentences.jsonl'): LabelledSentence[] {
  return readFileSync(path.join(CORPUS, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledSentence);
}

export function readFixtureCompanies(): AliasSource[] {
  return (JSON.parse(readFileSync(path.join(CORPUS, 'companies.json'), 'utf8')) as { companies: AliasSource[] }).companies;
}

/** Where a labelled surface is: "$72bn#2" is the second "$72bn". */
export function locate(text: string, label: string): { start: number; end: number } {
  const m = /^(.*)#(\d+)$/.exec(label);
  const surface = m ? m[1]! : label;
  const nth = m ? Number(m[2]) : 1;
  // Whole words only: "1.7 billion euros" is not the tail of "11.7 billion euros".
  const word = /[\p{L}\p{N}]/u;
  const touches = (at: number): boolean =>
    (at > 0 && word.test(surface[0]!) && /[\p{L}\p{N}.]/u.test(text[at - 1]!)) ||
    (word.test(surface[surface.length - 1]!) && word.test(text[at + surface.length] ?? ' '));
  let at = -1;
  for (let k = 0; k < nth; k++) {
    do at = text.indexOf(surface, at + 1);
    while (at >= 0 && touches(at));
    if (at < 0) throw new Error(`label ${JSON.stringify(label)} not found in ${JSON.stringify(text)}`);
  }
  return { start: at, end: at + surface.length };
}

export interface KindScore {
  kind: string;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  errors: string[];
}

const KINDS = ['companies', 'money', 'percents', 'attribution'] as const;

function amountKey(v: number): string {
  return Number(v.toPrecision(10)).toString();
}

export function scoreCorpus(sentences = readCorpus(), companies = readFixtureCompanies()): KindScore[] {
  const matcher = createCompanyMatcher(compileAliasTable(companies));
  const errors = new Map<string, string[]>(KINDS.map((k) => [k, []]));
  const totalGold = { companies: 0, money: 0, percents: 0, attribution: 0 };
  const totalPred = { ...totalGold };
  const totalOk = { ...totalGold };
  for (const s of sentences) {
    const a = annotateText(s.text, matcher, { date: '2025-06-30' });
    const gold: Record<(typeof KINDS)[number], Set<string>> = {
      companies: new Set(s.companies.map(([surface, id]) => { const p = locate(s.text, surface); return `${p.start}:${p.end}:${id}`; })),
      money: new Set(s.money.map(([surface, amount, cur]) => { const p = locate(s.text, surface); return `${p.start}:${p.end}:${amountKey(amount)}:${cur}`; })),
      percents: new Set(s.percents.map(([surface, value, unit]) => { const p = locate(s.text, surface); return `${p.start}:${p.end}:${value}:${unit ?? 'percent'}`; })),
      attribution: new Set(
        s.attribution
          .filter(([, c, m]) => c !== null || m !== null)
          .map(([surface, c, m]) => { const p = locate(s.text, surface); return `${p.start}:${p.end}:${c}:${m}`; }),
      ),
    };
    const predicted: Record<(typeof KINDS)[number], Set<string>> = {
      companies: new Set(a.companies.map((c) => `${c.start}:${c.end}:${c.companyId}`)),
      money: new Set(a.money.map((m) => `${m.start}:${m.end}:${amountKey(m.amount)}:${m.currency}`)),
      percents: new Set(a.percents.map((p) => `${p.start}:${p.end}:${p.value}:${p.unit}`)),
      attribution: new Set(
        [...a.money, ...a.percents]
          .filter((f) => f.attribution.companyId !== null || f.attribution.metric !== null)
          .map((f) => `${f.start}:${f.end}:${f.attribution.companyId}:${f.attribution.metric}`),
      ),
    };
    for (const k of KINDS) {
      const g = gold[k];
      const p = predicted[k];
      let ok = 0;
      for (const x of p) if (g.has(x)) ok++;
      totalGold[k] += g.size;
      totalPred[k] += p.size;
      totalOk[k] += ok;
      const missed = [...g].filter((x) => !p.has(x));
      const extra = [...p].filter((x) => !g.has(x));
      const show = (key: string): string => {
        const [st, en, ...rest] = key.split(':');
        return `${JSON.stringify(s.text.slice(Number(st), Number(en)))} ${rest.join(' ')}`;
      };
      if (missed.length || extra.length)
        errors.get(k)!.push(`${s.id} ${JSON.stringify(s.text)}\n    missed: ${missed.map(show).join('; ')}\n    extra:  ${extra.map(show).join('; ')}`);
    }
  }
  return KINDS.map((k) => ({
    kind: k,
    gold: totalGold[k],
    predicted: totalPred[k],
    correct: totalOk[k],
    precision: totalPred[k] ? totalOk[k] / totalPred[k] : 1,
    recall: totalGold[k] ? totalOk[k] / totalGold[k] : 1,
    errors: errors.get(k)!,
  }));
}

export function formatScores(scores: KindScore[]): string {
  const rows = scores.map(
    (s) => `${s.kind.padEnd(12)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(9)} ${String(s.correct).padStart(7)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(6)}`,
  );
  return [`${'kind'.padEnd(12)} ${'gold'.padStart(5)} ${'predicted'.padStart(9)} ${'correct'.padStart(7)} ${'precision'.padStart(9)} ${'recall'.padStart(6)}`, ...rows].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  for (const file of ['news-sentences.jsonl', 'news-sentences-heldout.jsonl'] as const) {
    const sentences = readCorpus(file);
    const scores = scoreCorpus(sentences);
    process.stdout.write(`${file}: ${sentences.length} sentences\n${formatScores(scores)}\n`);
    if (process.argv.includes('--errors')) for (const s of scores) for (const e of s.errors) process.stdout.write(`[${s.kind}] ${e}\n`);
  }
}
