import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatPercent, formatRatio } from '../../../src/context/format';

describe('formatting in the reader’s locale', () => {
  it('writes money compactly with three significant digits', () => {
    expect(formatMoney(53e9, 'USD', 'en')).toBe('$53B');
    expect(formatMoney(17_666_666_666, 'USD', 'en')).toBe('$17.7B');
    expect(formatMoney(380e9, 'CNY', 'en')).toBe('CN¥380B');
    expect(formatMoney(129.3, 'HKD', 'en')).toBe('HK$129.30');
  });

  it('follows the locale: German writes the currency after the number', () => {
    expect(formatMoney(5e9, 'EUR', 'de')).toBe('5\u00a0Mrd.\u00a0€');
  });

  it('falls back to the number and the code for a currency the engine does not know', () => {
    expect(formatMoney(1e9, 'XYZ', 'en')).toMatch(/XYZ/);
  });

  it('writes percentages and percentage points apart', () => {
    expect(formatPercent(11, 'en')).toBe('11%');
    expect(formatPercent(-3.25, 'en')).toBe('-3.3%');
    expect(formatPercent(1.5, 'en', 'points')).toBe('1.5 pp');
  });

  it('writes ratios with two significant digits', () => {
    expect(formatRatio(2.0417, 'en')).toBe('2.0x');
    expect(formatRatio(0.456, 'en')).toBe('0.46x');
  });

  it('writes dates in the locale, and leaves an unreadable date as it was', () => {
    expect(formatDate('2025-02-24', 'en-GB')).toBe('24 Feb 2025');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});
