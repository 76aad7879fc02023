import { describe, expect, it } from 'vitest';
import { coverageTable, describeYears } from '../../../src/dataset/coverage';
import { datasetOf, microsoftLike, SOURCE } from './fixtures';

describe('coverage table', () => {
  it('writes runs of fiscal years compactly', () => {
    expect(describeYears([2023, 2020, 2021, 2022, 2025])).toBe('FY2020–FY2023, FY2025');
    expect(describeYears([2024])).toBe('FY2024');
  });

  it('has a row per company with its years and quarters per metric', () => {
    const company = microsoftLike();
    company.facts = [
      ...company.facts!,
      { metric: 'cloud_revenue', period: 'FY2026-Q1', periodEnd: '2025-09-30', value: 30_900_000_000, currency: 'USD', basis: 'Intelligent Cloud segment', source: { ...SOURCE, published: '2025-10-29' } },
    ];
    const table = coverageTable(datasetOf(company)).split('\n');
    expect(table[0]).toBe('| Company | FY ends | Capex | Revenue | Cloud revenue | Cloud growth | Capex guidance | Other | Commitments | Points |');
    expect(table[2]).toBe('| Contoso (`contoso`) | 06-30 | FY2025 | FY2024–FY2025 | 1 qtr | — | — | — | — | 5 |');
    expect(table.at(-1)).toBe('1 company, 5 data points.');
  });
});
