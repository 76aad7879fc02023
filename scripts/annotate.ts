/**
 * Prints what Footnote recognises in text (DESIGN.md, "Stable interfaces"):
 *
 *   npm run --silent annotate -- --jsonl FILE|-     lines {"id", "text"} in, one line {"id", companies, money, percents} out
 *   npm run --silent annotate -- FILE.html           the page's visible text (scripts, styles, code, form fields skipped)
 *   npm run --silent annotate -- FILE.txt            the whole file
 *
 * Options: --date YYYY-MM-DD (the FX date; default: the page's publication date for HTML, else today),
 *          --text (also print the text the offsets point into, for .html and .txt).
 * Offsets are UTF-16 indices into the text (for HTML, into the extracted text), `end` exclusive.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Window } from 'happy-dom';
import { compileAliasTable, createCompanyMatcher, type CompanyMatcher } from '../src/companies';
import { createFxIndex, type FxIndex } from '../src/dataset/fx';
import { annotateText, todayIso, type Annotation } from '../src/recognize';
import { loadDataset } from './lib/load-dataset';

/** The stable fields first, then what else is known of each match. */
export function toOutput(a: Annotation): { companies: unknown[]; money: unknown[]; percents: unknown[] } {
  return {
    companies: a.companies.map((c) => ({
      surface: c.surface, start: c.start, end: c.end, companyId: c.companyId, name: c.name, aliasKind: c.aliasKind,
    })),
    money: a.money.map((m) => ({
      surface: m.surface, start: m.start, end: m.end, amount: m.amount, currency: m.currency, usd: m.usd,
      ...(m.currencyAssumed ? { currencyAssumed: true } : {}),
      ...(m.qualifier ? { qualifier: m.qualifier } : {}),
      ...(m.perShare ? { perShare: true } : {}),
      ...(m.range ? { range: m.range } : {}),
      ...(m.sameAmountAs !== undefined ? { sameAmountAs: m.sameAmountAs } : {}),
      attribution: m.attribution,
    })),
    percents: a.percents.map((p) => ({
      surface: p.surface, start: p.start, end: p.end, value: p.value, unit: p.unit,
      ...(p.direction ? { direction: p.direction } : {}),
      ...(p.qualifier ? { qualifier: p.qualifier } : {}),
      ...(p.range ? { range: p.range } : {}),
      attribution: p.attribution,
    })),
  };
}

/** Elements whose text a reader does not read as the article (the content script skips the same). */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'SVG', 'MATH',
  'IFRAME', 'OBJECT', 'CANVAS', 'HEAD', 'BUTTON',
]);
/** Elements that end a block of text: their text is not run together with the next block's. */
const BLOCK = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'HEADER',
  'FOOTER', 'NAV', 'ASIDE', 'MAIN', 'FIGURE', 'FIGCAPTION', 'BLOCKQUOTE', 'TABLE', 'TR', 'TD', 'TH', 'BR', 'HR',
  'FORM', 'FIELDSET', 'LEGEND', 'DETAILS', 'SUMMARY', 'ADDRESS', 'LABEL', 'BODY', 'SPAN_BLOCK',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
}

/** The visible text of a page, one line per block, whitespace collapsed; and its publication date when it says. */
export function extractHtmlText(html: string): { text: string; published: string | null } {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const parts: string[] = [];
  let line = '';
  const flush = (): void => {
    const l = line.replace(/\s+/g, ' ').trim();
    if (l) parts.push(l);
    line = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const el = node as DomNode & { getAttribute(name: string): string | null };
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return;
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '')) return;
    if ((el.getAttribute('contenteditable') ?? 'false') !== 'false') return;
    const block = BLOCK.has(name);
    if (block) flush();
    // Inline items of a strip ("BABA 132.45 ▲2.1%" spans) are separate words, not one run.
    if (!block) line += ' ';
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]!);
    if (block) flush();
    else line += ' ';
  };
  if (doc.body) walk(doc.body as unknown as DomNode);
  flush();
  const meta =
    doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const published = meta && /^\d{4}-\d{2}-\d{2}/.test(meta) ? meta.slice(0, 10) : null;
  void window.happyDOM.close();
  return { text: parts.join('\n'), published };
}

interface Setup {
  matcher: CompanyMatcher;
  fx: FxIndex;
}

async function setup(): Promise<Setup> {
  const dataset = await loadDataset();
  return { matcher: createCompanyMatcher(compileAliasTable(dataset.companies)), fx: createFxIndex(dataset.fx) };
}

async function runJsonl(file: string, s: Setup, date: string): Promise<void> {
  const input = file === '-' ? process.stdin : createReadStream(file, 'utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let record: { id?: unknown; text?: unknown };
    try {
      record = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch (error) {
      throw new Error(`line ${n}: not JSON: ${(error as Error).message}`);
    }
    if (typeof record.text !== 'string') throw new Error(`line ${n}: "text" must be a string`);
    const a = annotateText(record.text, s.matcher, { fx: s.fx, date });
    process.stdout.write(`${JSON.stringify({ id: record.id ?? null, ...toOutput(a) })}\n`);
  }
}

function usage(): never {
  process.stderr.write('usage: annotate --jsonl FILE|-  |  annotate FILE.html  |  annotate FILE.txt  [--date YYYY-MM-DD] [--text]\n');
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let jsonl: string | null = null;
  let file: string | null = null;
  let date: string | null = null;
  let withText = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--jsonl') jsonl = argv[++i] ?? usage();
    else if (a === '--date') date = argv[++i] ?? usage();
    else if (a === '--text') withText = true;
    else if (a === '--help' || a === '-h') usage();
    else if (!file && !a.startsWith('--')) file = a;
    else usage();
  }
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) usage();
  if (!jsonl && !file) usage();
  const s = await setup();
  if (jsonl) return runJsonl(jsonl, s, date ?? todayIso());
  const raw = await readFile(file!, 'utf8');
  const isHtml = /\.x?html?$/i.test(file!);
  const { text, published } = isHtml ? extractHtmlText(raw) : { text: raw, published: null };
  const a = annotateText(text, s.matcher, { fx: s.fx, date: date ?? published ?? todayIso() });
  const out = { id: path.basename(file!), ...toOutput(a), ...(withText ? { text } : {}) };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`annotate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
