/**
 * Queries over the dataset that cards, the popup and the CLIs share: a company by id, a metric's series
 * in period order, the latest figure, and the flat list of facts (`npm run data -- facts`).
 */
import type { CompanyRecord, DataPoint, Dataset, Metric, Source } from './schema';
import { parsePeriod, type PeriodKind } from './fiscal-calendar';

export type Granularity = 'annual' | 'quarterly' | 'half-yearly' | 'all';

export interface SeriesOptions {
  /** Which periods to keep: fiscal years (the default), quarters, halves, or every period. */
  granularity?: Granularity;
}

const KIND_OF: Record<Exclude<Granularity, 'all'>, PeriodKind> = { annual: 'year', quarterly: 'quarter', 'half-yearly': 'half' };

export function findCompany(dataset: Pick<Dataset, 'companies'>, id: string): CompanyRecord | undefined {
  return dataset.companies.find((company) => company.id === id);
}

function matchesGranularity(point: DataPoint, granularity: Granularity): boolean {
  if (granularity === 'all') return true;
  return parsePeriod(point.period)?.kind === KIND_OF[granularity];
}

/** Annual periods sort after a quarter that ends on the same day, so that the year is the "latest" of the two. */
function periodOrder(a: DataPoint, b: DataPoint): number {
  if (a.periodEnd !== b.periodEnd) return a.periodEnd < b.periodEnd ? -1 : 1;
  const rank = (p: DataPoint) => ({ quarter: 0, half: 1, year: 2 })[parsePeriod(p.period)?.kind ?? 'quarter'];
  const byKind = rank(a) - rank(b);
  if (byKind !== 0) return byKind;
  return a.source.published < b.source.published ? -1 : a.source.published > b.source.published ? 1 : 0;
}

/** The company's points for `metric`, oldest period first. */
export function seriesFor(company: CompanyRecord, metric: Metric, options: SeriesOptions = {}): DataPoint[] {
  const granularity = options.granularity ?? 'annual';
  return company.facts.filter((p) => p.metric === metric && matchesGranularity(p, granularity)).sort(periodOrder);
}

/**
 * The point for `metric` whose period ends last (any granularity unless one is asked for); on the same
 * end date a fiscal year wins over its last quarter.
 */
export function latestFact(company: CompanyRecord, metric: Metric, options: SeriesOptions = {}): DataPoint | undefined {
  const series = seriesFor(company, metric, { granularity: options.granularity ?? 'all' });
  return series[series.length - 1];
}

/** One line of `npm run data -- facts` (DESIGN.md, "Stable interfaces"). */
export interface FactLine {
  companyId: string;
  company: string;
  metric: Metric;
  period: string;
  periodEnd: string;
  value: number;
  currency: string;
  basis: string;
  source: Source;
}

/** Every data point of the dataset, by company id, then metric, then period end. */
export function listFacts(dataset: Pick<Dataset, 'companies'>): FactLine[] {
  const companies = [...dataset.companies].sort((a, b) => a.id.localeCompare(b.id));
  const lines: FactLine[] = [];
  for (const company of companies) {
    const points = [...company.facts].sort((a, b) => (a.metric === b.metric ? periodOrder(a, b) : a.metric.localeCompare(b.metric)));
    for (const p of points) {
      lines.push({
        companyId: company.id,
        company: company.name,
        metric: p.metric,
        period: p.period,
        periodEnd: p.periodEnd,
        value: p.value,
        currency: p.currency,
        basis: p.basis,
        source: p.source,
      });
    }
  }
  return lines;
}
