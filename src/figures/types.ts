/** What the figure recognisers return. Offsets are UTF-16 indices into the text they were given, `end` exclusive. */

/** How a qualifier bounds the figure: "about" (approx), "more than" (lower), "up to" (upper). */
export type QualifierBound = 'approx' | 'lower' | 'upper';

export interface MoneyMatch {
  kind: 'money';
  /** The figure as written, without its qualifier: "US$53bn", "RMB 380 billion", "$75bn". */
  surface: string;
  start: number;
  end: number;
  /** In the currency's units: "US$53bn" -> 53000000000. */
  amount: number;
  /** ISO 4217. */
  currency: string;
  /** The currency was guessed: a bare "$", "¥" or "dollars" read through `MoneyContext`. */
  currencyAssumed?: boolean;
  /** "about", "more than", "up to"...: as written, lower-cased. */
  qualifier?: string;
  qualifierBound?: QualifierBound;
  /** Where the qualifier starts, when there is one (the surface does not include it). */
  qualifierStart?: number;
  /** "$1.40 a share", "470 pence per share". */
  perShare?: boolean;
  /** Both ends of a range are figures of their own; each knows the range and the index of the other end. */
  range?: { low: number; high: number; role: 'low' | 'high'; other: number };
  /** Index (in the returned array) of a figure known to be the same amount: "RMB 380 billion (US$53bn)". */
  sameAmountAs?: number;
}

export interface MoneyContext {
  /** What a bare "$" or "dollars" means on this page: ISO code, "USD" when absent. */
  defaultDollar?: string;
  /** What "¥" means: CNY for a Chinese company, JPY for a Japanese one; JPY (assumed) when absent. */
  yen?: 'CNY' | 'JPY';
}

export interface PercentMatch {
  kind: 'percent';
  surface: string;
  start: number;
  end: number;
  /** The number without the sign of percent: "-3%" -> -3, "12.5 per cent" -> 12.5. */
  value: number;
  /** "percentage points" and "pp" are kept apart from percentages. */
  unit: 'percent' | 'points';
  /** "up 7%", "▲2.1%", "down 3%", "▼0.4%": the direction written next to the figure. */
  direction?: 'up' | 'down';
  qualifier?: string;
  qualifierBound?: QualifierBound;
  qualifierStart?: number;
  /** Both ends of "10-12%" or "between 10% and 12%" are figures of their own. */
  range?: { low: number; high: number; role: 'low' | 'high'; other: number };
}

export type FigureMatch = MoneyMatch | PercentMatch;
