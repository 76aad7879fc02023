/**
 * The reader's settings, with defaults. Stored in `browser.storage.local` under `SETTINGS_KEY`; anything that
 * does not parse falls back to the default for that field, so a damaged setting never breaks the extension.
 */
import { z } from 'zod';
import { hostMatchesSite } from './site-rules';

export const SETTINGS_KEY = 'settings';

export const DISPLAY_CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'JPY', 'HKD', 'SGD', 'INR', 'KRW', 'AUD', 'CAD', 'TWD', 'CHF', 'BRL'] as const;

export const Settings = z.object({
  /** Currency figures are converted into on cards. */
  displayCurrency: z.string().regex(/^[A-Z]{3}$/).catch('USD').default('USD'),
  /** Hover-intent delay before a card opens, in milliseconds. */
  hoverDelayMs: z.number().int().min(0).max(3000).catch(350).default(350),
  /** Sites the reader turned on (beyond the default news sites), as hostnames. */
  enabledSites: z.array(z.string().max(253)).max(10_000).catch([]).default([]),
  /** Default news sites the reader turned off, as hostnames. */
  disabledSites: z.array(z.string().max(253)).max(10_000).catch([]).default([]),
  /** Which kinds of highlights are painted. */
  highlightCompanies: z.boolean().catch(true).default(true),
  highlightFigures: z.boolean().catch(true).default(true),
  /** A feed other than the build's default ('' = the default). */
  feedUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).catch('').default(''),
  /** The public key (JWK as JSON text) of a custom feed ('' = the build's pinned key). */
  feedPublicKey: z.string().max(4000).catch('').default(''),
  /** How long one feed request may take before it counts as timed out (then it is retried with backoff). */
  feedTimeoutSeconds: z.number().min(1).max(120).catch(15).default(15),
  /** Hours between automatic syncs; 0 turns automatic sync off. */
  syncIntervalHours: z.number().min(0).max(24 * 30).catch(12).default(12),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** Reads stored settings, keeping every field that is valid and defaulting the rest. */
export function parseSettings(stored: unknown): Settings {
  const parsed = Settings.safeParse(typeof stored === 'object' && stored !== null ? stored : {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** Whether Footnote runs on `hostname` by the reader's choices (default news sites unless turned off). */
export function isSiteEnabled(settings: Settings, hostname: string, isDefaultSite: boolean): boolean {
  const listed = (list: string[]) => list.some((site) => hostMatchesSite(hostname, site));
  if (listed(settings.disabledSites)) return false;
  return isDefaultSite || listed(settings.enabledSites);
}
