import { describe, expect, it } from 'vitest';
import { searchCompanies } from '../../../src/dataset/search';
import { CompanyRecord } from '../../../src/dataset/schema';

const make = (id: string, name: string, aliases: string[], tickers: string[] = []) =>
  CompanyRecord.parse({
    id,
    name,
    legalName: `${name} Inc.`,
    listed: true,
    aliases: aliases.map((text) => ({ text, kind: 'brand' })),
    tickers: tickers.map((symbol) => ({ symbol, exchange: 'NASDAQ' })),
    country: 'US',
    fiscalYearEnd: '12-31',
    description: `${name}, a company used in tests.`,
    website: 'https://example.org',
  });

const companies = [make('amazon', 'Amazon', ['AWS', 'Amazon Web Services'], ['AMZN']), make('alphabet', 'Alphabet', ['Google', 'Google Cloud'], ['GOOGL']), make('meta', 'Meta', ['Facebook'], ['META'])];

describe('searchCompanies', () => {
  it('finds a company by a brand and says which alias matched', () => {
    expect(searchCompanies(companies, 'aws')).toEqual([{ id: 'amazon', name: 'Amazon', description: 'Amazon, a company used in tests.', matched: 'AWS' }]);
  });

  it('finds a company by its ticker', () => {
    expect(searchCompanies(companies, 'googl').map((h) => h.id)).toEqual(['alphabet']);
  });

  it('ranks exact and prefix matches before matches inside a word', () => {
    expect(searchCompanies(companies, 'a').map((h) => h.id)).toEqual(['alphabet', 'amazon', 'meta']);
  });

  it('answers nothing for an empty query', () => {
    expect(searchCompanies(companies, '   ')).toEqual([]);
  });
});

describe('ratesFor', () => {
  it('keeps the rates of the companies’ currencies, the figures’ currencies and the reader’s', async () => {
    const { ratesFor } = await import('../../../src/dataset/fx');
    const src = { url: 'https://example.org/fx', title: 'FX table', published: '2025-01-02' };
    const rates = ['EUR', 'JPY', 'CNY', 'GBP'].map((currency) => ({ currency, period: '2024', unitsPerUsd: 1, source: src }));
    const company = CompanyRecord.parse({
      ...JSON.parse(JSON.stringify(companies[0])),
      facts: [{ metric: 'capex', period: 'FY2024', periodEnd: '2024-12-31', value: 1, currency: 'CNY', basis: 'purchases of property and equipment', source: src }],
    });
    expect(ratesFor(rates, [company], ['JPY'], 'EUR').map((r) => r.currency).sort()).toEqual(['CNY', 'EUR', 'JPY']);
  });
});
