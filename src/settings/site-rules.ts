/**
 * Per-site choices, free of zod so that the content script can check them before it does anything
 * (a site the reader turned off is not scanned at all).
 */

/** Whether `hostname` is `site` or a subdomain of it. */
export function hostMatchesSite(hostname: string, site: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const s = site.toLowerCase();
  return host === s || host.endsWith(`.${s}`);
}

/** Whether the reader turned Footnote off on this site; tolerant of damaged stored settings. */
export function isSiteDisabled(storedSettings: unknown, hostname: string): boolean {
  const list = (storedSettings as { disabledSites?: unknown } | null | undefined)?.disabledSites;
  return Array.isArray(list) && list.some((site) => typeof site === 'string' && hostMatchesSite(hostname, site));
}
