/**
 * One block of page text -> the items Footnote highlights in it: company names, and money and percent
 * figures with the company and metric each is attributed to. What the content script paints and what a
 * card is built from.
 */
import { findFigures } from '../figures';
import type { FigureMatch, MoneyContext } from '../figures/types';
import type { CompanyMatch, CompanyMatcher } from '../companies';
import { attributeFigures } from '../attribution';
import type { FigureInput } from './card-model';

export interface BlockItem {
  kind: 'company' | 'money' | 'percent';
  start: number;
  end: number;
  surface: string;
  /** The company named (a company item) or the company the figure is attributed to. */
  companyId: string | null;
  figure: FigureInput | null;
  /** Other companies named in the same block. */
  candidates: string[];
}

export interface BlockOptions {
  /** What a bare "$" means on this page (USD when absent). */
  defaultDollar?: string;
  /**
   * Companies already seen on the page: their common-word names and tickers need less support in this block.
   * Grown by `recognizeBlock` as it finds companies.
   */
  knownCompanyIds?: Set<string>;
}

/** "¥" is CNY next to a Chinese company, JPY next to a Japanese one. */
function moneyContext(companies: CompanyMatch[], options: BlockOptions): MoneyContext {
  const context: MoneyContext = {};
  if (options.defaultDollar) context.defaultDollar = options.defaultDollar;
  for (const c of companies) {
    if (c.country === 'CN') return { ...context, yen: 'CNY' };
    if (c.country === 'JP') return { ...context, yen: 'JPY' };
  }
  return context;
}

function toFigureInput(match: FigureMatch, all: FigureMatch[]): FigureInput {
  if (match.kind === 'percent') {
    return {
      kind: 'percent',
      surface: match.surface,
      value: match.value,
      unit: match.unit,
      ...(match.range ? { low: match.range.low, high: match.range.high } : {}),
    };
  }
  const paired = match.sameAmountAs !== undefined ? all[match.sameAmountAs] : undefined;
  return {
    kind: 'money',
    surface: match.surface,
    amount: match.amount,
    currency: match.currency,
    ...(match.range ? { low: match.range.low, high: match.range.high } : {}),
    ...(paired && paired.kind === 'money' ? { pairedAmount: { amount: paired.amount, currency: paired.currency } } : {}),
  };
}

export function recognizeBlock(text: string, matcher: CompanyMatcher, options: BlockOptions = {}): BlockItem[] {
  const companies = matcher.find(text, options.knownCompanyIds ? { knownCompanyIds: options.knownCompanyIds } : {});
  for (const c of companies) options.knownCompanyIds?.add(c.companyId);
  const { money, percents } = findFigures(text, moneyContext(companies, options));
  // Money first: the indexes in `sameAmountAs` and `range.other` point into the money list.
  const figures: FigureMatch[] = [...money, ...percents];
  const attributions = figures.length > 0 ? attributeFigures(text, companies, figures) : [];
  const named = [...new Set(companies.map((c) => c.companyId))];

  const items: BlockItem[] = companies.map((c) => ({
    kind: 'company',
    start: c.start,
    end: c.end,
    surface: c.surface,
    companyId: c.companyId,
    figure: null,
    candidates: named.filter((id) => id !== c.companyId),
  }));
  figures.forEach((match, index) => {
    const attribution = attributions.find((a) => a.figure === index);
    const figure = toFigureInput(match, figures);
    if (attribution) {
      figure.metric = attribution.metric;
      figure.confidence = attribution.companyId ? attribution.confidence : 'low';
      if (attribution.perYear) figure.perYearYears = attribution.perYear.years;
    }
    items.push({
      kind: match.kind,
      start: match.start,
      end: match.end,
      surface: match.surface,
      companyId: attribution?.companyId ?? null,
      figure,
      candidates: named,
    });
  });
  // Document order; where two overlap, the earlier and longer one wins.
  items.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: BlockItem[] = [];
  let lastEnd = -1;
  for (const item of items) {
    if (item.start >= lastEnd) {
      kept.push(item);
      lastEnd = item.end;
    }
  }
  return kept;
}
