import { describe, expect, it } from 'vitest';
import { buildCardModel, type CardInput } from '../../../src/context/card-model';
import { createFxIndex } from '../../../src/dataset/fx';
import { CompanyRecord, type FxRate } from '../../../src/dataset/schema';

const SRC = { url: 'https://example.org/results', title: 'Annual results', published: '2025-05-15' };
const FX_SRC = { url: 'https://www.federalreserve.gov/releases/g5/', title: 'Federal Reserve G.5', published: '2025-03-03' };

/** A company shaped like Alibaba: fiscal years end 31 March, figures in CNY. Values are test values, not data. */
const company = CompanyRecord.parse({
  id: 'hangzhou-co',
  name: 'Hangzhou Co',
  legalName: 'Hangzhou Co Holding Ltd',
  listed: true,
  aliases: [{ text: 'Hangzhou Co', kind: 'name' }],
  tickers: [{ symbol: 'HZC', exchange: 'NYSE' }],
  country: 'CN',
  fiscalYearEnd: '03-31',
  description: 'A test company with a cloud business.',
  website: 'https://hangzhou.example.org',
  facts: [
    { metric: 'capex', period: 'FY2022', periodEnd: '2022-03-31', value: 50e9, currency: 'CNY', basis: 'purchases of property and equipment', source: SRC },
    { metric: 'capex', period: 'FY2023', periodEnd: '2023-03-31', value: 40e9, currency: 'CNY', basis: 'purchases of property and equipment', source: SRC },
    { metric: 'capex', period: 'FY2024', periodEnd: '2024-03-31', value: 30e9, currency: 'CNY', basis: 'purchases of property and equipment', source: SRC },
    { metric: 'capex', period: 'FY2025', periodEnd: '2025-03-31', value: 60e9, currency: 'CNY', basis: 'purchases of property and equipment', source: SRC },
    { metric: 'capex', period: 'FY2025-Q4', periodEnd: '2025-03-31', value: 20e9, currency: 'CNY', basis: 'quarterly', source: SRC },
    { metric: 'revenue', period: 'FY2025', periodEnd: '2025-03-31', value: 900e9, currency: 'CNY', basis: 'total revenue', source: SRC },
  ],
  commitments: [{ date: '2025-02-24', amount: 380e9, currency: 'CNY', horizonYears: 3, what: 'cloud and AI infrastructure', source: SRC }],
});

const rates: FxRate[] = [
  { currency: 'CNY', period: '2025-02', unitsPerUsd: 7.2, source: FX_SRC },
  { currency: 'CNY', period: '2024', unitsPerUsd: 7.0, source: FX_SRC },
  { currency: 'CNY', period: '2025', unitsPerUsd: 7.5, source: FX_SRC },
  { currency: 'EUR', period: '2025-02', unitsPerUsd: 0.96, source: FX_SRC },
];

function input(overrides: Partial<CardInput>): CardInput {
  return { figure: null, company, candidates: [], fx: createFxIndex(rates), readerCurrency: 'USD', locale: 'en', date: '2025-02-25', ...overrides };
}

describe('buildCardModel for a money figure', () => {
  const model = buildCardModel(
    input({ figure: { kind: 'money', surface: 'RMB 380 billion', amount: 380e9, currency: 'CNY', perYearYears: 3, metric: 'investment', confidence: 'high' } }),
  );

  it('names the figure and the company in its accessible label', () => {
    expect(model.label).toBe('RMB 380 billion, Hangzhou Co');
    expect(model.kind).toBe('money');
  });

  it('converts the figure into the reader’s currency at the rate of the article’s month', () => {
    // 380e9 / 7.2 = 52.8e9
    expect(model.figure?.converted).toBe('≈ $52.8B');
    expect(model.figure?.rateNote).toContain('2025-02');
  });

  it('spreads an amount over its years', () => {
    expect(model.figure?.perYear).toBe('about $17.6B a year over 3 years');
  });

  it('compares the yearly amount with the latest fiscal year of the attributed metric', () => {
    // 380e9 / 3 = 126.7e9 per year, against 60e9 FY2025 capex: 2.1x
    expect(model.comparison).toBe('about 2.1x FY2025 capex, per year');
  });

  it('shows the last five annual capex points, oldest first, each with its source, and no quarters', () => {
    expect(model.series?.metric).toBe('capex');
    expect(model.series?.points.map((p) => p.period)).toEqual(['FY2022', 'FY2023', 'FY2024', 'FY2025']);
    expect(model.series?.points.every((p) => p.source.url === SRC.url)).toBe(true);
    // Each point in the reader's currency at its own period's rate (FY2025 ends 2025-03-31: the 2025 average, 7.5).
    expect(model.series?.points.at(-1)?.converted).toBe('$8B');
  });

  it('lists announced commitments with their dates', () => {
    expect(model.commitments).toHaveLength(1);
    expect(model.commitments[0]!.text).toBe('CN¥380B over 3 years for cloud and AI infrastructure');
    expect(model.commitments[0]!.dateText).toBe('Feb 24, 2025');
  });
});

