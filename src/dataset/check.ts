/**
 * The dataset's consistency rules (`npm run data -- check`), as pure functions over the parsed files.
 *
 * Schema problems come first, per file and field; the rules then run over every file that parsed:
 * duplicates (ids, aliases, tickers, points), sourcing, fiscal calendars, growth rates against the
 * revenue series they describe, and FX for every currency a figure uses. Each problem names the file
 * and the point so that a person can find it without a debugger.
 *
 * Severity: an error is something that would show a reader a wrong or unsourced figure, or break the
 * extension (a bad regular expression, a clashing alias); a warning is something a person should look
 * at but that can be right (a growth rate on a declared constant-currency basis, an FX rate from
 * another year).
 */
import { CompanyRecord, DatasetMeta, FxTable, PERCENT_METRICS, type Alias, type DataPoint, type Dataset, type FxRate, type Metric } from './schema';
import { describeIssues, type NamedInput } from './assemble';
import { foldPattern } from '../companies/matcher';
import { daysBetween, expectedPeriodEnd, parseMonthDay, parsePeriod, PERIOD_END_TOLERANCE_DAYS, yearEarlier } from './fiscal-calendar';

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** The file the problem is in: `data/companies/alibaba.json`. */
  file: string;
  /** The point or field: `facts[3] capex FY2025`, `aliases[2] "AWS"`; empty for the file as a whole. */
  where: string;
  message: string;
}

export interface CheckReport {
  errors: Problem[];
  warnings: Problem[];
}

/** How far a reported growth rate may sit from the one computed from the two periods' values (in points). */
export const GROWTH_TOLERANCE_POINTS = 1.5;

/**
 * Growth rates on these bases are not expected to match the reported series, so a mismatch is only a
 * warning when the point's `basis` says so.
 */
const DECLARED_OTHER_BASIS = /constant[- ]currency|like[- ]for[- ]like|organic|restated|pro[- ]forma|comparable basis/i;

/** Metrics that count money and cannot be negative. */
const NON_NEGATIVE: ReadonlySet<Metric> = new Set(['capex', 'capex_incl_finance_leases', 'revenue', 'cloud_revenue', 'rpo', 'capex_guidance']);

/** Forward-looking metrics: their source may come before the period ends. */
const FORWARD_LOOKING: ReadonlySet<Metric> = new Set(['capex_guidance']);

/** Growth metric -> the series it describes. */
const GROWTH_OF: ReadonlyMap<Metric, Metric> = new Map<Metric, Metric>([
  ['revenue_growth_pct', 'revenue'],
  ['cloud_revenue_growth_pct', 'cloud_revenue'],
]);

const PLACEHOLDER_URL = /(^https?:\/\/(www\.)?example\.(com|org|net)\b)|\.\.\.|\/TODO\b/i;

export function formatProblem(problem: Problem): string {
  return `${problem.file}${problem.where ? `: ${problem.where}` : ''}: ${problem.message}`;
}

/** Where a company's record lives, for messages. */
export function companyFile(id: string): string {
  return `data/companies/${id}.json`;
}

function describePoint(index: number, point: Pick<DataPoint, 'metric' | 'period'>): string {
  return `facts[${index}] ${point.metric} ${point.period}`;
}

