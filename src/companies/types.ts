import type { ALIAS_KINDS } from '../dataset/schema';

export type AliasKind = (typeof ALIAS_KINDS)[number];

/** One way of writing a company, as compiled from the dataset. */
export interface AliasEntry {
  /** As written in the dataset: "Alibaba Cloud", "BABA", "9988.HK". */
  text: string;
  /** Index into `AliasTable.companies`. */
  company: number;
  kind: AliasKind;
  caseSensitive?: boolean;
  /** A common word that is the company only in context ("Apple", "Grab", "Oracle"). */
  ambiguous?: boolean;
  /** Regular expression sources (case-insensitive) that rule an occurrence out when they cover it. */
  exclude?: string[];
}

/**
 * Everything the matcher needs, as plain JSON: the build can compile it from the dataset once and ship it in the
 * content script.
 */
export interface AliasTable {
  version: 1;
  companies: { id: string; name: string; country: string }[];
  aliases: AliasEntry[];
}

export interface CompanyMatch {
  surface: string;
  start: number;
  end: number;
  /** The company the figure speaks of: brands, subsidiaries and products map to their parent. */
  companyId: string;
  /** The company's display name. */
  name: string;
  aliasKind: AliasKind;
  /** The dataset alias that matched ("Amazon Web Services" for "amazon web services"). */
  alias: string;
  /** ISO 3166-1 alpha-2 of the company: settles what "¥" means on the page. */
  country: string;
}

export interface FindCompaniesOptions {
  /** Companies already seen elsewhere on the page: their common-word names need less support here. */
  knownCompanyIds?: Iterable<string>;
}

export interface CompanyMatcher {
  find(text: string, options?: FindCompaniesOptions): CompanyMatch[];
}
