/**
 * Sites beyond the default news list: when the reader grants a site (optional host permission, asked from
 * the popup's "Enable on this site"), the content script is registered for it; when the grant is removed,
 * the registration goes too. Run at install, at start-up and on every permission change.
 */
import browser from 'webextension-polyfill';
import { NEWS_SITE_PATTERNS } from '../../src/sites/news-sites';

const SCRIPT_ID = 'footnote-reader-sites';

/** Granted origins that are not already covered by the manifest's content script. */
export async function grantedExtraOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const defaults = new Set(NEWS_SITE_PATTERNS);
  return origins.filter((o) => !defaults.has(o));
}

export async function syncRegisteredContentScripts(): Promise<void> {
  const origins = await grantedExtraOrigins();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (origins.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: origins, js: ['content.js'], css: ['highlights.css'], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}
