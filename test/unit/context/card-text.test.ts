import { describe, expect, it } from 'vitest';
import { cardAsLines, cardAsText } from '../../../src/context/card-text';
import type { CardModel } from '../../../src/context/card-model';

const source = { url: 'https://example.org/r', title: 'Results', published: '2025-05-15' };
const model: CardModel = {
  kind: 'money',
  heading: 'RMB 380 billion',
  label: 'RMB 380 billion, Hangzhou Co',
  company: { id: 'hz', name: 'Hangzhou Co', tickers: [], description: 'x', website: 'https://x.example' },
  attribution: { metric: 'investment', metricLabel: 'Capex', sure: true },
  candidates: [],
  figure: { asWritten: 'RMB 380 billion', converted: '≈ $52.8B', rateNote: 'at the 2025-02 average rate', rateSource: { ...source, url: 'https://example.org/fx', title: 'FX' }, paired: null, perYear: 'about $17.6B a year over 3 years', range: null },
  comparison: 'about 2.1x FY2025 capex, per year',
  series: { metric: 'capex', title: 'Capex, by fiscal year', mixedBasis: false, scaleCurrency: null, points: [{ period: 'FY2025', periodEnd: '2025-03-31', value: 60e9, currency: 'CNY', display: 'CN¥60B', converted: '$8B', scale: 60e9, basis: 'b', source }] },
  history: null,
  keyFacts: [],
  commitments: [],
  rounds: [],
  empty: null,
};

describe('a card as text', () => {
  it('keeps every number with its source address, and lists the sources once', () => {
    const { summary, lines, sources } = cardAsLines(model);
    expect(summary).toBe('RMB 380 billion (Hangzhou Co): ≈ $52.8B; about 2.1x FY2025 capex, per year');
    expect(lines).toContain('≈ $52.8B at the 2025-02 average rate (https://example.org/fx)');
    expect(lines).toContain('  FY2025: CN¥60B (≈ $8B) (https://example.org/r)');
    expect(sources).toEqual([
      { url: 'https://example.org/fx', title: 'FX' },
      { url: 'https://example.org/r', title: 'Results' },
    ]);
  });

  it('says where it was seen when copied', () => {
    expect(cardAsText(model, 'https://news.example/a').split('\n').at(-1)).toBe('Seen on https://news.example/a');
  });

  it('says so when the attribution is unsure', () => {
    expect(cardAsLines({ ...model, attribution: { ...model.attribution, sure: false } }).lines).toContain('Attribution to Hangzhou Co is not certain.');
  });
});