function split(problems: Problem[]): CheckReport {
  return {
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}

/**
 * Checks the raw inputs: each file against its schema (so that one broken file does not hide the
 * others' problems), then the rules over every company record that parsed.
 */
export function checkDatasetInputs(meta: NamedInput, companies: NamedInput[], fx: NamedInput): CheckReport {
  const problems: Problem[] = [];
  const schemaProblem = (file: string, error: Parameters<typeof describeIssues>[1]) =>
    describeIssues(file, error).map((line) => {
      const rest = line.slice(file.length + 2);
      const colon = rest.indexOf(': ');
      return { severity: 'error' as const, file, where: colon > 0 ? rest.slice(0, colon) : '', message: colon > 0 ? rest.slice(colon + 2) : rest };
    });

  const parsedMeta = DatasetMeta.safeParse(meta.value);
  if (!parsedMeta.success) problems.push(...schemaProblem(meta.file, parsedMeta.error));
  const parsedFx = FxTable.safeParse(fx.value);
  if (!parsedFx.success) problems.push(...schemaProblem(fx.file, parsedFx.error));

  const records: CompanyRecord[] = [];
  const files = new Map<string, string>();
  for (const input of companies) {
    const parsed = CompanyRecord.safeParse(input.value);
    if (!parsed.success) {
      problems.push(...schemaProblem(input.file, parsed.error));
      continue;
    }
    const expectedName = `${parsed.data.id}.json`;
    if (!input.file.endsWith(`/${expectedName}`) && input.file !== expectedName) {
      problems.push({ severity: 'error', file: input.file, where: 'id', message: `id "${parsed.data.id}" does not match the file name (expected ${expectedName})` });
    }
    if (files.has(parsed.data.id)) {
      problems.push({ severity: 'error', file: input.file, where: 'id', message: `duplicate company id "${parsed.data.id}" (also in ${files.get(parsed.data.id)})` });
      continue;
    }
    files.set(parsed.data.id, input.file);
    records.push(parsed.data);
  }

  const published = parsedMeta.success ? parsedMeta.data.published : undefined;
  problems.push(...runRules(records, parsedFx.success ? parsedFx.data.rates : [], (id) => files.get(id) ?? companyFile(id), published, fx.file));
  return split(problems);
}

/** Checks an assembled dataset (for the feed builder and for tests). */
export function checkDataset(dataset: Dataset, fileOf: (companyId: string) => string = companyFile): CheckReport {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const company of dataset.companies) {
    if (seen.has(company.id)) problems.push({ severity: 'error', file: fileOf(company.id), where: 'id', message: `duplicate company id "${company.id}"` });
    seen.add(company.id);
  }
  problems.push(...runRules(dataset.companies, dataset.fx, fileOf, dataset.published, 'data/fx.json'));
  return split(problems);
}

function runRules(
  companies: readonly CompanyRecord[],
  fx: readonly FxRate[],
  fileOf: (id: string) => string,
  datasetPublished: string | undefined,
  fxFile: string,
): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(companies.map((c) => c.id));
  for (const company of companies) {
    const file = fileOf(company.id);
    problems.push(...checkCompanyShape(company, file, ids));
    problems.push(...checkAliases(company, file));
    problems.push(...checkFacts(company, file, datasetPublished));
    problems.push(...checkGrowth(company, file));
  }
  problems.push(...checkClashes(companies, fileOf));
  problems.push(...checkFx(companies, fx, fileOf, fxFile));
  return problems;
}

function checkCompanyShape(company: CompanyRecord, file: string, ids: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  if (!parseMonthDay(company.fiscalYearEnd)) {
    problems.push({ severity: 'error', file, where: 'fiscalYearEnd', message: `"${company.fiscalYearEnd}" is not a day of the year (MM-DD)` });
  }
  if (company.parentId !== undefined && !ids.has(company.parentId)) {
    problems.push({ severity: 'error', file, where: 'parentId', message: `parent "${company.parentId}" is not a company of the dataset` });
  }
  if (company.parentId === company.id) problems.push({ severity: 'error', file, where: 'parentId', message: 'a company cannot be its own parent' });
  if (company.listed && company.fundingRounds.length > 0) {
    problems.push({ severity: 'warning', file, where: 'fundingRounds', message: 'a listed company has funding rounds: is "listed" right?' });
  }
  if (!company.aliases.some((a) => a.kind === 'name')) {
    problems.push({ severity: 'error', file, where: 'aliases', message: 'no alias of kind "name": the company could never be recognised by its name' });
  }
  for (const [index, ticker] of company.tickers.entries()) {
    if (!company.aliases.some((a) => a.text.toUpperCase().includes(ticker.symbol.toUpperCase()))) {
      problems.push({ severity: 'warning', file, where: `tickers[${index}] ${ticker.symbol}`, message: 'no ticker alias mentions this symbol, so it will not be recognised in text' });
    }
  }
  return problems;
}

