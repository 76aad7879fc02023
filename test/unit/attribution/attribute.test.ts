import { describe, expect, it } from 'vitest';
import { attributeFigures } from '../../../src/attribution';
import { compileAliasTable, createCompanyMatcher, type AliasSource } from '../../../src/companies';
import { findFigures } from '../../../src/figures';

const COMPANIES: AliasSource[] = [
  { id: 'alibaba', name: 'Alibaba', legalName: 'Alibaba Group Holding Limited', country: 'CN', aliases: [{ text: 'Alibaba Cloud', kind: 'subsidiary' }] },
  { id: 'amazon', name: 'Amazon', legalName: 'Amazon.com, Inc.', country: 'US', aliases: [{ text: 'AWS', kind: 'subsidiary', caseSensitive: true }] },
  { id: 'microsoft', name: 'Microsoft', legalName: 'Microsoft Corporation', country: 'US', aliases: [{ text: 'Azure', kind: 'product', caseSensitive: true }] },
  { id: 'openai', name: 'OpenAI', legalName: 'OpenAI, Inc.', country: 'US', aliases: [] },
  { id: 'coreweave', name: 'CoreWeave', legalName: 'CoreWeave, Inc.', country: 'US', aliases: [] },
  { id: 'nvidia', name: 'Nvidia', legalName: 'NVIDIA Corporation', country: 'US', aliases: [] },
  { id: 'meta', name: 'Meta', legalName: 'Meta Platforms, Inc.', country: 'US', aliases: [{ text: 'Meta', kind: 'name', caseSensitive: true }] },
];
const matcher = createCompanyMatcher(compileAliasTable(COMPANIES));

/** Each figure of the text as [surface, companyId, metric]. */
function attribute(text: string): [string, string | null, string | null][] {
  const { money, percents } = findFigures(text);
  const figures = [...money, ...percents];
  return attributeFigures(text, matcher.find(text), figures).map((a) => [figures[a.figure]!.surface, a.companyId, a.metric]);
}

describe('attributeFigures', () => {
  it('ties an announced investment to its company, its metric and its horizon', () => {
    const text = 'Alibaba will invest RMB 380 billion (US$53bn) in its cloud computing and AI infrastructure over the next three years.';
    const { money } = findFigures(text);
    const result = attributeFigures(text, matcher.find(text), money);
    expect(result.map((a) => [a.companyId, a.metric, a.confidence, a.perYear])).toEqual([
      ['alibaba', 'investment', 'high', { years: 3 }],
      ['alibaba', 'investment', 'high', { years: 3 }],
    ]);
  });

  it.each([
    ['Microsoft plans to spend $80bn on AI-enabled data centres this fiscal year.', [['$80bn', 'microsoft', 'spend']]],
    ['Amazon expects capital expenditures of about $100 billion in 2025.', [['$100 billion', 'amazon', 'capex']]],
    ['Amazon will spend $125bn on capex in 2025.', [['$125bn', 'amazon', 'capex']]],
    ['CoreWeave ended the quarter with a revenue backlog of $55.6 billion.', [['$55.6 billion', 'coreweave', 'backlog']]],
    ['OpenAI is in talks to raise funding at a valuation of about $500bn.', [['$500bn', 'openai', 'valuation']]],
    ['Nvidia is now valued at $4.5tn.', [['$4.5tn', 'nvidia', 'valuation']]],
    ['OpenAI raised $6.6bn from investors.', [['$6.6bn', 'openai', 'funding']]],
  ])('%s', (text, expected) => {
    expect(attribute(text)).toEqual(expected);
  });

  it('reads cloud revenue and its growth from the cloud business named or the clause it is in', () => {
    expect(attribute('AWS revenue rose 19% to $29.3bn in the third quarter.')).toEqual([
      ['$29.3bn', 'amazon', 'cloud_revenue'],
      ['19%', 'amazon', 'cloud_revenue_growth_pct'],
    ]);
    expect(attribute('Azure grew 33% in constant currency.')).toEqual([['33%', 'microsoft', 'cloud_revenue_growth_pct']]);
    expect(attribute("Alibaba’s cloud intelligence unit reported 11% year-over-year revenue growth.")).toEqual([['11%', 'alibaba', 'cloud_revenue_growth_pct']]);
    expect(attribute('Alibaba said revenue fell 4 percent, while its cloud business grew 27 percent.')).toEqual([
      ['4 percent', 'alibaba', 'revenue_growth_pct'],
      ['27 percent', 'alibaba', 'cloud_revenue_growth_pct'],
    ]);
  });

  it('reads margins, and leaves share moves and stakes without a metric', () => {
    expect(attribute("Meta's operating margin was 40%, up 2 percentage points.")).toEqual([
      ['40%', 'meta', 'margin'],
      ['2 percentage points', 'meta', 'margin'],
    ]);
    expect(attribute('Shares of Nvidia were up 7% in premarket trading.')).toEqual([['7%', 'nvidia', null]]);
    expect(attribute("Microsoft (NASDAQ: MSFT) shares fell 2.9% to $510.96.")).toEqual([
      ['$510.96', 'microsoft', null],
      ['2.9%', 'microsoft', null],
    ]);
  });

  it('carries the metric of the figure a later one is compared with ("up from")', () => {
    expect(attribute('Meta now expects capital expenditures of $66bn-$72bn, up from $64bn-$72bn.')).toEqual([
      ['$66bn', 'meta', 'capex'], ['$72bn', 'meta', 'capex'], ['$64bn', 'meta', 'capex'], ['$72bn', 'meta', 'capex'],
    ]);
  });

  it('prefers the subject over a company named as an object: "a deal with OpenAI worth up to $4bn" is CoreWeave’s', () => {
    expect(attribute('CoreWeave signed an expanded agreement with OpenAI worth up to $4bn.')).toEqual([['$4bn', 'coreweave', null]]);
    expect(attribute('Nvidia will invest up to $100bn in OpenAI.')).toEqual([['$100bn', 'nvidia', 'investment']]);
  });

  it('follows "it" back to the company of the sentence before, with low confidence', () => {
    const text = 'Microsoft reported results on Tuesday. It said it would spend $80bn on data centres.';
    const { money } = findFigures(text);
    const [a] = attributeFigures(text, matcher.find(text), money);
    expect([a!.companyId, a!.metric, a!.confidence]).toEqual(['microsoft', 'spend', 'low']);
  });

  it('ties a figure to nothing when the text does not say', () => {
    const text = 'Analysts expect the market to reach $400bn.';
    const [a] = attributeFigures(text, matcher.find(text), findFigures(text).money);
    expect([a!.companyId, a!.metric, a!.confidence]).toEqual([null, null, 'low']);
  });
});
