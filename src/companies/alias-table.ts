/** Compiles the dataset's companies into the alias table the matcher runs on. */
import type { Alias } from '../dataset/schema';
import type { AliasEntry, AliasTable } from './types';

/** Suffixes news and quote sites add to a numeric symbol: "9988.HK", "7203.T". */
const EXCHANGE_SUFFIX: Record<string, string> = {
  HKEX: 'HK', SEHK: 'HK', HKG: 'HK', TSE: 'T', TYO: 'T', JPX: 'T', KRX: 'KS', KOSPI: 'KS', KOSDAQ: 'KQ', SSE: 'SS',
  SZSE: 'SZ', TWSE: 'TW', TPEX: 'TWO', SGX: 'SI', NSE: 'NS', BSE: 'BO', ASX: 'AX', LSE: 'L',
};
/** Other names of an exchange that precede a symbol: "HKG: 9988". */
const EXCHANGE_NAMES: Record<string, string[]> = { HKEX: ['HKEX', 'HKG', 'SEHK'], SEHK: ['HKEX', 'HKG', 'SEHK'], TSE: ['TSE', 'TYO'], KRX: ['KRX'] };

/** What the table needs of a company: a `CompanyRecord` has it all; tests may pass less. */
export interface AliasSource {
  id: string;
  name: string;
  legalName: string;
  country: string;
  aliases: (Pick<Alias, 'text' | 'kind'> & Partial<Pick<Alias, 'caseSensitive' | 'excludeContexts' | 'ambiguous'>>)[];
  tickers?: { symbol: string; exchange: string }[];
}

export function compileAliasTable(companies: readonly AliasSource[]): AliasTable {
  const table: AliasTable = { version: 1, companies: [], aliases: [] };
  const seen = new Set<string>();
  const anyCase = new Set<string>();
  const sensitive = new Set<string>();
  const add = (entry: AliasEntry): void => {
    const lower = `${entry.company}\u0000${entry.text.toLowerCase()}`;
    const exact = `${entry.company}\u0000${entry.text}`;
    // The first rule for a spelling wins: a case-sensitive "Grab" is not undone by the name "Grab" added after it,
    // but the ticker "GRAB" is a spelling of its own.
    if (entry.caseSensitive ? anyCase.has(lower) || sensitive.has(exact) : seen.has(lower)) return;
    seen.add(lower);
    if (entry.caseSensitive) sensitive.add(exact);
    else anyCase.add(lower);
    table.aliases.push(entry);
  };
  companies.forEach((c, index) => {
    table.companies.push({ id: c.id, name: c.name, country: c.country });
    // The dataset's own aliases first: they carry the case and context rules for common words.
    for (const a of c.aliases) {
      const entry: AliasEntry = { text: a.text, company: index, kind: a.kind };
      if (a.caseSensitive) entry.caseSensitive = true;
      if (a.ambiguous) entry.ambiguous = true;
      if (a.excludeContexts && a.excludeContexts.length > 0) entry.exclude = [...a.excludeContexts];
      add(entry);
    }
    add({ text: c.name, company: index, kind: 'name' });
    add({ text: c.legalName, company: index, kind: 'name' });
    for (const t of c.tickers ?? []) {
      const exchange = t.exchange.toUpperCase();
      if (/^\d+$/.test(t.symbol)) {
        // A bare number is a number: only the exchange-qualified forms name the company.
        const suffix = EXCHANGE_SUFFIX[exchange];
        if (suffix) add({ text: `${t.symbol}.${suffix}`, company: index, kind: 'ticker', caseSensitive: true });
        for (const name of EXCHANGE_NAMES[exchange] ?? [exchange]) {
          add({ text: `${name}: ${t.symbol}`, company: index, kind: 'ticker', caseSensitive: true });
          add({ text: `${name}:${t.symbol}`, company: index, kind: 'ticker', caseSensitive: true });
        }
      } else {
        add({ text: t.symbol, company: index, kind: 'ticker', caseSensitive: true });
      }
    }
  });
  return table;
}