function checkAliases(company: CompanyRecord, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [index, alias] of company.aliases.entries()) {
    const where = `aliases[${index}] "${alias.text}"`;
    if (alias.text.trim() !== alias.text || alias.text.trim() === '') {
      problems.push({ severity: 'error', file, where, message: 'alias text has leading or trailing spaces' });
    }
    const earlier = company.aliases.findIndex((other, i) => i < index && sameSurface(other, alias));
    if (earlier >= 0) problems.push({ severity: 'warning', file, where, message: `repeats aliases[${earlier}]` });
    if (alias.kind === 'ticker' && !alias.caseSensitive) {
      problems.push({ severity: 'warning', file, where, message: 'ticker aliases should be case-sensitive ("caseSensitive": true)' });
    }
    for (const [i, pattern] of alias.excludeContexts.entries()) {
      try {
        // As the matcher runs it: on the lower-cased text, without flags.
        new RegExp(foldPattern(pattern));
      } catch (error) {
        problems.push({ severity: 'error', file, where: `${where} excludeContexts[${i}]`, message: `not a valid regular expression: ${(error as Error).message}` });
      }
    }
  }
  return problems;
}

/** Whether two aliases can match the same text: equal, or equal ignoring case when either ignores case. */
function sameSurface(a: Alias, b: Alias): boolean {
  if (a.text === b.text) return true;
  return (!a.caseSensitive || !b.caseSensitive) && a.text.toLowerCase() === b.text.toLowerCase();
}

/** Aliases and tickers that two companies both claim: the recognizer could not tell them apart. */
function checkClashes(companies: readonly CompanyRecord[], fileOf: (id: string) => string): Problem[] {
  const problems: Problem[] = [];
  const claims = new Map<string, { alias: Alias; owner: string }[]>();
  const tickerOwner = new Map<string, string>();
  for (const company of companies) {
    for (const [index, alias] of company.aliases.entries()) {
      const loose = alias.text.toLowerCase();
      const earlier = claims.get(loose) ?? [];
      const clash = earlier.find((claim) => claim.owner !== company.id && sameSurface(claim.alias, alias));
      if (clash) {
        problems.push({
          severity: 'error',
          file: fileOf(company.id),
          where: `aliases[${index}] "${alias.text}"`,
          message: `alias also belongs to "${clash.owner}" (${fileOf(clash.owner)}): keep it on one company`,
        });
        continue;
      }
      earlier.push({ alias, owner: company.id });
      claims.set(loose, earlier);
    }
    for (const [index, ticker] of company.tickers.entries()) {
      const key = `${ticker.exchange.toUpperCase()}:${ticker.symbol.toUpperCase()}`;
      const owner = tickerOwner.get(key);
      if (owner !== undefined && owner !== company.id) {
        problems.push({ severity: 'error', file: fileOf(company.id), where: `tickers[${index}] ${key}`, message: `ticker also belongs to "${owner}" (${fileOf(owner)})` });
      } else tickerOwner.set(key, company.id);
    }
  }
  return problems;
}

