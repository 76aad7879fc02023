/**
 * The real dataset (data/, via loadDataset) on the sample article (../shared/fixtures/pages/alibaba-bets-53bn.html),
 * through the same steps as `npm run annotate FILE.html`. Only company ids are assumed of the data files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractHtmlText } from '../../../scripts/annotate';
import { loadDataset } from '../../../scripts/lib/load-dataset';
import { compileAliasTable, createCompanyMatcher } from '../../../src/companies';
import { createFxIndex } from '../../../src/dataset/fx';
import { annotateText, type Annotation } from '../../../src/recognize';

const PAGE = path.resolve(import.meta.dirname, '../../../../shared/fixtures/pages/alibaba-bets-53bn.html');

describe('the sample article with the real dataset', () => {
  let text = '';
  let a: Annotation;

  beforeAll(async () => {
    const dataset = await loadDataset();
    const extracted = extractHtmlText(readFileSync(PAGE, 'utf8'));
    text = extracted.text;
    a = annotateText(text, createCompanyMatcher(compileAliasTable(dataset.companies)), {
      fx: createFxIndex(dataset.fx),
      date: extracted.published ?? '2025-02-25',
    });
  });

  const companies = (): [string, string][] => a.companies.map((c) => [c.surface, c.companyId]);

  it('skips code, comment boxes and head: the "$53bn" in <code> and the textarea figure are not text', () => {
    expect(text).not.toContain('const budget');
    expect(text).not.toContain('I doubt Alibaba');
    expect(text.startsWith('Cloud & AI Weekly')).toBe(true);
  });

  it('finds the companies, subsidiaries and tickers the page names', () => {
    const found = companies();
    for (const expected of [
      ['Alibaba', 'alibaba'], ['Alibaba Cloud', 'alibaba'], ['Apple', 'apple'], ['AWS', 'amazon'], ['Google', 'alphabet'],
      ['Grab', 'grab'], ['Prudential', 'prudential'], ['BABA', 'alibaba'], ['9988.HK', 'alibaba'], ['MSFT', 'microsoft'],
    ]) expect(found, expected.join(' ')).toContainEqual(expected);
    // "Grab" is found in "Grab names AWS", not in "Grab a coffee".
    const grab = a.companies.filter((c) => c.companyId === 'grab');
    expect(grab).toHaveLength(1);
    expect(text.slice(grab[0]!.start, grab[0]!.start + 14)).toBe('Grab names AWS');
  });

  it('does not read "Meta-analysis" as Meta', () => {
    expect(a.companies.filter((c) => c.companyId === 'meta')).toEqual([]);
  });

  it('reads RMB 380 billion (US$53bn) as two figures of one amount, tied to Alibaba and its investment', () => {
    const rmb = a.money.find((m) => m.surface === 'RMB 380 billion')!;
    const usd = a.money.find((m) => m.surface === 'US$53bn')!;
    expect([rmb.amount, rmb.currency, usd.amount, usd.currency]).toEqual([380e9, 'CNY', 53e9, 'USD']);
    expect(a.money[rmb.sameAmountAs!]).toBe(usd);
    expect(a.money[usd.sameAmountAs!]).toBe(rmb);
    expect(rmb.attribution).toMatchObject({ companyId: 'alibaba', metric: 'investment', perYear: { years: 3 } });
    expect(usd.usd).toBe(53e9);
    // Converted at the article's rates: about 7.2 yuan to the dollar, not null.
    expect(rmb.usd! / 1e9).toBeGreaterThan(45);
    expect(rmb.usd! / 1e9).toBeLessThan(60);
  });

  it('finds $80bn (Microsoft), HK$129.30 (a price is money) and 11% (cloud revenue growth)', () => {
    const money = a.money.map((m) => m.surface);
    expect(money).toEqual(expect.arrayContaining(['$80bn', 'HK$129.30']));
    expect(a.money.find((m) => m.surface === '$80bn')!.attribution.companyId).toBe('microsoft');
    const eleven = a.percents.find((p) => p.surface === '11%')!;
    expect(eleven.attribution).toMatchObject({ companyId: 'alibaba', metric: 'cloud_revenue_growth_pct' });
  });

  it('reads 2.1% and 0.4% in the ticker as percents, and nothing in "triple-digit"', () => {
    expect(a.percents.map((p) => p.surface)).toEqual(['11%', '2.1%', '0.4%']);
    expect(a.money.some((m) => text.slice(m.start - 20, m.end).includes('triple'))).toBe(false);
  });

  it('reports offsets into the extracted text', () => {
    for (const m of [...a.companies, ...a.money, ...a.percents]) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });
});
