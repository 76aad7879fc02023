/**
 * "Enable on this site" / "Disable on this site". Enabling a site outside the default news list asks the
 * browser for that site's permission (in the click, as browsers require) and runs Footnote on the tab at once.
 */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { isNewsSite } from '../../src/sites/news-sites';
import { hostMatchesSite } from '../../src/settings/site-rules';
import { getSettings, updateSettings } from '../shared/settings-store';

interface SiteState {
  host: string;
  defaultSite: boolean;
  granted: boolean;
  disabled: boolean;
}

function originsFor(host: string): string[] {
  return [`*://${host}/*`];
}

export function SiteToggle({ tabId, url, onChange }: { tabId: number; url: string; onChange(): void }) {
  const [state, setState] = useState<SiteState | null>(null);
  const [error, setError] = useState<string | null>(null);

  let host = '';
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') host = parsed.hostname;
  } catch {
    host = '';
  }

  const refresh = async () => {
    if (!host) return;
    const [settings, granted] = await Promise.all([getSettings(), browser.permissions.contains({ origins: originsFor(host) })]);
    setState({
      host,
      defaultSite: isNewsSite(host),
      granted,
      disabled: settings.disabledSites.some((s) => hostMatchesSite(host, s)),
    });
  };
  useEffect(() => void refresh(), [host]);

  if (!host) return <p class="muted">Footnote runs on web pages only.</p>;
  if (!state) return null;
  const enabled = (state.defaultSite || state.granted) && !state.disabled;

  const enable = async () => {
    setError(null);
    try {
      // permissions.request must be the first thing the click does.
      if (!state.defaultSite && !state.granted && !(await browser.permissions.request({ origins: originsFor(host) }))) {
        setError('Footnote was not given access to this site.');
        return;
      }
      await updateSettings((s) => ({ disabledSites: s.disabledSites.filter((site) => !hostMatchesSite(host, site)) }));
      await browser.scripting.insertCSS({ target: { tabId }, files: ['highlights.css'] }).catch(() => undefined);
      await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] }).catch(() => undefined);
      await refresh();
      onChange();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const disable = async () => {
    setError(null);
    await updateSettings((s) => ({ disabledSites: [...new Set([...s.disabledSites, host])] }));
    await refresh();
    onChange();
  };

  return (
    <div class="site-toggle">
      <span>
        {enabled ? 'On' : 'Off'} for <strong>{host}</strong>
      </span>
      {enabled ? (
        <button type="button" onClick={() => void disable()}>
          Disable on this site
        </button>
      ) : (
        <button type="button" class="primary" onClick={() => void enable()}>
          Enable on this site
        </button>
      )}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
