/** Small, valid dataset pieces that each test bends into the one mistake it is about. */
import type { CompanyRecordInput, Dataset } from '../../../src/dataset/schema';
import { CompanyRecord } from '../../../src/dataset/schema';

export const SOURCE = {
  url: 'https://news.microsoft.com/2025/07/30/microsoft-fy25-fourth-quarter-earnings/',
  title: 'Microsoft Cloud and AI strength drives fourth quarter results',
  publisher: 'Microsoft',
  published: '2025-07-30',
};

/** A Microsoft-like company: fiscal years end 30 June. */
export function microsoftLike(overrides: Partial<CompanyRecordInput> = {}): CompanyRecordInput {
  return {
    id: 'contoso',
    name: 'Contoso',
    legalName: 'Contoso Corporation',
    listed: true,
    aliases: [
      { text: 'Contoso', kind: 'name' },
      { text: 'CTSO', kind: 'ticker', caseSensitive: true },
    ],
    tickers: [{ symbol: 'CTSO', exchange: 'NASDAQ' }],
    country: 'US',
    fiscalYearEnd: '06-30',
    description: 'A software company used in tests.',
    website: 'https://contoso.example.org',
    facts: [
      { metric: 'revenue', period: 'FY2024', periodEnd: '2024-06-30', value: 245_122_000_000, currency: 'USD', basis: 'total revenue', source: { ...SOURCE, published: '2024-07-30' } },
      { metric: 'revenue', period: 'FY2025', periodEnd: '2025-06-30', value: 281_724_000_000, currency: 'USD', basis: 'total revenue', source: SOURCE },
      { metric: 'revenue_growth_pct', period: 'FY2025', periodEnd: '2025-06-30', value: 15, currency: 'pct', basis: 'total revenue growth, year over year', source: SOURCE },
      { metric: 'capex', period: 'FY2025', periodEnd: '2025-06-30', value: 64_551_000_000, currency: 'USD', basis: 'additions to property and equipment', source: SOURCE },
    ],
    ...overrides,
  };
}

export function datasetOf(...companies: CompanyRecordInput[]): Dataset {
  return {
    version: '2026.11.26',
    published: '2026-11-26T00:00:00Z',
    companies: companies.map((c) => CompanyRecord.parse(c)),
    fx: [],
  };
}
