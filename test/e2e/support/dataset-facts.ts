/**
 * What the dataset holds, read from its source files (data/), so that the card tests compare the card
 * with the data rather than with numbers typed into a test.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createFxIndex, convertAmount } from '../../../src/dataset/fx';
import type { FxRate } from '../../../src/dataset/schema';
import { formatMoney, formatPercent } from '../../../src/context/format';
import { ROOT } from './paths';

export interface Fact {
  metric: string;
  period: string;
  periodEnd: string;
  value: number;
  currency: string;
  basis: string;
  source: { url: string; title: string; published: string };
}

export interface Company {
  id: string;
  name: string;
  facts: Fact[];
  commitments: Array<{ date: string; amount: number; currency: string; source: { url: string } }>;
}

export async function readCompany(id: string): Promise<Company> {
  return JSON.parse(await readFile(path.join(ROOT, 'data', 'companies', `${id}.json`), 'utf8')) as Company;
}

const byEnd = (a: Fact, b: Fact) => a.periodEnd.localeCompare(b.periodEnd);

/** The last `count` fiscal years of a metric, oldest first: what a money card's bars show. */
export function lastYears(company: Company, metric: string, count = 5): Fact[] {
  return company.facts.filter((f) => f.metric === metric && /^FY\d{4}$/.test(f.period)).sort(byEnd).slice(-count);
}

/** The last `count` quarters of a metric, oldest first: what a percentage card's history shows. */
export function lastQuarters(company: Company, metric: string, count = 8): Fact[] {
  return company.facts.filter((f) => f.metric === metric && /^FY\d{4}-Q[1-4]$/.test(f.period)).sort(byEnd).slice(-count);
}

/** A data point as the card writes it, in the reader's locale. */
export function shown(fact: Pick<Fact, 'value' | 'currency'>, locale: string): string {
  return fact.currency === 'pct' ? formatPercent(fact.value, locale) : formatMoney(fact.value, fact.currency, locale);
}

/** An amount converted at the dataset's rates of `date`, as the card writes it; and the rate's period and source. */
export async function converted(amount: number, from: string, to: string, date: string, locale: string) {
  const table = JSON.parse(await readFile(path.join(ROOT, 'data', 'fx.json'), 'utf8')) as { rates: FxRate[] };
  const fx = createFxIndex(table.rates);
  const c = convertAmount(fx, amount, from, to, date);
  if (!c) throw new Error(`no rate for ${from} -> ${to} at ${date}`);
  const quote = fx.quote(from === 'USD' ? to : from, date)!;
  return { text: formatMoney(c.value, to, locale), value: c.value, ratePeriod: quote.period, rateSource: quote.source.url };
}

/** Normalises the spaces Intl puts in numbers (narrow no-break spaces) for comparing text. */
export function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}
