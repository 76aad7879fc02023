/** Footnote's options: display currency, hover delay, highlights, sites, and the dataset. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { DISPLAY_CURRENCIES, type Settings } from '../../src/settings/settings';
import { getSettings, updateSettings } from '../shared/settings-store';
import { FeedSection } from './feed-section';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const savedTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    void getSettings().then(setSettings);
  }, []);

  const change = async (patch: Partial<Settings>) => {
    try {
      setSettings(await updateSettings(() => patch));
      setSaved('Saved.');
    } catch (error) {
      setSaved(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
    // One message at a time: an earlier save's timer must not clear this one.
    clearTimeout(savedTimer.current);
    savedTimer.current = setTimeout(() => setSaved(null), 4000);
  };

  if (!settings) return <main class="options">Loading…</main>;
  return (
    <main class="options">
      <h1>Footnote options</h1>
      <p class="saved" role="status" aria-live="polite">
        {saved ?? ''}
      </p>

      <section aria-labelledby="cards">
        <h2 id="cards">Cards</h2>
        <label class="row">
          <span>Display currency</span>
          <select value={settings.displayCurrency} onChange={(e) => void change({ displayCurrency: (e.target as HTMLSelectElement).value })}>
            {DISPLAY_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label class="row">
          <span>Hover delay before a card opens (milliseconds)</span>
          <input
            type="number"
            min={0}
            max={3000}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(e) => {
              const value = Number((e.target as HTMLInputElement).value);
              if (Number.isInteger(value) && value >= 0 && value <= 3000) void change({ hoverDelayMs: value });
            }}
          />
        </label>
      </section>

      <section aria-labelledby="highlights">
        <h2 id="highlights">Highlights</h2>
        <label class="row">
          <input type="checkbox" checked={settings.highlightCompanies} onChange={(e) => void change({ highlightCompanies: (e.target as HTMLInputElement).checked })} />
          <span>Underline company names</span>
        </label>
        <label class="row">
          <input type="checkbox" checked={settings.highlightFigures} onChange={(e) => void change({ highlightFigures: (e.target as HTMLInputElement).checked })} />
          <span>Highlight money and percent figures</span>
        </label>
      </section>

      <section aria-labelledby="sites">
        <h2 id="sites">Sites turned off</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">None. Footnote runs on the default news sites and on any site you enable from its popup.</p>
        ) : (
          <ul>
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => void change({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <FeedSection settings={settings} onChange={change} />
    </main>
  );
}