describe('buildCardModel, honesty', () => {
  it('says so when no company could be attributed, and shows only the normalised figure', () => {
    const model = buildCardModel(input({ company: null, figure: { kind: 'money', surface: '€5bn', amount: 5e9, currency: 'EUR' } }));
    expect(model.company).toBeNull();
    expect(model.series).toBeNull();
    expect(model.comparison).toBeNull();
    expect(model.attribution.sure).toBe(false);
    expect(model.empty).toMatch(/could not tell which company/);
    expect(model.figure?.converted).toBe('≈ $5.21B');
  });

  it('marks a low-confidence attribution as unsure and offers the other companies named nearby', () => {
    const model = buildCardModel(
      input({ figure: { kind: 'money', surface: '$80bn', amount: 80e9, currency: 'USD', confidence: 'low' }, candidates: [{ id: 'other', name: 'Other Co' }] }),
    );
    expect(model.attribution.sure).toBe(false);
    expect(model.candidates).toEqual([{ id: 'other', name: 'Other Co' }]);
  });

  it('leaves the conversion out when no rate is known, rather than guessing one', () => {
    const model = buildCardModel(input({ figure: { kind: 'money', surface: '₩5tn', amount: 5e12, currency: 'KRW' } }));
    expect(model.figure?.converted).toBeNull();
    expect(model.comparison).toBeNull();
  });

  it('uses the revenue series when the attribution says revenue', () => {
    const model = buildCardModel(input({ figure: { kind: 'money', surface: 'RMB 900bn', amount: 900e9, currency: 'CNY', metric: 'revenue' } }));
    expect(model.series?.metric).toBe('revenue');
    expect(model.comparison).toBe('about 1.0x FY2025 revenue');
  });
});

describe('buildCardModel for a company name', () => {
  it('shows the company, its tickers and its capex series', () => {
    const model = buildCardModel(input({}));
    expect(model.kind).toBe('company');
    expect(model.label).toBe('Hangzhou Co');
    expect(model.company?.tickers).toEqual(['NYSE: HZC']);
    expect(model.series?.points).toHaveLength(4);
    expect(model.empty).toBeNull();
  });
});

