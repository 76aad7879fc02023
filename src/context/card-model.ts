/**
 * (figure, company, dataset) -> the card model: what the card shows, as plain data.
 * The card component only lays this out; every number here comes from the page or the dataset,
 * and every dataset number carries its source.
 */
import type { CompanyRecord, DataPoint, Metric, Source } from '../dataset/schema';
import { convertAmount, type FxIndex } from '../dataset/fx';
import { formatDate, formatMoney, formatPercent, formatRatio } from './format';

export interface FigureInput {
  kind: 'money' | 'percent';
  surface: string;
  amount?: number;
  currency?: string;
  value?: number;
  unit?: 'percent' | 'points';
  low?: number;
  high?: number;
  /** The text spreads the amount over this many years ("over the next three years"). */
  perYearYears?: number;
  /** The metric the attribution found: capex, investment, spend, revenue, cloud_revenue, backlog, ... */
  metric?: string | null;
  pairedAmount?: { amount: number; currency: string };
  confidence?: 'high' | 'low';
}

export interface CardInput {
  figure: FigureInput | null;
  company: CompanyRecord | null;
  /** Other companies named nearby, offered when attribution is unsure. */
  candidates: Array<{ id: string; name: string }>;
  fx: FxIndex;
  readerCurrency: string;
  locale: string;
  /** ISO date whose exchange rates convert the figure (the article's date, else today). */
  date: string;
}

export interface SourceRef {
  title: string;
  url: string;
  published: string;
  publisher?: string;
}

export interface SeriesPoint {
  period: string;
  periodEnd: string;
  value: number;
  currency: string;
  display: string;
  /** In the reader's currency at the period's rates, when that differs from `currency`. */
  converted: string | null;
  basis: string;
  source: SourceRef;
}

export interface CardSeries {
  metric: Metric;
  title: string;
  points: SeriesPoint[];
}

export interface CardCommitment {
  date: string;
  dateText: string;
  text: string;
  source: SourceRef;
}

export interface CardModel {
  kind: 'money' | 'percent' | 'company';
  /** What the card is about, as the page wrote it ("US$53bn") or the company's name. */
  heading: string;
  /** The dialog's accessible name: "US$53bn, Alibaba". */
  label: string;
  company: { id: string; name: string; tickers: string[]; description: string; website: string } | null;
  attribution: { metric: string | null; metricLabel: string | null; sure: boolean };
  candidates: Array<{ id: string; name: string }>;
  figure: {
    asWritten: string;
    /** The amount in the reader's currency: "$53B", or "≈ $52.8B" when converted, with the rate used. */
    converted: string | null;
    rateNote: string | null;
    /** The same amount as written next to it in another currency: "RMB 380 billion (US$53bn)". */
    paired: string | null;
    /** "about US$17.7B a year over 3 years". */
    perYear: string | null;
  } | null;
  /** "about 2.0x FY2025 capex, per year". */
  comparison: string | null;
  series: CardSeries | null;
  commitments: CardCommitment[];
  /** When the dataset has nothing to show: what the card can honestly say instead. */
  empty: string | null;
}

export const METRIC_LABELS: Record<Metric, string> = {
  capex: 'Capex',
  capex_incl_finance_leases: 'Capex incl. finance leases',
  revenue: 'Revenue',
  cloud_revenue: 'Cloud revenue',
  cloud_revenue_growth_pct: 'Cloud revenue growth',
  revenue_growth_pct: 'Revenue growth',
  operating_income: 'Operating income',
  rpo: 'Remaining performance obligations',
  capex_guidance: 'Capex guidance',
};

/** Attributed metric words -> the dataset series that gives them context, in order of preference. */
const SERIES_FOR_METRIC: Record<string, Metric[]> = {
  capex: ['capex', 'capex_incl_finance_leases'],
  investment: ['capex', 'capex_incl_finance_leases'],
  spend: ['capex', 'capex_incl_finance_leases'],
  revenue: ['revenue'],
  cloud_revenue: ['cloud_revenue', 'revenue'],
  backlog: ['rpo'],
  growth: ['cloud_revenue_growth_pct', 'revenue_growth_pct'],
  cloud_revenue_growth_pct: ['cloud_revenue_growth_pct'],
  revenue_growth_pct: ['revenue_growth_pct'],
};

const DEFAULT_SERIES: Metric[] = ['capex', 'capex_incl_finance_leases', 'revenue'];
const ANNUAL = /^FY\d{4}$/;

export function toSourceRef(source: Source): SourceRef {
  return { title: source.title, url: source.url, published: source.published, ...(source.publisher ? { publisher: source.publisher } : {}) };
}

/** The company's annual points of `metric`, oldest first, the last `count` of them. */
export function annualSeries(company: CompanyRecord, metric: Metric, count = 5): DataPoint[] {
  return company.facts
    .filter((f) => f.metric === metric && ANNUAL.test(f.period))
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))
    .slice(-count);
}

function pickSeries(company: CompanyRecord, attributed: string | null | undefined): Metric | null {
  const preferred = (attributed && SERIES_FOR_METRIC[attributed]) || DEFAULT_SERIES;
  for (const metric of preferred) if (annualSeries(company, metric).length > 0) return metric;
  if (attributed) for (const metric of DEFAULT_SERIES) if (annualSeries(company, metric).length > 0) return metric;
  return null;
}

function displayValue(value: number, currency: string, locale: string): string {
  return currency === 'pct' ? formatPercent(value, locale) : formatMoney(value, currency, locale);
}

export interface SeriesOptions {
  fx: FxIndex;
  readerCurrency: string;
  locale: string;
  count?: number;
}

