import { describe, expect, it } from 'vitest';
import { findCompany, latestFact, listFacts, seriesFor } from '../../../src/dataset/queries';
import { CompanyRecord, type DataPoint } from '../../../src/dataset/schema';
import { datasetOf, microsoftLike, SOURCE } from './fixtures';

function capex(period: string, periodEnd: string, value: number, published = '2026-01-30'): DataPoint {
  return { metric: 'capex', period, periodEnd, value, currency: 'USD', basis: 'additions to property and equipment', source: { ...SOURCE, published } };
}

// Written out of order on purpose: queries sort by period end, not by file order.
const company = CompanyRecord.parse(
  microsoftLike({
    facts: [
      capex('FY2025', '2025-06-30', 64_551_000_000, '2025-07-30'),
      capex('FY2026-Q1', '2025-09-30', 19_394_000_000, '2025-10-29'),
      capex('FY2023', '2023-06-30', 28_107_000_000, '2023-07-27'),
      capex('FY2025-Q4', '2025-06-30', 17_079_000_000, '2025-07-30'),
      capex('FY2024', '2024-06-30', 44_477_000_000, '2024-07-30'),
    ],
  }),
);

describe('dataset queries', () => {
  it('seriesFor gives fiscal years oldest first by default', () => {
    expect(seriesFor(company, 'capex').map((p) => p.period)).toEqual(['FY2023', 'FY2024', 'FY2025']);
  });

  it('seriesFor gives quarters on request, and nothing for a metric without points', () => {
    expect(seriesFor(company, 'capex', { granularity: 'quarterly' }).map((p) => p.period)).toEqual(['FY2025-Q4', 'FY2026-Q1']);
    expect(seriesFor(company, 'rpo')).toEqual([]);
  });

  it('latestFact is the point whose period ends last, the year winning over its own last quarter', () => {
    expect(latestFact(company, 'capex')?.period).toBe('FY2026-Q1');
    expect(latestFact(company, 'capex', { granularity: 'annual' })?.period).toBe('FY2025');
    const withoutQ1 = { ...company, facts: company.facts.filter((p) => p.period !== 'FY2026-Q1') };
    expect(latestFact(withoutQ1, 'capex')?.period).toBe('FY2025');
    expect(latestFact(company, 'rpo')).toBeUndefined();
  });

  it('findCompany finds by id and returns undefined for an unknown id', () => {
    const dataset = datasetOf(microsoftLike(), microsoftLike({ id: 'fabrikam', name: 'Fabrikam', aliases: [{ text: 'Fabrikam', kind: 'name' }], tickers: [] }));
    expect(findCompany(dataset, 'fabrikam')?.name).toBe('Fabrikam');
    expect(findCompany(dataset, 'nobody')).toBeUndefined();
  });

  it('listFacts writes the DESIGN.md fields, per company then metric then period', () => {
    const dataset = datasetOf(microsoftLike());
    const lines = listFacts(dataset);
    expect(lines.map((l) => `${l.metric} ${l.period}`)).toEqual(['capex FY2025', 'revenue FY2024', 'revenue FY2025', 'revenue_growth_pct FY2025']);
    expect(Object.keys(lines[0]!)).toEqual(['companyId', 'company', 'metric', 'period', 'periodEnd', 'value', 'currency', 'basis', 'source']);
    expect(lines[0]).toMatchObject({ companyId: 'contoso', company: 'Contoso', periodEnd: '2025-06-30', value: 64_551_000_000, currency: 'USD' });
    expect(lines[0]!.source.url).toBe(SOURCE.url);
  });
});
