/**
 * Currency conversion at the rate of a figure's time, from the dataset's average rates
 * (units of a currency per US dollar, by month `2025-03` or by year `2024`).
 */
import type { CompanyRecord, FxRate, Source } from './schema';

export interface FxQuote {
  /** Units of the currency per one US dollar. */
  unitsPerUsd: number;
  /** The period whose average rate was used: `2025-03` or `2024`. */
  period: string;
  source: Source;
}

export interface FxIndex {
  /** The rate for `currency` nearest to `date` (ISO date): that month's, else that year's, else the closest earlier, else the closest later one. USD is always 1. */
  quote(currency: string, date: string): FxQuote | null;
  currencies(): string[];
}

const USD_SOURCE: Source = {
  url: 'https://www.iso.org/iso-4217-currency-codes.html',
  title: 'US dollar (identity rate)',
  published: '2015-08-01',
};

export function createFxIndex(rates: readonly FxRate[]): FxIndex {
  const byCurrency = new Map<string, FxRate[]>();
  for (const rate of rates) {
    const list = byCurrency.get(rate.currency) ?? [];
    list.push(rate);
    byCurrency.set(rate.currency, list);
  }
  // Months sort after their year ("2024" < "2024-01"), which is what the fallback order wants.
  for (const list of byCurrency.values()) list.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));

  return {
    quote(currency, date) {
      if (currency === 'USD') return { unitsPerUsd: 1, period: date.slice(0, 4), source: USD_SOURCE };
      const list = byCurrency.get(currency);
      if (!list || list.length === 0) return null;
      const month = date.slice(0, 7);
      const year = date.slice(0, 4);
      const exact = list.find((r) => r.period === month) ?? list.find((r) => r.period === year);
      if (exact) return toQuote(exact);
      let before: FxRate | undefined;
      for (const r of list) if (r.period <= month) before = r;
      return toQuote(before ?? list[0]!);
    },
    currencies: () => ['USD', ...byCurrency.keys()],
  };
}

function toQuote(rate: FxRate): FxQuote {
  return { unitsPerUsd: rate.unitsPerUsd, period: rate.period, source: rate.source };
}

export interface Conversion {
  value: number;
  currency: string;
  /** The rates used (none when the currencies are the same). */
  quotes: FxQuote[];
}

/** Converts `amount` of `from` into `to` at the rates of `date`; null when a rate is missing. */
export function convertAmount(fx: FxIndex, amount: number, from: string, to: string, date: string): Conversion | null {
  if (from === to) return { value: amount, currency: to, quotes: [] };
  const a = fx.quote(from, date);
  const b = fx.quote(to, date);
  if (!a || !b) return null;
  const quotes = [a, b].filter((q) => q.source !== USD_SOURCE);
  return { value: (amount / a.unitsPerUsd) * b.unitsPerUsd, currency: to, quotes };
}

/** The exchange rates needed to show these companies' figures and these currencies in the reader's currency. */
export function ratesFor(fx: readonly FxRate[], companies: readonly CompanyRecord[], currencies: Iterable<string>, displayCurrency: string): FxRate[] {
  const wanted = new Set<string>([displayCurrency, ...currencies]);
  for (const c of companies) {
    for (const f of c.facts) if (f.currency !== 'pct') wanted.add(f.currency);
    for (const m of c.commitments) wanted.add(m.currency);
    for (const r of c.fundingRounds) wanted.add(r.currency);
  }
  return fx.filter((r) => wanted.has(r.currency));
}
