/**
 * The companies and aliases the end-to-end test's sample article needs
 * (../shared/fixtures/pages/alibaba-bets-53bn.html), checked against the real data files.
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../scripts/lib/load-dataset';
import { findCompany } from '../../../src/dataset/queries';
import type { Alias, Dataset } from '../../../src/dataset/schema';

const dataset: Dataset = await loadDataset();

function alias(companyId: string, text: string): Alias {
  const company = findCompany(dataset, companyId);
  const found = company?.aliases.find((a) => a.text === text);
  if (!found) throw new Error(`${companyId} has no alias "${text}"`);
  return found;
}

/** Whether one of the alias's exclusion contexts rules out its occurrence in `sentence`. */
function excluded(a: Alias, sentence: string): boolean {
  return a.excludeContexts.some((pattern) => new RegExp(pattern, 'i').test(sentence));
}

describe('sample article companies', () => {
  it.each([
    ['alibaba', 'Alibaba'],
    ['alibaba', 'Alibaba Cloud'],
    ['apple', 'Apple'],
    ['amazon', 'AWS'],
    ['alphabet', 'Google'],
    ['grab', 'Grab'],
    ['prudential', 'Prudential'],
    ['alibaba', 'BABA'],
    ['alibaba', '9988.HK'],
    ['microsoft', 'MSFT'],
  ])('%s is found as "%s"', (companyId, text) => {
    expect(alias(companyId, text).text).toBe(text);
  });

  it('tickers match case', () => {
    for (const [id, text] of [['alibaba', 'BABA'], ['alibaba', '9988.HK'], ['microsoft', 'MSFT']] as const) expect(alias(id, text).caseSensitive).toBe(true);
  });

  it('"Grab a coffee" is not the company, "Grab names AWS" is', () => {
    const grab = alias('grab', 'Grab');
    expect(grab.caseSensitive).toBe(true);
    expect(excluded(grab, 'Grab a coffee and catch up on this week’s cloud outages')).toBe(true);
    expect(excluded(grab, 'Southeast Asian super app Grab names AWS as its preferred cloud provider')).toBe(false);
  });

  it('Prudential the insurer is not ruled out, prudential regulation is', () => {
    const prudential = alias('prudential', 'Prudential');
    expect(excluded(prudential, 'Prudential is leveraging AI across its operations')).toBe(false);
    expect(excluded(prudential, 'the prudential regulation of banks')).toBe(true);
  });

  it('"Meta-analysis" is not the company, Meta the company is', () => {
    const meta = alias('meta', 'Meta');
    expect(meta.caseSensitive).toBe(true);
    expect(excluded(meta, 'Meta-analysis: are AI pilots paying off for APAC banks?')).toBe(true);
    expect(excluded(meta, 'Meta raised its capital expenditure outlook for 2026')).toBe(false);
  });

  it('Oracle the company is not ruled out, an oracle is', () => {
    const oracle = alias('oracle', 'Oracle');
    expect(excluded(oracle, 'Oracle Cloud Infrastructure revenue grew 68%')).toBe(false);
    expect(excluded(oracle, 'she was consulted like an oracle')).toBe(true);
  });

  it('Apple the company is not ruled out, apple pie is', () => {
    const apple = alias('apple', 'Apple');
    expect(excluded(apple, 'Alibaba Cloud has reportedly been chosen by Apple to support its AI services')).toBe(false);
    expect(excluded(apple, 'Apple pie recipes for the holidays')).toBe(true);
  });
});