function checkFacts(company: CompanyRecord, file: string, datasetPublished: string | undefined): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const calendar = { fiscalYearEnd: company.fiscalYearEnd, fiscalYearLabel: company.fiscalYearLabel };
  const today = datasetPublished?.slice(0, 10);
  for (const [index, point] of company.facts.entries()) {
    const where = describePoint(index, point);
    const key = `${point.metric}|${point.period}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ severity: 'error', file, where, message: `duplicate point: facts[${earlier}] is also ${point.metric} for ${point.period}` });
    } else seen.set(key, index);

    const percent = PERCENT_METRICS.has(point.metric);
    if (percent && point.currency !== 'pct') problems.push({ severity: 'error', file, where, message: `a percentage metric needs "currency": "pct", not "${point.currency}"` });
    if (!percent && point.currency === 'pct') problems.push({ severity: 'error', file, where, message: `"pct" is only for growth rates; ${point.metric} needs an ISO 4217 currency` });
    if (NON_NEGATIVE.has(point.metric) && point.value < 0) problems.push({ severity: 'error', file, where, message: `${point.metric} cannot be negative (${point.value}); record spending as a positive amount` });
    if (percent && Math.abs(point.value) > 1000) problems.push({ severity: 'warning', file, where, message: `growth of ${point.value}% looks like a value in the wrong unit` });
    if (!percent && point.value !== 0 && Math.abs(point.value) < 1000) {
      problems.push({ severity: 'warning', file, where, message: `${point.value} ${point.currency} is tiny: values are in currency units, not millions` });
    }

    const expected = expectedPeriodEnd(point.period, calendar);
    if (expected === null) {
      problems.push({ severity: 'error', file, where, message: `cannot place period "${point.period}" on the fiscal calendar (fiscalYearEnd ${company.fiscalYearEnd})` });
    } else {
      const off = daysBetween(expected, point.periodEnd);
      if (Math.abs(off) > PERIOD_END_TOLERANCE_DAYS) {
        const parsed = parsePeriod(point.period);
        const label = company.fiscalYearLabel === 'start' ? 'starts' : 'ends';
        problems.push({
          severity: 'error',
          file,
          where,
          message:
            `periodEnd ${point.periodEnd} does not fit ${point.period}: with fiscal years ending ${company.fiscalYearEnd} ` +
            `(FY${parsed?.year ?? '?'} is the year that ${label} in ${parsed?.year ?? '?'}), it should end about ${expected}`,
        });
      }
    }

    if (PLACEHOLDER_URL.test(point.source.url)) problems.push({ severity: 'error', file, where, message: `source URL "${point.source.url}" is a placeholder` });
    if (!FORWARD_LOOKING.has(point.metric) && point.source.published < point.periodEnd) {
      problems.push({
        severity: 'error',
        file,
        where,
        message: `source published ${point.source.published}, before the period ended (${point.periodEnd}): a reported figure cannot come before its period`,
      });
    }
    if (today !== undefined && point.source.published > today) {
      problems.push({ severity: 'warning', file, where, message: `source published ${point.source.published}, after the dataset's own date ${today}` });
    }
  }
  for (const [index, commitment] of company.commitments.entries()) {
    const where = `commitments[${index}] ${commitment.date}`;
    if (PLACEHOLDER_URL.test(commitment.source.url)) problems.push({ severity: 'error', file, where, message: `source URL "${commitment.source.url}" is a placeholder` });
    if (commitment.source.published < commitment.date) {
      problems.push({ severity: 'error', file, where, message: `source published ${commitment.source.published}, before the announcement (${commitment.date})` });
    }
  }
  for (const [index, round] of company.fundingRounds.entries()) {
    const where = `fundingRounds[${index}] ${round.date}`;
    if (PLACEHOLDER_URL.test(round.source.url)) problems.push({ severity: 'error', file, where, message: `source URL "${round.source.url}" is a placeholder` });
  }
  return problems;
}

