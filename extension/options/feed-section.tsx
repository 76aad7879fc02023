/**
 * The feed: which one (the build's default, or the reader's own with its public key), how often to sync,
 * "Sync now", the dataset version and the last sync's outcome and time.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../src/settings/settings';
import type { SyncState } from '../../src/feed/sync-state';
import { ask } from '../shared/ask';

export interface StatusReply {
  version: string;
  published: string;
  origin: 'bundled' | 'feed';
  storage: 'indexeddb' | 'memory';
  storageError: string | null;
  sync: (SyncState & { running: boolean }) | null;
}

const INTERVALS: Array<[number, string]> = [
  [0, 'Off (only “Sync now”)'],
  [6, 'Every 6 hours'],
  [12, 'Every 12 hours'],
  [24, 'Every day'],
  [168, 'Every week'],
];

function when(iso: string | null | undefined): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function FeedSection({ settings, onChange }: { settings: Settings; onChange(patch: Partial<Settings>): Promise<void> }) {
  const [status, setStatus] = useState<StatusReply | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [feedUrl, setFeedUrl] = useState(settings.feedUrl);
  const [publicKey, setPublicKey] = useState(settings.feedPublicKey);
  const [formError, setFormError] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);

  const refresh = () =>
    ask<StatusReply>({ type: 'get-status' }).then(
      (s) => {
        setStatus(s);
        setStatusError(null);
      },
      (e: unknown) => setStatusError(e instanceof Error ? e.message : String(e)),
    );
  useEffect(() => void refresh(), []);

  const saveFeed = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    const url = feedUrl.trim();
    if (url) {
      try {
        const parsed = new URL(url);
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error();
      } catch {
        setFormError('The feed URL must be an http or https address, such as https://example.org/footnote-feed/.');
        return;
      }
    }
    const key = publicKey.trim();
    if (key) {
      try {
        const jwk = JSON.parse(key) as { kty?: unknown; d?: unknown };
        if (typeof jwk !== 'object' || jwk === null || typeof jwk.kty !== 'string') throw new Error('not a JWK');
        if (jwk.d !== undefined) {
          setFormError('That is a private key. Paste the feed’s public key only (feed-public-key.json).');
          return;
        }
      } catch {
        setFormError('The public key must be a JSON Web Key, as written by npm run feed:keygen.');
        return;
      }
    }
    await onChange({ feedUrl: url, feedPublicKey: key });
  };

  const syncNow = async () => {
    setSyncing(true);
    try {
      await ask({ type: 'sync-now' });
    } catch (e) {
      setStatusError(e instanceof Error ? e.message : String(e));
    } finally {
      // The new outcome first: leaving "syncing…" before it has come would show the previous sync's outcome meanwhile.
      await refresh();
      setSyncing(false);
    }
  };

  const outcome = status?.sync?.lastOutcome ?? null;
  return (
    <section aria-labelledby="feed">
      <h2 id="feed">Data and updates</h2>
      {status ? (
        <p class="dataset-version">
          Dataset version <strong>{status.version}</strong>, published {status.published.slice(0, 10)} (
          {status.origin === 'feed' ? 'from the feed' : 'bundled with Footnote'}).
          {status.storage === 'memory'
            ? ` IndexedDB is not available here (${status.storageError ?? 'unknown reason'}): Footnote runs on its bundled data and cannot save notes.`
            : ''}
        </p>
      ) : statusError ? (
        <p class="error" role="alert">
          {statusError}
        </p>
      ) : (
        <p class="muted">Reading the dataset…</p>
      )}

      <div class="last-sync" role="status" aria-live="polite">
        <strong>Last sync:</strong>{' '}
        {syncing || status?.sync?.running
          ? 'syncing…'
          : outcome
            ? `${outcome.status === 'failed' ? 'failed' : outcome.status === 'updated' ? 'updated' : 'up to date'}, ${when(outcome.at)}. ${outcome.message}`
            : 'never.'}
      </div>
      <p>
        <button type="button" onClick={() => void syncNow()} disabled={syncing}>
          Sync now
        </button>
      </p>

      <label class="row">
        <span>Automatic sync</span>
        <select value={String(settings.syncIntervalHours)} onChange={(e) => void onChange({ syncIntervalHours: Number((e.target as HTMLSelectElement).value) })}>
          {INTERVALS.map(([hours, label]) => (
            <option key={hours} value={String(hours)}>
              {label}
            </option>
          ))}
        </select>
      </label>

      <label class="row">
        <span>Feed request timeout (seconds)</span>
        <input
          type="number"
          min={1}
          max={120}
          value={settings.feedTimeoutSeconds}
          onChange={(e) => {
            const value = Number((e.target as HTMLInputElement).value);
            if (value >= 1 && value <= 120) void onChange({ feedTimeoutSeconds: value });
          }}
        />
      </label>

      <form onSubmit={(e) => void saveFeed(e)} class="feed-form">
        <label class="stack">
          <span>Feed URL</span>
          <input
            type="url"
            value={feedUrl}
            placeholder={`Default: ${__FOOTNOTE_FEED_URL__}`}
            onInput={(e) => setFeedUrl((e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="stack">
          <span>Feed public key (for a feed of your own; leave empty for the default feed’s key)</span>
          <textarea rows={3} value={publicKey} onInput={(e) => setPublicKey((e.target as HTMLTextAreaElement).value)} />
        </label>
        {formError ? (
          <p class="error" role="alert">
            {formError}
          </p>
        ) : null}
        <p>
          <button type="submit">Save feed</button>{' '}
          {settings.feedUrl ? (
            <button
              type="button"
              onClick={() => {
                setFeedUrl('');
                setPublicKey('');
                void onChange({ feedUrl: '', feedPublicKey: '' });
              }}
            >
              Use the default feed
            </button>
          ) : null}
        </p>
      </form>
    </section>
  );
}
