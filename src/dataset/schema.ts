/**
 * The dataset model (DESIGN.md, "The dataset model"), as zod schemas.
 *
 * One file per company in data/companies/<id>.json is a `CompanyRecord`; data/fx.json is an `FxTable`;
 * data/meta.json is the dataset's `DatasetMeta`. The build joins them into one `Dataset` snapshot.
 * Every figure carries a `Source`: a figure nobody could source does not ship.
 */
import { z } from 'zod';

/** ISO date, YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'not a real calendar date',
  });

/** ISO 4217 code, upper case. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as USD');

export const Source = z
  .object({
    url: z.url({ protocol: /^https?$/ }),
    title: z.string().min(3),
    /** Who published it: the company, a regulator, a news organisation. */
    publisher: z.string().min(2).optional(),
    /** When the source was published (ISO date). */
    published: IsoDate,
  })
  .strict();
export type Source = z.infer<typeof Source>;

export const METRICS = [
  'capex',
  'capex_incl_finance_leases',
  'revenue',
  'cloud_revenue',
  'cloud_revenue_growth_pct',
  'revenue_growth_pct',
  'operating_income',
  'rpo',
  'capex_guidance',
] as const;
export const Metric = z.enum(METRICS);
export type Metric = z.infer<typeof Metric>;

/** Metrics whose value is a percentage (currency `pct`). */
export const PERCENT_METRICS: ReadonlySet<Metric> = new Set(['cloud_revenue_growth_pct', 'revenue_growth_pct']);

/** `FY2025` (a fiscal year), `FY2025-Q2` (a fiscal quarter) or `FY2025-H1` (a fiscal half), in the company's own terms. */
export const Period = z.string().regex(/^FY\d{4}(-(Q[1-4]|H[12]))?$/, 'expected a period such as FY2025, FY2025-Q2 or FY2025-H1');

export const DataPoint = z
  .object({
    metric: Metric,
    period: Period,
    /** ISO date of the period's last day. */
    periodEnd: IsoDate,
    value: z.number().finite(),
    /** ISO 4217, or `pct` for percentages. */
    currency: z.union([CurrencyCode, z.literal('pct')]),
    /** What exactly is counted: "purchases of property and equipment, excluding finance leases". */
    basis: z.string().min(3),
    source: Source,
  })
  .strict();
export type DataPoint = z.infer<typeof DataPoint>;

/** An announced plan: "invest RMB 380 billion over the next three years". */
export const Commitment = z
  .object({
    /** When it was announced. */
    date: IsoDate,
    amount: z.number().positive(),
    currency: CurrencyCode,
    /** Over how many years the amount is to be spent, when the announcement says. */
    horizonYears: z.number().positive().optional(),
    /** What the money is for, in a short phrase. */
    what: z.string().min(3),
    source: Source,
  })
  .strict();
export type Commitment = z.infer<typeof Commitment>;

/** A reported funding round or valuation of a private company. */
export const FundingRound = z
  .object({
    date: IsoDate,
    /** Amount raised, when reported. */
    amount: z.number().positive().optional(),
    currency: CurrencyCode,
    /** Post-money valuation, when reported. */
    valuation: z.number().positive().optional(),
    /** "Series F led by ...", "tender offer", "secondary sale". */
    what: z.string().min(3),
    source: Source,
  })
  .strict()
  .refine((r) => r.amount !== undefined || r.valuation !== undefined, { message: 'a funding round needs an amount or a valuation' });
export type FundingRound = z.infer<typeof FundingRound>;

export const ALIAS_KINDS = ['name', 'brand', 'subsidiary', 'product', 'ticker'] as const;
export const Alias = z
  .object({
    text: z.string().min(1),
    kind: z.enum(ALIAS_KINDS),
    /** Whether letter case must match exactly ("Grab" the company, not "grab" the verb). */
    caseSensitive: z.boolean().default(false),
    /**
     * Contexts that rule an occurrence out: JavaScript regular expressions (case-insensitive) tested against
     * the sentence around the occurrence; when a match covers the occurrence, it is not the company
     * ("apple pie", "grab a coffee", "amazon rainforest", "meta-analysis").
     */
    excludeContexts: z.array(z.string().min(1)).default([]),
    /**
     * A common word that is the company only with supporting context (capitalised mid-sentence, a company
     * word nearby, another alias of the same company in the text).
     */
    ambiguous: z.boolean().default(false),
  })
  .strict();
export type Alias = z.infer<typeof Alias>;

export const Ticker = z
  .object({
    symbol: z.string().min(1),
    /** Exchange short name: NYSE, NASDAQ, HKEX, TSE, KRX, LSE, ... */
    exchange: z.string().min(2),
  })
  .strict();
export type Ticker = z.infer<typeof Ticker>;

export const CompanyRecord = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case slug'),
    name: z.string().min(1),
    legalName: z.string().min(1),
    aliases: z.array(Alias),
    tickers: z.array(Ticker).default([]),
    /** ISO 3166-1 alpha-2. */
    country: z.string().regex(/^[A-Z]{2}$/),
    /** Month-day of the fiscal year's end, "12-31", "03-31"; "01-last-sunday" style rules are written as the usual date. */
    fiscalYearEnd: z.string().regex(/^\d{2}-\d{2}$/),
    /** How the company labels its fiscal years: by the calendar year in which the fiscal year ends (the default) or starts. */
    fiscalYearLabel: z.enum(['end', 'start']).default('end'),
    description: z.string().min(10),
    website: z.url({ protocol: /^https?$/ }),
    parentId: z.string().optional(),
    listed: z.boolean(),
    facts: z.array(DataPoint).default([]),
    commitments: z.array(Commitment).default([]),
    fundingRounds: z.array(FundingRound).default([]),
  })
  .strict();
export type CompanyRecord = z.infer<typeof CompanyRecord>;
export type CompanyRecordInput = z.input<typeof CompanyRecord>;

/** Average exchange rate: units of `currency` per one US dollar over `period` (a year `2024` or a month `2025-03`). */
export const FxRate = z
  .object({
    currency: CurrencyCode,
    period: z.string().regex(/^\d{4}(-\d{2})?$/, 'expected a year 2024 or a month 2024-03'),
    unitsPerUsd: z.number().positive(),
    source: Source,
  })
  .strict();
export type FxRate = z.infer<typeof FxRate>;

export const FxTable = z.object({ rates: z.array(FxRate) }).strict();
export type FxTable = z.infer<typeof FxTable>;

/** `2026.11.26` or `2026.11.26.2`: dataset versions compare component by component. */
export const DatasetVersion = z.string().regex(/^\d+\.\d+\.\d+(\.\d+)?$/, 'expected a version such as 2026.11.26');

export const DatasetMeta = z
  .object({
    version: DatasetVersion,
    /** When this version of the dataset was put together (ISO date-time). */
    published: z.iso.datetime(),
  })
  .strict();
export type DatasetMeta = z.infer<typeof DatasetMeta>;

export const Dataset = z
  .object({
    version: DatasetVersion,
    published: z.iso.datetime(),
    companies: z.array(CompanyRecord),
    fx: z.array(FxRate),
  })
  .strict();
export type Dataset = z.infer<typeof Dataset>;

/** Compares dataset versions component by component: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
