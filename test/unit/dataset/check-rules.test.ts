import { describe, expect, it } from 'vitest';
import { checkDataset, checkDatasetInputs, formatProblem, roundingSlack, type CheckReport } from '../../../src/dataset/check';
import type { CompanyRecordInput, DataPoint, FxRate } from '../../../src/dataset/schema';
import { datasetOf, microsoftLike, SOURCE } from './fixtures';

const lines = (problems: CheckReport['errors']) => problems.map(formatProblem);

function withFacts(facts: DataPoint[], overrides: Partial<CompanyRecordInput> = {}): CompanyRecordInput {
  return microsoftLike({ facts, ...overrides });
}

function point(overrides: Partial<DataPoint>): DataPoint {
  return { metric: 'capex', period: 'FY2025', periodEnd: '2025-06-30', value: 64_551_000_000, currency: 'USD', basis: 'additions to property and equipment', source: SOURCE, ...overrides };
}

describe('data check rules', () => {
  it('passes a consistent company', () => {
    const report = checkDataset(datasetOf(microsoftLike()));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  it('refuses two companies with one id, and a file whose name is not its id', () => {
    const meta = { file: 'data/meta.json', value: { version: '2026.11.26', published: '2026-11-26T00:00:00Z' } };
    const fx = { file: 'data/fx.json', value: { rates: [] } };
    const report = checkDatasetInputs(meta, [
      { file: 'data/companies/contoso.json', value: microsoftLike() },
      { file: 'data/companies/contoso-2.json', value: microsoftLike() },
    ], fx);
    expect(lines(report.errors)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/contoso-2\.json: id: id "contoso" does not match the file name/),
        expect.stringMatching(/contoso-2\.json: id: duplicate company id "contoso" \(also in data\/companies\/contoso\.json\)/),
      ]),
    );
  });

  it('refuses an alias that two companies claim, naming both files', () => {
    const other = microsoftLike({ id: 'fabrikam', name: 'Fabrikam', aliases: [{ text: 'Fabrikam', kind: 'name' }, { text: 'contoso', kind: 'brand' }], tickers: [] });
    const errors = lines(checkDataset(datasetOf(microsoftLike(), other)).errors);
    expect(errors).toContainEqual(expect.stringMatching(/fabrikam\.json: aliases\[1\] "contoso": alias also belongs to "contoso" \(data\/companies\/contoso\.json\)/));
  });

  it('lets two companies share a spelling only when both match case and the cases differ', () => {
    const a = microsoftLike({ aliases: [{ text: 'Contoso', kind: 'name' }, { text: 'ARM', kind: 'ticker', caseSensitive: true }], tickers: [] });
    const b = microsoftLike({ id: 'arm-co', name: 'Arm', aliases: [{ text: 'Arm', kind: 'name', caseSensitive: true }], tickers: [] });
    expect(checkDataset(datasetOf(a, b)).errors).toEqual([]);
  });

  it('refuses an exclusion context that is not a regular expression', () => {
    const company = microsoftLike({ aliases: [{ text: 'Contoso', kind: 'name', excludeContexts: ['contoso (pie'] }] });
    expect(lines(checkDataset(datasetOf(company)).errors)).toContainEqual(
      expect.stringMatching(/aliases\[0\] "Contoso" excludeContexts\[0\]: not a valid regular expression/),
    );
  });

  it('refuses two points for the same metric and period', () => {
    const company = withFacts([point({}), point({ value: 1_000_000_000 })]);
    expect(lines(checkDataset(datasetOf(company)).errors)).toEqual([
      'data/companies/contoso.json: facts[1] capex FY2025: duplicate point: facts[0] is also capex for FY2025',
    ]);
  });

  it('refuses a placeholder source and a figure sourced before its period ended', () => {
    const company = withFacts([
      point({ source: { ...SOURCE, url: 'https://example.com/report' } }),
      point({ period: 'FY2024', periodEnd: '2024-06-30', source: { ...SOURCE, published: '2024-05-01' } }),
    ]);
    const errors = lines(checkDataset(datasetOf(company)).errors);
    expect(errors).toContainEqual(expect.stringMatching(/facts\[0\] capex FY2025: source URL "https:\/\/example.com\/report" is a placeholder/));
    expect(errors).toContainEqual(expect.stringMatching(/facts\[1\] capex FY2024: source published 2024-05-01, before the period ended \(2024-06-30\)/));
  });

  it('allows guidance to be published before its period ends', () => {
    const company = withFacts([point({ metric: 'capex_guidance', period: 'FY2026', periodEnd: '2026-06-30', source: { ...SOURCE, published: '2025-07-30' } })]);
    expect(checkDataset(datasetOf(company)).errors).toEqual([]);
  });

  it('refuses a fiscal year whose end does not fit the company calendar', () => {
    // Microsoft's FY2025 ends 30 June 2025, not 31 December.
    const company = withFacts([point({ periodEnd: '2025-12-31', source: { ...SOURCE, published: '2026-01-28' } })]);
    expect(lines(checkDataset(datasetOf(company)).errors)).toEqual([
      expect.stringMatching(/facts\[0\] capex FY2025: periodEnd 2025-12-31 does not fit FY2025: .* should end about 2025-06-30/),
    ]);
  });

  it('places quarters on the right quarter ends (Oracle: year ends 31 May)', () => {
    const oracle = { fiscalYearEnd: '05-31' };
    const good = withFacts([point({ period: 'FY2026-Q1', periodEnd: '2025-08-31', source: { ...SOURCE, published: '2025-09-09' } }), point({ period: 'FY2026-Q3', periodEnd: '2026-02-28', source: { ...SOURCE, published: '2026-03-10' } })], oracle);
    expect(checkDataset(datasetOf(good)).errors).toEqual([]);
    const bad = withFacts([point({ period: 'FY2026-Q1', periodEnd: '2025-09-30', source: { ...SOURCE, published: '2025-10-09' } })], oracle);
    expect(lines(checkDataset(datasetOf(bad)).errors)).toEqual([expect.stringMatching(/FY2026-Q1: periodEnd 2025-09-30 does not fit FY2026-Q1: .* about 2025-08-31/)]);
  });

  it('accepts 52/53-week year ends a few days off the usual date (Apple)', () => {
    const apple = { fiscalYearEnd: '09-27' };
    const company = withFacts([point({ period: 'FY2023', periodEnd: '2023-09-30' }), point({ period: 'FY2022', periodEnd: '2022-09-24' })], apple);
    expect(checkDataset(datasetOf(company)).errors).toEqual([]);
  });

  it('reads FY labels by the year a fiscal year starts when the company says so (SoftBank)', () => {
    const softbank = { fiscalYearEnd: '03-31', fiscalYearLabel: 'start' as const };
    expect(checkDataset(datasetOf(withFacts([point({ period: 'FY2024', periodEnd: '2025-03-31' })], softbank))).errors).toEqual([]);
    expect(lines(checkDataset(datasetOf(withFacts([point({ period: 'FY2024', periodEnd: '2024-03-31' })], softbank))).errors)).toEqual([
      expect.stringMatching(/FY2024 is the year that starts in 2024.*about 2025-03-31/),
    ]);
  });

  it('refuses a reported growth rate that its revenue series contradicts', () => {
    const company = microsoftLike();
    company.facts = company.facts!.map((f) => (f.metric === 'revenue_growth_pct' ? { ...f, value: 25 } : f));
    expect(lines(checkDataset(datasetOf(company)).errors)).toEqual([
      expect.stringMatching(/facts\[2\] revenue_growth_pct FY2025: reported growth 25% differs from 14\.9% computed from revenue FY2024 .* by 10\.1 points/),
    ]);
  });

  it('only warns when the growth rate declares another basis (constant currency)', () => {
    const company = microsoftLike();
    company.facts = company.facts!.map((f) => (f.metric === 'revenue_growth_pct' ? { ...f, value: 18, basis: 'revenue growth in constant currency' } : f));
    const report = checkDataset(datasetOf(company));
    expect(report.errors).toEqual([]);
    expect(lines(report.warnings)).toEqual([expect.stringMatching(/reported growth 18% differs .*this is a warning/)]);
  });

  it('allows for values published rounded ("4.9 billion")', () => {
    expect(roundingSlack(4_900_000_000)).toBe(50_000_000);
    expect(roundingSlack(245_122_000_000)).toBe(0);
    const company = withFacts([
      point({ metric: 'cloud_revenue', period: 'FY2024', periodEnd: '2024-06-30', value: 4_900_000_000, source: { ...SOURCE, published: '2024-07-30' } }),
      point({ metric: 'cloud_revenue', period: 'FY2025', periodEnd: '2025-06-30', value: 6_200_000_000 }),
      point({ metric: 'cloud_revenue_growth_pct', period: 'FY2025', periodEnd: '2025-06-30', value: 29, currency: 'pct' }),
    ]);
    expect(checkDataset(datasetOf(company)).errors).toEqual([]);
  });

  it('refuses a growth rate not in pct and a negative capex', () => {
    const company = withFacts([point({ value: -5 }), point({ metric: 'revenue_growth_pct', value: 12, currency: 'USD' })]);
    const errors = lines(checkDataset(datasetOf(company)).errors);
    expect(errors).toContainEqual(expect.stringMatching(/capex FY2025: capex cannot be negative/));
    expect(errors).toContainEqual(expect.stringMatching(/revenue_growth_pct FY2025: a percentage metric needs "currency": "pct"/));
  });

  it('refuses a figure in a currency without any FX rate, naming the currency and the files', () => {
    const company = withFacts([point({ currency: 'CNY' })]);
    expect(lines(checkDataset(datasetOf(company)).errors)).toEqual([
      'data/fx.json: CNY: no FX rate for CNY, used by 1 figure in data/companies/contoso.json: add its average rates to USD',
    ]);
  });

  it('warns when a currency has rates but none for the figure\u2019s year', () => {
    const rate: FxRate = { currency: 'CNY', period: '2023', unitsPerUsd: 7.08, source: { ...SOURCE, published: '2024-01-02' } };
    const dataset = { ...datasetOf(withFacts([point({ currency: 'CNY' })])), fx: [rate] };
    const report = checkDataset(dataset);
    expect(report.errors).toEqual([]);
    expect(lines(report.warnings)).toEqual([expect.stringMatching(/data\/fx\.json: CNY 2025: no CNY 2025 rate for 1 figure/)]);
  });

  it('refuses a parent that is not in the dataset', () => {
    expect(lines(checkDataset(datasetOf(microsoftLike({ parentId: 'nobody' }))).errors)).toEqual([
      'data/companies/contoso.json: parentId: parent "nobody" is not a company of the dataset',
    ]);
  });
});
