/**
 * Sites where Footnote runs by default (host permissions in the manifest; subdomains included).
 * Anywhere else the reader turns it on per site from the popup (optional host permissions).
 */
import { hostMatchesSite } from '../settings/site-rules';

export const NEWS_SITES: readonly string[] = [
  'computerweekly.com',
  'reuters.com',
  'cnbc.com',
  'bloomberg.com',
  'ft.com',
  'wsj.com',
  'theverge.com',
  'techcrunch.com',
  'theregister.com',
  'scmp.com',
  'caixinglobal.com',
  'nikkei.com',
  'asia.nikkei.com',
  'datacenterdynamics.com',
  'zdnet.com',
  'venturebeat.com',
  'theinformation.com',
  'semafor.com',
  'axios.com',
  'arstechnica.com',
  'sdxcentral.com',
  'siliconangle.com',
  'businessinsider.com',
  'fortune.com',
  'forbes.com',
  'nytimes.com',
  'washingtonpost.com',
  'economist.com',
  'barrons.com',
  'marketwatch.com',
  'finance.yahoo.com',
  'seekingalpha.com',
  'techinasia.com',
  'kr-asia.com',
  'restofworld.org',
];

/** Match patterns for a site and its subdomains. */
export function matchPatternsForSite(site: string): string[] {
  return [`*://${site}/*`, `*://*.${site}/*`];
}

export const NEWS_SITE_PATTERNS: readonly string[] = NEWS_SITES.flatMap(matchPatternsForSite);

/** Whether `hostname` is one of the default news sites or a subdomain of one. */
export function isNewsSite(hostname: string): boolean {
  return NEWS_SITES.some((site) => hostMatchesSite(hostname, site));
}
