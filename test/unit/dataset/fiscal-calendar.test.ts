import { describe, expect, it } from 'vitest';
import { expectedPeriodEnd, parsePeriod, yearEarlier } from '../../../src/dataset/fiscal-calendar';

const end = (period: string, fiscalYearEnd: string, fiscalYearLabel: 'end' | 'start' = 'end') => expectedPeriodEnd(period, { fiscalYearEnd, fiscalYearLabel });

describe('fiscal calendar', () => {
  it('puts fiscal years where the issue says they end', () => {
    expect(end('FY2025', '06-30')).toBe('2025-06-30'); // Microsoft
    expect(end('FY2025', '03-31')).toBe('2025-03-31'); // Alibaba
    expect(end('FY2025', '05-31')).toBe('2025-05-31'); // Oracle
    expect(end('FY2025', '01-26')).toBe('2025-01-26'); // Nvidia
    expect(end('FY2024', '03-31', 'start')).toBe('2025-03-31'); // SoftBank names a year by its start
    expect(end('FY2024', '12-31', 'start')).toBe('2024-12-31');
  });

  it('counts quarters and halves back from the year end, on month ends when the year ends on one', () => {
    expect(['Q1', 'Q2', 'Q3', 'Q4'].map((q) => end(`FY2026-${q}`, '05-31'))).toEqual(['2025-08-31', '2025-11-30', '2026-02-28', '2026-05-31']);
    expect(end('FY2028-Q3', '05-31')).toBe('2028-02-29');
    expect(end('FY2026-Q1', '03-31')).toBe('2025-06-30');
    expect(end('FY2026-Q1', '09-27')).toBe('2025-12-27'); // Apple
    expect(end('FY2025-H1', '12-31')).toBe('2025-06-30');
  });

  it('reads periods and steps back one year for year-over-year comparisons', () => {
    expect(parsePeriod('FY2025-Q3')).toEqual({ year: 2025, kind: 'quarter', index: 3 });
    expect(parsePeriod('2025')).toBeNull();
    expect(yearEarlier('FY2025-H2')).toBe('FY2024-H2');
    expect(end('FY2025', '02-30')).toBeNull();
  });
});