describe('buildCardModel for a percentage', () => {
  const growthSource = { url: 'https://example.org/q', title: 'Quarterly results', published: '2025-05-15' };
  const quarters = ['FY2024-Q1', 'FY2024-Q2', 'FY2024-Q3', 'FY2024-Q4', 'FY2025-Q1', 'FY2025-Q2', 'FY2025-Q3', 'FY2025-Q4', 'FY2026-Q1'];
  const ends = ['2023-06-30', '2023-09-30', '2023-12-31', '2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31', '2025-03-31', '2025-06-30'];
  const values = [4, 2, 3, 3, 6, 7, 13, 18, 26];
  const withGrowth = CompanyRecord.parse({
    ...company,
    facts: [
      ...company.facts,
      ...quarters.map((period, i) => ({ metric: 'cloud_revenue_growth_pct', period, periodEnd: ends[i], value: values[i], currency: 'pct', basis: 'cloud segment revenue growth, year over year', source: growthSource })),
    ],
  });

  it('shows the attributed growth metric’s last eight quarters, oldest first, and the latest value', () => {
    const model = buildCardModel(input({ company: withGrowth, figure: { kind: 'percent', surface: '11%', value: 11, unit: 'percent', metric: 'cloud_revenue_growth_pct' } }));
    expect(model.kind).toBe('percent');
    expect(model.history?.metric).toBe('cloud_revenue_growth_pct');
    expect(model.history?.points.map((p) => p.display)).toEqual(['2%', '3%', '3%', '6%', '7%', '13%', '18%', '26%']);
    expect(model.comparison).toBe('Cloud revenue growth: 26% in FY2026-Q1, the latest the dataset holds');
    expect(model.series).toBeNull();
  });

  it('takes the growth the company reports when the text does not say which', () => {
    const model = buildCardModel(input({ company: withGrowth, figure: { kind: 'percent', surface: '11%', value: 11, unit: 'percent' } }));
    expect(model.history?.metric).toBe('cloud_revenue_growth_pct');
  });

  it('says the dataset has no margin history rather than showing a growth series for a margin', () => {
    const model = buildCardModel(input({ company: withGrowth, figure: { kind: 'percent', surface: '35%', value: 35, unit: 'percent', metric: 'margin' } }));
    expect(model.history).toBeNull();
    expect(model.empty).toBe('The dataset has no margin history for Hangzhou Co.');
  });
});

describe('buildCardModel for a company name: key figures', () => {
  it('gives the latest capex with its growth on the year before, each with its source, and the latest commitment', () => {
    const model = buildCardModel(input({}));
    expect(model.keyFacts).toEqual([{ label: 'Capex FY2025', value: 'CN¥60B, +100% on FY2024', source: { ...SRC } }]);
    expect(model.commitments[0]?.date).toBe('2025-02-24');
  });

  it('computes no growth between two years that count different things', () => {
    const mixed = CompanyRecord.parse({
      ...company,
      facts: company.facts.map((f) => (f.period === 'FY2025' && f.metric === 'capex' ? { ...f, basis: 'headline capex as reported by the press' } : f)),
    });
    const model = buildCardModel(input({ company: mixed }));
    expect(model.keyFacts[0]?.value).toBe('CN¥60B');
    expect(model.series?.mixedBasis).toBe(true);
  });
});

describe('a series in more than one currency', () => {
  // FY2024 reported in US dollars, FY2022 in pounds (no rate in the index), the other years in yuan.
  const twoCurrencies = CompanyRecord.parse({
    ...company,
    facts: company.facts.map((f) => {
      if (f.metric !== 'capex') return f;
      if (f.period === 'FY2024') return { ...f, value: 4.2e9, currency: 'USD' };
      if (f.period === 'FY2022') return { ...f, value: 5e9, currency: 'GBP' };
      return f;
    }),
  });

  it('puts every year on one scale, in the reader’s currency at each year’s rate, and says so', () => {
    const model = buildCardModel(input({ company: twoCurrencies }));
    const byPeriod = Object.fromEntries(model.series!.points.map((p) => [p.period, p.scale]));
    expect(model.series?.scaleCurrency).toBe('USD');
    expect(byPeriod.FY2024).toBe(4.2e9);
    // FY2025 ends in March 2025: no rate for that month, so the 2025 average (7.5).
    expect(byPeriod.FY2025).toBeCloseTo(60e9 / 7.5, -3);
    // No rate for pounds at all: no bar, rather than a bar of pounds among dollars.
    expect(byPeriod.FY2022).toBeNull();
  });

  it('keeps raw values as the scale when all years share a currency', () => {
    const model = buildCardModel(input({}));
    expect(model.series?.scaleCurrency).toBeNull();
    expect(model.series?.points.map((p) => p.scale)).toEqual(model.series?.points.map((p) => p.value));
  });
});

describe('commitments in words', () => {
  it('says "in one year" for a one-year plan', () => {
    const oneYear = CompanyRecord.parse({ ...company, commitments: [{ date: '2025-01-03', amount: 80e9, currency: 'USD', horizonYears: 1, what: 'AI-enabled datacenters', source: SRC }] });
    expect(buildCardModel(input({ company: oneYear })).commitments[0]?.text).toBe('$80B in one year for AI-enabled datacenters');
  });
});
