/** What issue #2 says a reader sees on the sample article (../shared/fixtures/pages/alibaba-bets-53bn.html). */
export const ARTICLE = 'alibaba-bets-53bn.html';

export const EXPECTED_COMPANIES = ['Alibaba', 'Alibaba Cloud', 'Apple', 'AWS', 'Google', 'Grab', 'Prudential'];

export const EXPECTED_FIGURES = {
  money: ['RMB 380 billion', 'US$53bn', '$80bn'],
  percent: ['11%'],
};

/** Text that must not be inside any highlight. */
export const NOT_HIGHLIGHTED = ['Grab a coffee', 'Meta-analysis', 'Meta', 'triple-digit', 'I doubt Alibaba'];

/** Alibaba's annual capex points in the dataset, oldest first, the last five: what its card must show. */
export async function alibabaAnnualCapex(): Promise<Array<{ period: string; source: { url: string } }>> {
  const { readFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const { ROOT } = await import('./paths');
  const record = JSON.parse(await readFile(path.join(ROOT, 'data', 'companies', 'alibaba.json'), 'utf8')) as {
    facts: Array<{ metric: string; period: string; periodEnd: string; source: { url: string } }>;
  };
  return record.facts
    .filter((f) => f.metric === 'capex' && /^FY\d{4}$/.test(f.period))
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd))
    .slice(-5);
}
