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
