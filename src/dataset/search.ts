/** Looking a company up by what a reader types: its name, a brand, a subsidiary, a ticker. */
import type { CompanyRecord } from './schema';

export interface CompanyHit {
  id: string;
  name: string;
  description: string;
  /** The name or alias that matched, when it is not the company's name. */
  matched: string | null;
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/**
 * Companies whose name, legal name, alias or ticker matches `query`: exact matches first, then prefixes,
 * then matches inside a word; ties by name.
 */
export function searchCompanies(companies: readonly CompanyRecord[], query: string, limit = 20): CompanyHit[] {
  const q = fold(query);
  if (!q) return [];
  const scored: Array<{ hit: CompanyHit; score: number }> = [];
  for (const company of companies) {
    const names = [company.name, company.legalName, ...company.aliases.map((a) => a.text), ...company.tickers.map((t) => t.symbol)];
    let best = Infinity;
    let matched: string | null = null;
    for (const name of names) {
      const n = fold(name);
      const score = n === q ? 0 : n.startsWith(q) ? 1 : n.split(/[\s.\-:]+/).some((w) => w.startsWith(q)) ? 2 : n.includes(q) ? 3 : Infinity;
      if (score < best) {
        best = score;
        matched = name === company.name ? null : name;
      }
    }
    if (best < Infinity) scored.push({ hit: { id: company.id, name: company.name, description: company.description, matched }, score: best });
  }
  scored.sort((a, b) => a.score - b.score || a.hit.name.localeCompare(b.hit.name));
  return scored.slice(0, limit).map((s) => s.hit);
}