/** A company's annual series of `metric` as the card and the popup show it. */
export function buildSeries(input: SeriesOptions, company: CompanyRecord, metric: Metric): CardSeries {
  const points = annualSeries(company, metric, input.count).map((p): SeriesPoint => {
    let converted: string | null = null;
    if (p.currency !== 'pct' && p.currency !== input.readerCurrency) {
      const c = convertAmount(input.fx, p.value, p.currency, input.readerCurrency, p.periodEnd);
      if (c) converted = formatMoney(c.value, c.currency, input.locale);
    }
    return {
      period: p.period,
      periodEnd: p.periodEnd,
      value: p.value,
      currency: p.currency,
      display: displayValue(p.value, p.currency, input.locale),
      converted,
      basis: p.basis,
      source: toSourceRef(p.source),
    };
  });
  return { metric, title: `${METRIC_LABELS[metric]}, by fiscal year`, points };
}

/** "US dollars", "Chinese yuan": the currency's name in the reader's language. */
export function currencyName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'currency' }).of(code);
    if (name) return name;
  } catch {
    // An engine without DisplayNames, or an unknown code.
  }
  return code;
}

function describeRate(input: CardInput, from: string): string | null {
  const fromQuote = input.fx.quote(from, input.date);
  const toQuote = input.fx.quote(input.readerCurrency, input.date);
  const quote = from === 'USD' ? toQuote : fromQuote;
  if (!quote || from === input.readerCurrency) return null;
  return `at the ${quote.period} average rate (${quote.source.title})`;
}

function moneyFigure(input: CardInput, figure: FigureInput, series: CardSeries | null) {
  const amount = figure.high ?? figure.amount;
  const currency = figure.currency;
  if (amount === undefined || !currency) {
    return { figure: { asWritten: figure.surface, converted: null, rateNote: null, perYear: null, paired: null }, comparison: null };
  }
  let converted: string | null = null;
  let rateNote: string | null = null;
  let readerAmount: number | null = null;
  if (currency === input.readerCurrency) {
    readerAmount = amount;
    converted = formatMoney(amount, currency, input.locale);
    rateNote = `${currencyName(currency, input.locale)}, as written`;
  } else {
    const c = convertAmount(input.fx, amount, currency, input.readerCurrency, input.date);
    if (c) {
      readerAmount = c.value;
      converted = `≈ ${formatMoney(c.value, c.currency, input.locale)}`;
      rateNote = describeRate(input, currency);
    }
  }
  const years = figure.perYearYears;
  const perYear =
    years && years > 1 && readerAmount !== null
      ? `about ${formatMoney(readerAmount / years, input.readerCurrency, input.locale)} a year over ${years} years`
      : null;

  let comparison: string | null = null;
  const latest = series?.points.at(-1);
  if (series && latest && latest.currency !== 'pct') {
    const inSeriesCurrency = convertAmount(input.fx, amount, currency, latest.currency, input.date);
    if (inSeriesCurrency && latest.value > 0) {
      const yearly = years && years > 1 ? inSeriesCurrency.value / years : inSeriesCurrency.value;
      const ratio = yearly / latest.value;
      comparison = `about ${formatRatio(ratio, input.locale)} ${latest.period} ${METRIC_LABELS[series.metric].toLowerCase()}${years && years > 1 ? ', per year' : ''}`;
    }
  }
  let paired: string | null = null;
  if (figure.pairedAmount) {
    const { amount: otherAmount, currency: otherCurrency } = figure.pairedAmount;
    paired = `The same amount as ${formatMoney(otherAmount, otherCurrency, input.locale)} (${currencyName(otherCurrency, input.locale)}) in the text`;
  }
  return { figure: { asWritten: figure.surface, converted, rateNote, perYear, paired }, comparison };
}

export function buildCardModel(input: CardInput): CardModel {
  const { figure, company } = input;
  const attributed = figure?.metric ?? null;
  const metric = company ? pickSeries(company, attributed) : null;
  const series = company && metric ? buildSeries(input, company, metric) : null;
  const commitments: CardCommitment[] = (company?.commitments ?? [])
    .slice()
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((c) => ({
      date: c.date,
      dateText: formatDate(c.date, input.locale),
      text: `${formatMoney(c.amount, c.currency, input.locale)}${c.horizonYears ? ` over ${c.horizonYears} years` : ''} for ${c.what}`,
      source: toSourceRef(c.source),
    }));

  const kind = figure ? figure.kind : 'company';
  const heading = figure ? figure.surface : (company?.name ?? 'Unknown company');
  const label = figure && company ? `${figure.surface}, ${company.name}` : heading;

  let figureView: CardModel['figure'] = null;
  let comparison: string | null = null;
  if (figure?.kind === 'money') {
    const m = moneyFigure(input, figure, series);
    figureView = m.figure;
    comparison = m.comparison;
  } else if (figure?.kind === 'percent') {
    figureView = { asWritten: figure.surface, converted: null, rateNote: null, perYear: null, paired: null };
  }

  let empty: string | null = null;
  if (!company) empty = 'Footnote could not tell which company this figure belongs to.';
  else if (!series && commitments.length === 0) empty = `The dataset has no figures for ${company.name} yet.`;

  return {
    kind,
    heading,
    label,
    company: company
      ? {
          id: company.id,
          name: company.name,
          tickers: company.tickers.map((t) => `${t.exchange}: ${t.symbol}`),
          description: company.description,
          website: company.website,
        }
      : null,
    attribution: {
      metric: attributed,
      metricLabel: metric ? METRIC_LABELS[metric] : null,
      sure: figure ? figure.confidence !== 'low' && company !== null : true,
    },
    candidates: input.candidates.filter((c) => c.id !== company?.id),
    figure: figureView,
    comparison,
    series,
    commitments,
    empty,
  };
}
