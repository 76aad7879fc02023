/** A company's summary for the popup: key figures, series with their sources, commitments, funding. */
import type { CompanyRecord, Metric } from '../dataset/schema';
import type { FxIndex } from '../dataset/fx';
import {
  annualSeries,
  buildQuarterlySeries,
  buildSeries,
  commitmentsOf,
  keyFactsOf,
  METRIC_LABELS,
  roundsOf,
  type CardCommitment,
  type CardSeries,
  type KeyFact,
} from './card-model';
import { formatMoney, formatPercent } from './format';

export interface CompanySummary {
  id: string;
  name: string;
  legalName: string;
  tickers: string[];
  description: string;
  website: string;
  /** One line of key figures: "Capex FY2025: CN¥76.7B (+54%)". */
  keyLine: string | null;
  series: CardSeries[];
  commitments: CardCommitment[];
  fundingRounds: CardCommitment[];
  keyFacts: KeyFact[];
  /** Growth by quarter (the last eight), where the company reports it. */
  quarterly: CardSeries[];
}

const SUMMARY_METRICS: Metric[] = ['capex', 'capex_incl_finance_leases', 'revenue', 'cloud_revenue', 'cloud_revenue_growth_pct', 'operating_income', 'rpo'];

/** "+54%": the change between the last two annual points, when both exist and are positive. */
export function latestGrowth(company: CompanyRecord, metric: Metric): number | null {
  const series = annualSeries(company, metric, 2);
  if (series.length < 2) return null;
  const [prev, last] = series as [(typeof series)[0], (typeof series)[0]];
  if (prev.currency !== last.currency || prev.basis !== last.basis || prev.value <= 0) return null;
  return ((last.value - prev.value) / prev.value) * 100;
}

export function keyFigureLine(company: CompanyRecord, locale = 'en'): string | null {
  for (const metric of ['capex', 'capex_incl_finance_leases', 'cloud_revenue', 'revenue'] as Metric[]) {
    const last = annualSeries(company, metric, 1)[0];
    if (!last) continue;
    const growth = latestGrowth(company, metric);
    const growthText = growth === null ? '' : ` (${growth >= 0 ? '+' : ''}${formatPercent(Math.round(growth), locale)} on the year before)`;
    return `${METRIC_LABELS[metric]} ${last.period}: ${formatMoney(last.value, last.currency, locale)}${growthText}`;
  }
  return null;
}

export function buildCompanySummary(company: CompanyRecord, options: { fx: FxIndex; readerCurrency: string; locale: string }): CompanySummary {
  const series = SUMMARY_METRICS.map((m) => buildSeries({ ...options, count: 6 }, company, m)).filter((s) => s.points.length > 0);
  return {
    id: company.id,
    name: company.name,
    legalName: company.legalName,
    tickers: company.tickers.map((t) => `${t.exchange}: ${t.symbol}`),
    description: company.description,
    website: company.website,
    keyLine: keyFigureLine(company, options.locale),
    series,
    commitments: commitmentsOf(company, options.locale),
    fundingRounds: roundsOf(company, options.locale),
    keyFacts: keyFactsOf(company, options.locale),
    quarterly: (['cloud_revenue_growth_pct', 'revenue_growth_pct'] as Metric[])
      .map((m) => buildQuarterlySeries({ ...options, count: 8 }, company, m))
      .filter((q) => q.points.length >= 2),
  };
}
