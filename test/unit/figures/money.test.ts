import { describe, expect, it } from 'vitest';
import { findMoney, type MoneyMatch } from '../../../src/figures';

/** The figures of a text as [surface, amount, currency]. */
function money(text: string, context = {}): [string, number, string][] {
  return findMoney(text, context).map((m) => [m.surface, m.amount, m.currency]);
}

function one(text: string, context = {}): MoneyMatch {
  const found = findMoney(text, context);
  expect(found, text).toHaveLength(1);
  return found[0]!;
}

describe('findMoney: currency markers', () => {
  it.each([
    ['It costs $5.', '$5', 5, 'USD'],
    ['Alibaba raised US$53bn.', 'US$53bn', 53e9, 'USD'],
    ['Shares closed at HK$129.30.', 'HK$129.30', 129.3, 'HKD'],
    ['Grab will invest S$1.2 billion.', 'S$1.2 billion', 1.2e9, 'SGD'],
    ['AWS will invest A$20 billion.', 'A$20 billion', 20e9, 'AUD'],
    ['Microsoft will spend C$19.4 billion.', 'C$19.4 billion', 19.4e9, 'CAD'],
    ['TSMC revenue was NT$989.92 billion.', 'NT$989.92 billion', 989.92e9, 'TWD'],
    ['Microsoft will invest R$14.7 billion.', 'R$14.7 billion', 14.7e9, 'BRL'],
    ['Mistral raised €1.7bn.', '€1.7bn', 1.7e9, 'EUR'],
    ['Google will invest £5bn.', '£5bn', 5e9, 'GBP'],
    ['Reliance will invest ₹75,000 crore.', '₹75,000 crore', 75000e7, 'INR'],
    ['SK Hynix earned ₩11.4 trillion.', '₩11.4 trillion', 11.4e12, 'KRW'],
    ['Reliance will spend Rs 40,000 crore.', 'Rs 40,000 crore', 40000e7, 'INR'],
    ['Amazon will invest EUR 15.7 billion.', 'EUR 15.7 billion', 15.7e9, 'EUR'],
    ['Alibaba will invest RMB 380 billion.', 'RMB 380 billion', 380e9, 'CNY'],
    ['Tencent spent CNY 25.5 billion.', 'CNY 25.5 billion', 25.5e9, 'CNY'],
    ['Oracle will invest JPY 1.2 trillion.', 'JPY 1.2 trillion', 1.2e12, 'JPY'],
    ['Oracle will spend CHF 1 billion.', 'CHF 1 billion', 1e9, 'CHF'],
    ['Revenue was KRW 79.1 trillion.', 'KRW 79.1 trillion', 79.1e12, 'KRW'],
    ['Sea will spend SGD 500 million.', 'SGD 500 million', 500e6, 'SGD'],
    ['A loan of GBP 2.5 billion.', 'GBP 2.5 billion', 2.5e9, 'GBP'],
    ['It costs 3 CNY.', '3 CNY', 3, 'CNY'],
    ['Tencent spent 76.8 billion yuan.', '76.8 billion yuan', 76.8e9, 'CNY'],
    ['Baidu spent 10 billion renminbi.', '10 billion renminbi', 10e9, 'CNY'],
    ['Mistral will invest 1 billion euros.', '1 billion euros', 1e9, 'EUR'],
    ['Profit was 361 million pounds.', '361 million pounds', 361e6, 'GBP'],
    ['Profit was 2.9 billion sterling.', '2.9 billion sterling', 2.9e9, 'GBP'],
    ['NTT will invest 3.2 trillion yen.', '3.2 trillion yen', 3.2e12, 'JPY'],
    ['Jio invested 2.3 lakh crore rupees.', '2.3 lakh crore rupees', 2.3e12, 'INR'],
    ['Samsung will spend 450 trillion won.', '450 trillion won', 450e12, 'KRW'],
    ['It sold for 125 million australian dollars.', '125 million australian dollars', 125e6, 'AUD'],
    ['They paid 50 dollars.', '50 dollars', 50, 'USD'],
  ])('%s -> %s', (text, surface, amount, currency) => {
    const m = one(text);
    expect([m.surface, m.amount, m.currency]).toEqual([surface, amount, currency]);
    expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it('marks a bare "$" and "dollars" as assumed, and reads them as the page says', () => {
    expect(one('It costs $5bn.').currencyAssumed).toBe(true);
    expect(one('US$5bn').currencyAssumed).toBeUndefined();
    expect(one('It costs $5bn.', { defaultDollar: 'AUD' }).currency).toBe('AUD');
    expect(one('It costs 5 billion dollars.', { defaultDollar: 'CAD' }).currency).toBe('CAD');
  });

  it('settles "¥" from context: CNY for a Chinese company, JPY for a Japanese one, JPY (assumed) otherwise', () => {
    expect(one('Revenue of ¥33.4 billion.', { yen: 'CNY' }).currency).toBe('CNY');
    expect(one('A gain of ￥2.5 trillion.', { yen: 'JPY' }).currency).toBe('JPY');
    const unknown = one('A gain of ¥2.5 trillion.');
    expect([unknown.currency, unknown.currencyAssumed]).toEqual(['JPY', true]);
    // The word is never ambiguous.
    expect(one('3.2 trillion yen', { yen: 'CNY' }).currency).toBe('JPY');
  });
});

describe('findMoney: numbers and magnitudes', () => {
  it.each([
    ['$4.5B', 4.5e9],
    ['US$53bn', 53e9],
    ['€5bn', 5e9],
    ['$750m', 750e6],
    ['$750mn', 750e6],
    ['$750 mln', 750e6],
    ['$10K', 10e3],
    ['$3 thousand', 3e3],
    ['$1.2tn', 1.2e12],
    ['$4trn', 4e12],
    ['$2 trillion', 2e12],
    ['₹1,05,600 crore', 1056e9],
    ['Rs 5 lakh', 5e5],
    ['$1,234.5', 1234.5],
    ['$0.75', 0.75],
    ['₹12,34,567.89', 1234567.89],
  ])('%s is %d', (text, amount) => {
    expect(one(text).amount).toBe(amount);
  });

  it('reads spelled-out amounts', () => {
    expect(money('They will spend five billion dollars.')).toEqual([['five billion dollars', 5e9, 'USD']]);
    expect(money('AI spending could top a trillion dollars.')).toEqual([['a trillion dollars', 1e12, 'USD']]);
    expect(money('The venture aims to spend five hundred billion dollars.')).toEqual([['five hundred billion dollars', 500e9, 'USD']]);
    expect(money('It costs half a billion dollars.')).toEqual([['half a billion dollars', 0.5e9, 'USD']]);
    expect(money('He received five million yen.')).toEqual([['five million yen', 5e6, 'JPY']]);
  });

  it('reads cents and pence as hundredths of their currency', () => {
    expect(money('The dividend was 7.1 cents per share.')).toEqual([['7.1 cents', 0.071, 'USD']]);
    expect(money('Shares rose 5p to 254p.')).toEqual([['5p', 0.05, 'GBP'], ['254p', 2.54, 'GBP']]);
    expect(money('a bid of 470 pence a share')).toEqual([['470 pence', 4.7, 'GBP']]);
    expect(money('a 1080p screen')).toEqual([]);
  });
});

describe('findMoney: ranges, pairs, qualifiers, per-share prices', () => {
  it('gives both ends of "$75bn-$80bn", each knowing the range', () => {
    const [a, b] = findMoney('capex of $75bn-$80bn in 2025');
    expect([a!.surface, b!.surface]).toEqual(['$75bn', '$80bn']);
    expect(a!.range).toEqual({ low: 75e9, high: 80e9, role: 'low', other: 1 });
    expect(b!.range).toEqual({ low: 75e9, high: 80e9, role: 'high', other: 0 });
  });

  it('gives both ends of "$12 billion to $14 billion" and "between $5.05 billion and $5.15 billion"', () => {
    expect(findMoney('$12 billion to $14 billion').map((m) => m.range)).toEqual([
      { low: 12e9, high: 14e9, role: 'low', other: 1 },
      { low: 12e9, high: 14e9, role: 'high', other: 0 },
    ]);
    const between = findMoney('capex between $5.05 billion and $5.15 billion');
    expect(between.map((m) => [m.surface, m.amount])).toEqual([['$5.05 billion', 5.05e9], ['$5.15 billion', 5.15e9]]);
    expect(between[0]!.range?.high).toBe(5.15e9);
  });

  it('lends the magnitude and currency of one end to the other: "$5-6bn", "10-20 dollars"', () => {
    expect(money('a $5-6bn deal')).toEqual([['$5', 5e9, 'USD'], ['6bn', 6e9, 'USD']]);
    expect(money('between 10 and 20 dollars')).toEqual([['10', 10, 'USD'], ['20 dollars', 20, 'USD']]);
  });

  it('does not read a change as a range: "rose from $10bn to $12bn"', () => {
    const found = findMoney('Revenue rose from $10bn to $12bn.');
    expect(found).toHaveLength(2);
    expect(found.every((m) => m.range === undefined)).toBe(true);
  });

  it('RMB 380 billion (US$53bn) yields two figures of one amount', () => {
    const [rmb, usd] = findMoney('Alibaba will invest RMB 380 billion (US$53bn) in AI.');
    expect([rmb!.surface, usd!.surface]).toEqual(['RMB 380 billion', 'US$53bn']);
    expect(rmb!.sameAmountAs).toBe(1);
    expect(usd!.sameAmountAs).toBe(0);
    const [won, dollars] = findMoney('an operating profit of 7 trillion won, or about $4.9bn');
    expect([won!.sameAmountAs, dollars!.sameAmountAs, dollars!.qualifier]).toEqual([1, 0, 'about']);
  });

  it('keeps qualifiers out of the surface, with their bound', () => {
    const about = one('sales of about $14 million');
    expect([about.surface, about.qualifier, about.qualifierBound]).toEqual(['$14 million', 'about', 'approx']);
    expect(one('more than $500 billion').qualifierBound).toBe('lower');
    expect(one('up to $25 billion').qualifierBound).toBe('upper');
    expect(one('roughly $1bn a month').qualifier).toBe('roughly');
  });

  it('marks per-share prices, which are money', () => {
    expect(one('a dividend of $1.05 per share').perShare).toBe(true);
    expect(one('net fell 2% or $1.40 a share').perShare).toBe(true);
    expect(one('a $70-a-share offer').perShare).toBe(true);
    expect(one('9988.HK closed at HK$129.30').perShare).toBeUndefined();
  });
});

describe('findMoney: what is not money', () => {
  it.each([
    'The company was founded in 2017 and employs 1,200 people.',
    'Meta will deploy 1.3 million GPUs by the end of 2025.',
    'Nvidia shipped 3 million Blackwell GPUs in Q3.',
    'Its fiscal 2026 begins on July 1, 2025, and Q1 ends on September 30.',
    'The Bank of England raised rates by 25 basis points.',
    'Revenue grew in the triple-digit range.',
    'Sales of 1,234.5 thousand units, up from 1,100.',
    'The H100 and the A380 are products, not prices.',
    'exactly dollars',
    'grand',
    'in a multibillion-dollar deal',
    'a dollar-denominated bond',
    'a billion-dollar valuation',
    'In 2019 won the tender.',
    'He bought 10 pounds of coffee.',
    'See https://example.com/q?price=$5&x=10%25 for details.',
    'All 70 of us. ALL 5 solutions are wrong. Try 3 times.',
    'a constructor of 5 toString valueOf',
  ])('%s', (text) => {
    expect(money(text)).toEqual([]);
  });
});
