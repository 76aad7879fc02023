/**
 * Recognition speed on news text in Node: 0.25, 0.5, 1 and 2 MB of paragraphs (30% of sentences with figures, from
 * the labelled corpus; the rest prose), recognised block by block as the content script does (companies, money,
 * percents, attribution, FX), with the dataset's real alias table; and a 2 MB worst case where every sentence has
 * figures, and the sample article's own text repeated to 2 MB (an ordinary page's density). Prints a table and checks
 * that time grows linearly with the text.
 *
 *   npx tsx scripts/bench-recognition.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileAliasTable, createCompanyMatcher, type CompanyMatcher } from '../src/companies';
import { createFxIndex, type FxIndex } from '../src/dataset/fx';
import { annotateText } from '../src/recognize';
import { extractHtmlText } from './annotate';
import { loadDataset, ROOT } from './lib/load-dataset';

export interface Row {
  name: string;
  /** Size of the text in MB (UTF-16 code units / 2^20, as the page holds it). */
  mb: number;
  blocks: number;
  /** Wall-clock time (median of three runs). */
  ms: number;
  /** Least CPU time of this process over the three runs: steadier than wall time on a shared machine. */
  cpuMs: number;
  mbPerSecond: number;
  companies: number;
  figures: number;
  /** CPU time per MB relative to the smallest size: near 1 when growth is linear. */
  perMbRatio: number;
}

const SIZES_MB = [0.25, 0.5, 1, 2];

/**
 * A deterministic news-like text of about `mb` MB, in blocks (paragraphs) of 3-6 sentences: a share `dense` of them
 * carry figures (from the labelled corpus), the rest is prose of the sample article and the corpus's hard negatives.
 */
export function newsText(mb: number, withFigures: readonly string[], prose: readonly string[], dense = 0.3): string[] {
  let seed = 0x9e3779b9;
  const rand = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const target = Math.round(mb * 2 ** 20);
  const blocks: string[] = [];
  let size = 0;
  while (size < target) {
    const n = 3 + Math.floor(rand() * 4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const pool = rand() < dense ? withFigures : prose;
      parts.push(pool[Math.floor(rand() * pool.length)]!);
    }
    const block = parts.join(' ');
    blocks.push(block);
    size += block.length + 1;
  }
  return blocks;
}

interface Sentences {
  withFigures: string[];
  prose: string[];
}

function benchSentences(): Sentences {
  const file = path.join(ROOT, 'test/fixtures/corpus/news-sentences.jsonl');
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; money: unknown[]; percents: unknown[] });
  const withFigures = rows.filter((r) => r.money.length + r.percents.length > 0).map((r) => r.text);
  const article = extractHtmlText(readFileSync(path.join(ROOT, '../shared/fixtures/pages/alibaba-bets-53bn.html'), 'utf8')).text;
  const prose = [
    ...rows.filter((r) => r.money.length + r.percents.length === 0).map((r) => r.text),
    ...article.split(/(?<=[.!?])\s+|\n/).filter((s) => s.length > 40 && !/\d/.test(s)),
  ];
  return { withFigures, prose };
}

function run(blocks: readonly string[], matcher: CompanyMatcher, fx: FxIndex): { ms: number; cpuMs: number; companies: number; figures: number } {
  let companies = 0;
  let figures = 0;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (const block of blocks) {
    const a = annotateText(block, matcher, { fx, date: '2025-06-30' });
    companies += a.companies.length;
    figures += a.money.length + a.percents.length;
  }
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, companies, figures };
}

