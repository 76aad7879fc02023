import { describe, expect, it } from 'vitest';
import { findPercents } from '../../../src/figures';

function percents(text: string): [string, number, string][] {
  return findPercents(text).map((p) => [p.surface, p.value, p.unit]);
}

describe('findPercents', () => {
  it.each([
    ['revenue grew 11% year-over-year', '11%', 11],
    ['margin was 45 per cent', '45 per cent', 45],
    ['revenue rose 11 percent', '11 percent', 11],
    ['up 12.5% from a year earlier', '12.5%', 12.5],
    ['a change of -3% year over year', '-3%', -3],
    ['revenue fell (−0.4%) in the quarter', '−0.4%', -0.4],
    ['twenty percent of users', 'twenty percent', 20],
    ['just need minus five percent', 'minus five percent', -5],
    ['net interest income sank 27 % in the quarter', '27 %', 27],
    ['growth of 100 percentage', '100 percentage', 100],
  ])('%s -> %s', (text, surface, value) => {
    expect(percents(text)).toEqual([[surface, value, 'percent']]);
  });

  it('keeps the direction written next to the figure', () => {
    const [up] = findPercents('Shares of Nvidia were up 7% in premarket trading.');
    expect([up!.surface, up!.value, up!.direction]).toEqual(['7%', 7, 'up']);
    const ticker = findPercents('BABA 132.45 ▲2.1% 9988.HK HK$129.30 MSFT 408.21 ▼0.4%');
    expect(ticker.map((p) => [p.surface, p.value, p.direction])).toEqual([['2.1%', 2.1, 'up'], ['0.4%', 0.4, 'down']]);
    // "up to" is a qualifier, not a direction.
    const [upTo] = findPercents('cut prices by up to 97%');
    expect([upTo!.direction, upTo!.qualifierBound]).toEqual([undefined, 'upper']);
  });

  it('keeps percentage points apart from percentages', () => {
    expect(percents('margin fell 3.2 percentage points to 15.4%')).toEqual([
      ['3.2 percentage points', 3.2, 'points'],
      ['15.4%', 15.4, 'percent'],
    ]);
    expect(percents('margin improved 1.5pp to 40%')).toEqual([['1.5pp', 1.5, 'points'], ['40%', 40, 'percent']]);
  });

  it('does not read basis points, "triple-digit" or numbers without a percent sign as percentages', () => {
    expect(percents('The Fed cut rates by 25 basis points and the yield fell 12 bps.')).toEqual([]);
    expect(percents('revenue grew in the triple-digit range')).toEqual([]);
    expect(percents('The index rose 0.75 points to 4,512.')).toEqual([]);
  });

  it('reads "plus or minus 2%" as a tolerance of 2%, not as -2%', () => {
    expect(percents('revenue of $65bn, plus or minus 2%')).toEqual([['2%', 2, 'percent']]);
  });

  it('gives both ends of "10-12%" and "8% to 9%"', () => {
    const dash = findPercents('growth of 10-12% next year');
    expect(dash.map((p) => [p.surface, p.value, p.unit])).toEqual([['10', 10, 'percent'], ['12%', 12, 'percent']]);
    expect(dash[0]!.range).toEqual({ low: 10, high: 12, role: 'low', other: 1 });
    expect(findPercents('an increase of 8% to 9%').map((p) => p.range?.role)).toEqual(['low', 'high']);
  });

  it('ignores percent signs of URL encoding', () => {
    expect(percents('See https://www.test.com/search?q=30%25%2020% for more.')).toEqual([]);
    expect(percents('issn%280024%2D9114%29')).toEqual([]);
  });
});
