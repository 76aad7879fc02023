/**
 * The feed sync in the background: on a schedule (alarms) and on "Sync now". It verifies everything before it
 * swaps the new dataset in, in one transaction with the new sync state; any failure leaves the old dataset and
 * its version in place and is recorded for the popup and options to show.
 */
import browser from 'webextension-polyfill';
import { heldFileReader, syncFeed, type PinnedKey } from '../../src/feed';
import { EMPTY_SYNC_STATE, nextSyncState, stateForFeed, type SyncState } from '../../src/feed/sync-state';
import type { Settings } from '../../src/settings/settings';
import type { DatasetStore } from './dataset-store';
import type { Dataset } from '../../src/dataset/schema';

export const SYNC_ALARM = 'footnote-sync';
const SYNC_KEY = 'sync';

export interface FeedTarget {
  feedUrl: string;
  publicKey: PinnedKey;
}

/** The feed to sync from: the reader's own (with its key), else the build's default. */
export function feedTarget(settings: Settings): FeedTarget | { error: string } {
  if (!settings.feedUrl) return { feedUrl: __FOOTNOTE_FEED_URL__, publicKey: __FOOTNOTE_FEED_PUBLIC_KEY__ as PinnedKey };
  if (!settings.feedPublicKey) return { feedUrl: settings.feedUrl, publicKey: __FOOTNOTE_FEED_PUBLIC_KEY__ as PinnedKey };
  try {
    return { feedUrl: settings.feedUrl, publicKey: JSON.parse(settings.feedPublicKey) as PinnedKey };
  } catch {
    return { error: 'The custom feed’s public key is not valid JSON (a JWK is expected).' };
  }
}

export class FeedSync {
  private running: Promise<SyncState> | null = null;
  private memoryState: SyncState = EMPTY_SYNC_STATE;

  constructor(
    private readonly store: DatasetStore,
    private readonly getSettings: () => Promise<Settings>,
    /** Called after a new dataset from the feed is in place. */
    private readonly onUpdated: (dataset: Dataset) => Promise<void> = async () => {},
  ) {}

  async state(): Promise<SyncState & { running: boolean }> {
    const db = await this.store.database();
    const stored = db ? ((await db.get('meta', SYNC_KEY)) as SyncState | undefined) : this.memoryState;
    return { ...EMPTY_SYNC_STATE, ...stored, running: this.running !== null };
  }

  private async save(state: SyncState): Promise<void> {
    const db = await this.store.database();
    if (db) await db.put('meta', state, SYNC_KEY);
    else this.memoryState = state;
  }

  /** Runs one sync; a second call while one runs waits for the same one. */
  syncNow(): Promise<SyncState> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<SyncState> {
    const settings = await this.getSettings();
    const previous = await this.state();
    const target = feedTarget(settings);
    const now = new Date();
    if ('error' in target) {
      const failed: SyncState = {
        ...previous,
        lastAttempt: now.toISOString(),
        lastOutcome: { status: 'failed', at: now.toISOString(), message: target.error },
      };
      await this.save(failed);
      return failed;
    }
    const dataset = await this.store.get();
    const held = stateForFeed(previous, target.feedUrl);
    const result = await syncFeed({
      feedUrl: target.feedUrl,
      publicKey: target.publicKey,
      held: { version: dataset.version, etag: held.etag, expires: held.expires, files: held.files, readFile: heldFileReader(dataset) },
      fetch: (url, init) => fetch(url, init),
      subtle: crypto.subtle,
      limits: { timeoutMs: settings.feedTimeoutSeconds * 1000 },
    });
    const next = nextSyncState(previous, target.feedUrl, result, new Date());
    if (result.status === 'updated') {
      await this.store.apply(result.dataset, 'feed', { [SYNC_KEY]: next });
      await this.onUpdated(result.dataset).catch((error: unknown) => console.error('Footnote: after the update', error));
    } else await this.save(next);
    return next;
  }

  /** Keeps the alarm in step with the reader's interval (0 = off). */
  async schedule(settings: Settings): Promise<void> {
    const hours = settings.syncIntervalHours;
    const existing = await browser.alarms.get(SYNC_ALARM);
    if (hours <= 0) {
      if (existing) await browser.alarms.clear(SYNC_ALARM);
      return;
    }
    const minutes = hours * 60;
    if (existing?.periodInMinutes === minutes) return;
    await browser.alarms.create(SYNC_ALARM, { delayInMinutes: Math.min(minutes, 1), periodInMinutes: minutes });
  }
}