export async function benchRecognition(): Promise<Row[]> {
  const dataset = await loadDataset();
  const matcher = createCompanyMatcher(compileAliasTable(dataset.companies));
  const fx = createFxIndex(dataset.fx);
  const { withFigures, prose } = benchSentences();
  // Warm the JIT on a separate text so the first measured size is not the one that pays for compilation.
  for (let k = 0; k < 2; k++) run(newsText(0.25, withFigures, prose), matcher, fx);
  const rows: Row[] = [];
  const measure = (name: string, mb: number, dense: number): Row => {
    const blocks = newsText(mb, withFigures, prose, dense);
    const chars = blocks.reduce((n, b) => n + b.length + 1, 0);
    const runs = [run(blocks, matcher, fx), run(blocks, matcher, fx), run(blocks, matcher, fx)].sort((a, b) => a.ms - b.ms);
    const last = runs[1]!;
    const ms = last.ms;
    // The least CPU time of the runs: what the work costs when nothing else competes for the machine.
    const bestCpu = Math.min(...runs.map((r) => r.cpuMs));
    const size = chars / 2 ** 20;
    return {
      name,
      mb: Number(size.toFixed(3)),
      blocks: blocks.length,
      ms: Number(ms.toFixed(1)),
      cpuMs: Number(bestCpu.toFixed(1)),
      mbPerSecond: Number((size / (ms / 1000)).toFixed(2)),
      companies: last.companies,
      figures: last.figures,
      perMbRatio: 0,
    };
  };
  for (const mb of SIZES_MB) rows.push(measure(`recognition ${mb} MB`, mb, 0.3));
  const base = rows[0]!.cpuMs / rows[0]!.mb;
  for (const r of rows) r.perMbRatio = Number((r.cpuMs / r.mb / base).toFixed(2));
  // An ordinary article's density: the sample article's own blocks, repeated to 2 MB.
  const articleBlocks = extractHtmlText(readFileSync(path.join(ROOT, '../shared/fixtures/pages/alibaba-bets-53bn.html'), 'utf8')).text.split('\n');
  const page: string[] = [];
  for (let size = 0; size < 2 * 2 ** 20; ) for (const b of articleBlocks) {
    page.push(b);
    size += b.length + 1;
  }
  const pageRuns = [run(page, matcher, fx), run(page, matcher, fx), run(page, matcher, fx)].sort((a, b) => a.ms - b.ms);
  const pageCpu = Math.min(...pageRuns.map((r) => r.cpuMs));
  const pageSize = page.reduce((n, b) => n + b.length + 1, 0) / 2 ** 20;
  rows.push({
    name: 'recognition 2 MB, the sample article repeated',
    mb: Number(pageSize.toFixed(3)),
    blocks: page.length,
    ms: Number(pageRuns[1]!.ms.toFixed(1)),
    cpuMs: Number(pageCpu.toFixed(1)),
    mbPerSecond: Number((pageSize / (pageRuns[1]!.ms / 1000)).toFixed(2)),
    companies: pageRuns[1]!.companies,
    figures: pageRuns[1]!.figures,
    perMbRatio: Number((pageCpu / pageSize / base).toFixed(2)),
  });
  // The worst case: every sentence carries figures (about ten times an ordinary article's density).
  const dense = measure('recognition 2 MB, every sentence with figures', 2, 1);
  dense.perMbRatio = Number((dense.cpuMs / dense.mb / base).toFixed(2));
  rows.push(dense);
  return rows;
}

/** Linear when time per MB stays within 1.5x of the smallest size's, for the texts of the same mix. */
export function isLinear(rows: readonly Row[]): boolean {
  return rows.filter((r) => /^recognition [\d.]+ MB$/.test(r.name)).every((r) => r.perMbRatio <= 1.5);
}

export function formatRows(rows: readonly Row[]): string {
  const head = `${'text'.padEnd(10)}${'blocks'.padStart(8)}${'ms'.padStart(9)}${'cpu ms'.padStart(9)}${'MB/s'.padStart(8)}${'companies'.padStart(11)}${'figures'.padStart(9)}${'cpu/MB vs 0.25'.padStart(15)}`;
  const lines = rows.map(
    (r) =>
      `${(r.name.includes('every sentence') ? `${r.mb.toFixed(2)} dense` : r.name.includes('article') ? `${r.mb.toFixed(2)} page` : `${r.mb.toFixed(2)} MB`).padEnd(10)}${String(r.blocks).padStart(8)}${r.ms.toFixed(1).padStart(9)}${r.cpuMs.toFixed(1).padStart(9)}${r.mbPerSecond.toFixed(2).padStart(8)}${String(r.companies).padStart(11)}${String(r.figures).padStart(9)}${r.perMbRatio.toFixed(2).padStart(15)}`,
  );
  return [head, ...lines].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  benchRecognition()
    .then((rows) => {
      process.stdout.write(`Recognition (companies, money, percents, attribution, FX), block by block, Node ${process.version}\n`);
      process.stdout.write(`${formatRows(rows)}\n`);
      process.stdout.write(`linear growth: ${isLinear(rows) ? 'yes' : 'NO'} (CPU time per MB within 1.5x of the 0.25 MB run)\n`);
      const two = rows.find((r) => r.name === 'recognition 2 MB')!;
      process.stdout.write(`2 MB budget (500 ms for all main-thread work): recognition takes ${two.ms.toFixed(0)} ms\n`);
      if (!isLinear(rows)) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      process.stderr.write(`bench-recognition: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
