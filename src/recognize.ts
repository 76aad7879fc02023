/**
 * One text in, everything Footnote recognises in it out: companies, money (with its value in US dollars) and
 * percentages, each figure tied to a company and a metric. The annotate CLI prints this; the content script runs
 * the same steps block by block.
 */
import { attributeFigures, type Attribution } from './attribution';
import type { CompanyMatch, CompanyMatcher } from './companies';
import { convertAmount, type FxIndex } from './dataset/fx';
import { findFigures, type MoneyContext, type MoneyMatch, type PercentMatch } from './figures';

export interface AnnotateOptions {
  /** FX rates for the `usd` of each amount; without them `usd` is null (except for amounts in US dollars). */
  fx?: FxIndex;
  /** ISO date whose rates convert the amounts: the article's date when known; today when absent. */
  date?: string;
  /** What "$" and "¥" mean, when the page says so; otherwise read from the text and its companies. */
  context?: MoneyContext;
  /** Companies seen elsewhere on the page. */
  knownCompanyIds?: Iterable<string>;
}

export interface AnnotatedMoney extends MoneyMatch {
  usd: number | null;
  attribution: Omit<Attribution, 'figure'>;
}

export interface AnnotatedPercent extends PercentMatch {
  attribution: Omit<Attribution, 'figure'>;
}

export interface Annotation {
  companies: CompanyMatch[];
  money: AnnotatedMoney[];
  percents: AnnotatedPercent[];
  /** The context the money was read with. */
  context: MoneyContext;
}

const STATED_DOLLAR: Record<string, string> = {
  australian: 'AUD', canadian: 'CAD', singapore: 'SGD', 'hong kong': 'HKD', 'new zealand': 'NZD', 'new taiwan': 'TWD', taiwan: 'TWD',
};
const STATEMENT = /\b(?:figures|amounts|prices|values|numbers|dollar figures)\b[^.\n]{0,40}?\bin (australian|canadian|singapore|hong kong|new zealand|new taiwan|taiwan) dollars\b/i;

/** What "¥" and a bare "$" mean here: the companies' countries and what the text says of its own figures. */
export function inferMoneyContext(text: string, companies: readonly CompanyMatch[], given: MoneyContext = {}): MoneyContext {
  const context: MoneyContext = { ...given };
  if (!context.yen) {
    let cn = 0;
    let jp = 0;
    for (const c of companies) {
      if (c.country === 'CN') cn++;
      else if (c.country === 'JP') jp++;
    }
    if (cn > jp) context.yen = 'CNY';
    else if (jp > cn) context.yen = 'JPY';
  }
  if (!context.defaultDollar && text.includes(' dollars')) {
    const m = STATEMENT.exec(text);
    if (m) context.defaultDollar = STATED_DOLLAR[m[1]!.toLowerCase()];
  }
  return context;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function annotateText(text: string, matcher: CompanyMatcher, options: AnnotateOptions = {}): Annotation {
  const companies = matcher.find(text, options.knownCompanyIds ? { knownCompanyIds: options.knownCompanyIds } : {});
  const context = inferMoneyContext(text, companies, options.context);
  const { money, percents } = findFigures(text, context);
  const attributions = attributeFigures(text, companies, [...money, ...percents]);
  const date = options.date ?? todayIso();
  const strip = (a: Attribution): Omit<Attribution, 'figure'> => {
    const { figure: _figure, ...rest } = a;
    return rest;
  };
  return {
    companies,
    money: money.map((m, i) => ({
      ...m,
      usd: toUsd(m, options.fx, date),
      attribution: strip(attributions[i]!),
    })),
    percents: percents.map((p, i) => ({ ...p, attribution: strip(attributions[money.length + i]!) })),
    context,
  };
}

/** Rates already looked up, per FX index: a page converts the same few currencies at one date again and again. */
const usdRates = new WeakMap<FxIndex, Map<string, number | null>>();

function toUsd(m: MoneyMatch, fx: FxIndex | undefined, date: string): number | null {
  if (m.currency === 'USD') return m.amount;
  if (!fx) return null;
  let rates = usdRates.get(fx);
  if (!rates) {
    rates = new Map();
    usdRates.set(fx, rates);
  }
  const key = `${m.currency} ${date}`;
  let rate = rates.get(key);
  if (rate === undefined) {
    rate = convertAmount(fx, 1, m.currency, 'USD', date)?.value ?? null;
    rates.set(key, rate);
  }
  return rate === null ? null : Number((m.amount * rate).toPrecision(12));
}
