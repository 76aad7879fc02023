/**
 * What the dataset covers, as a Markdown table for DATA.md (`npm run data -- coverage`): per company,
 * which fiscal years and how many quarters each metric has.
 */
import type { CompanyRecord, Dataset, Metric } from './schema';
import { parsePeriod } from './fiscal-calendar';

interface Column {
  header: string;
  metrics: Metric[];
}

const COLUMNS: Column[] = [
  { header: 'Capex', metrics: ['capex', 'capex_incl_finance_leases'] },
  { header: 'Revenue', metrics: ['revenue', 'revenue_growth_pct'] },
  { header: 'Cloud revenue', metrics: ['cloud_revenue'] },
  { header: 'Cloud growth', metrics: ['cloud_revenue_growth_pct'] },
  { header: 'Capex guidance', metrics: ['capex_guidance'] },
  { header: 'Other', metrics: ['operating_income', 'rpo'] },
];

/** `FY2020–FY2025` for a run of consecutive years, `FY2020, FY2022–FY2023` otherwise. */
export function describeYears(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  const flush = () => {
    if (start === undefined || previous === undefined) return;
    runs.push(start === previous ? `FY${start}` : `FY${start}–FY${previous}`);
  };
  for (const year of sorted) {
    if (previous !== undefined && year === previous + 1) {
      previous = year;
      continue;
    }
    flush();
    start = year;
    previous = year;
  }
  flush();
  return runs.join(', ');
}

function describeCell(company: CompanyRecord, metrics: Metric[]): string {
  const points = company.facts.filter((p) => metrics.includes(p.metric));
  if (points.length === 0) return '—';
  const years: number[] = [];
  const quarters = new Set<string>();
  const halves = new Set<string>();
  for (const point of points) {
    const period = parsePeriod(point.period);
    if (!period) continue;
    if (period.kind === 'year') years.push(period.year);
    else if (period.kind === 'quarter') quarters.add(point.period);
    else halves.add(point.period);
  }
  const parts: string[] = [];
  if (years.length > 0) parts.push(describeYears(years));
  if (quarters.size > 0) parts.push(`${quarters.size} qtr${quarters.size === 1 ? '' : 's'}`);
  if (halves.size > 0) parts.push(`${halves.size} half-year${halves.size === 1 ? '' : 's'}`);
  return parts.join('; ');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function coverageTable(dataset: Pick<Dataset, 'companies'>): string {
  const companies = [...dataset.companies].sort((a, b) => a.name.localeCompare(b.name));
  const header = ['Company', 'FY ends', ...COLUMNS.map((c) => c.header), 'Commitments', 'Points'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const company of companies) {
    const cells = [
      `${company.name} (\`${company.id}\`)`,
      company.fiscalYearEnd,
      ...COLUMNS.map((column) => describeCell(company, column.metrics)),
      company.commitments.length > 0 ? String(company.commitments.length) : '—',
      String(company.facts.length),
    ];
    lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
  }
  const totalPoints = companies.reduce((sum, c) => sum + c.facts.length, 0);
  lines.push('', `${companies.length} compan${companies.length === 1 ? 'y' : 'ies'}, ${totalPoints} data point${totalPoints === 1 ? '' : 's'}.`);
  return lines.join('\n');
}