/** A reported growth rate must agree with the two values of the series it describes, where both are in. */
function checkGrowth(company: CompanyRecord, file: string): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map<string, DataPoint>();
  for (const point of company.facts) byKey.set(`${point.metric}|${point.period}`, point);
  for (const [index, point] of company.facts.entries()) {
    const series = GROWTH_OF.get(point.metric);
    if (!series) continue;
    const before = yearEarlier(point.period);
    const current = byKey.get(`${series}|${point.period}`);
    const previous = before ? byKey.get(`${series}|${before}`) : undefined;
    if (!current || !previous) continue;
    const where = describePoint(index, point);
    if (current.currency !== previous.currency) {
      problems.push({ severity: 'warning', file, where, message: `${series} for ${before} and ${point.period} are in different currencies; growth not checked` });
      continue;
    }
    if (previous.value <= 0) continue;
    const computed = (current.value / previous.value - 1) * 100;
    const gap = Math.abs(computed - point.value);
    // Values published rounded ("RMB 4.9 billion") move the computed rate by more than the tolerance alone.
    const low = ((current.value - roundingSlack(current.value)) / (previous.value + roundingSlack(previous.value)) - 1) * 100;
    const high = ((current.value + roundingSlack(current.value)) / (previous.value - roundingSlack(previous.value)) - 1) * 100;
    if (point.value >= low - GROWTH_TOLERANCE_POINTS && point.value <= high + GROWTH_TOLERANCE_POINTS) continue;
    const declared = DECLARED_OTHER_BASIS.test(point.basis);
    problems.push({
      severity: declared ? 'warning' : 'error',
      file,
      where,
      message:
        `reported growth ${point.value}% differs from ${computed.toFixed(1)}% computed from ${series} ${before} (${previous.value}) ` +
        `and ${point.period} (${current.value}) by ${gap.toFixed(1)} points (tolerance ${GROWTH_TOLERANCE_POINTS}` +
        (high - low > 0.05 ? `, beyond the ${low.toFixed(1)}–${high.toFixed(1)}% the rounded values allow)` : ')') +
        (declared ? '; the basis declares another measure, so this is a warning' : ': fix the figure, or say in basis what the growth is measured on'),
    });
  }
  return problems;
}

/**
 * Half the unit a value appears to be rounded to: 4_900_000_000 is "4.9 billion", rounded to 100 million,
 * so it stands for anything within 50 million of it. Values with three or more significant digits are
 * taken as exact enough (the tolerance covers them).
 */
export function roundingSlack(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude === 0 || !Number.isInteger(magnitude)) return 0;
  let unit = 1;
  while (magnitude % (unit * 10) === 0) unit *= 10;
  const significant = Math.floor(Math.log10(magnitude / unit)) + 1;
  return significant >= 3 ? 0 : unit / 2;
}

/** Every currency a figure uses needs at least one rate to USD; figures of a year without its own rate get a warning. */
function checkFx(companies: readonly CompanyRecord[], fx: readonly FxRate[], fileOf: (id: string) => string, fxFile: string): Problem[] {
  const problems: Problem[] = [];
  const years = new Map<string, Set<string>>();
  for (const rate of fx) {
    const set = years.get(rate.currency) ?? new Set<string>();
    set.add(rate.period.slice(0, 4));
    years.set(rate.currency, set);
  }
  const missing = new Map<string, { count: number; files: Set<string> }>();
  const offYear = new Map<string, { count: number; files: Set<string> }>();
  const note = (map: typeof missing, key: string, file: string) => {
    const entry = map.get(key) ?? { count: 0, files: new Set<string>() };
    entry.count += 1;
    entry.files.add(file);
    map.set(key, entry);
  };
  for (const company of companies) {
    const file = fileOf(company.id);
    const uses: { currency: string; date: string }[] = [
      ...company.facts.filter((f) => f.currency !== 'pct').map((f) => ({ currency: f.currency, date: f.periodEnd })),
      ...company.commitments.map((c) => ({ currency: c.currency, date: c.date })),
      ...company.fundingRounds.map((r) => ({ currency: r.currency, date: r.date })),
    ];
    for (const use of uses) {
      if (use.currency === 'USD') continue;
      const have = years.get(use.currency);
      if (!have) note(missing, use.currency, file);
      else if (!have.has(use.date.slice(0, 4))) note(offYear, `${use.currency} ${use.date.slice(0, 4)}`, file);
    }
  }
  for (const [currency, { count, files }] of [...missing].sort()) {
    problems.push({
      severity: 'error',
      file: fxFile,
      where: currency,
      message: `no FX rate for ${currency}, used by ${count} figure${count === 1 ? '' : 's'} in ${[...files].sort().join(', ')}: add its average rates to USD`,
    });
  }
  for (const [key, { count, files }] of [...offYear].sort()) {
    problems.push({
      severity: 'warning',
      file: fxFile,
      where: key,
      message: `no ${key} rate for ${count} figure${count === 1 ? '' : 's'} (${[...files].sort().join(', ')}); the nearest year's rate will be used`,
    });
  }
  return problems;
}
