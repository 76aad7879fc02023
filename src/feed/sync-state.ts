/**
 * What the background remembers between syncs, and how each sync's result changes it. Pure, so that the
 * rules (a new feed URL forgets the old ETag and hashes; a failure keeps everything but the outcome) are tested
 * without a browser.
 */
import { describeFeedError, type FeedError } from './errors';
import type { SyncFeedResult } from './client';

export interface SyncOutcome {
  status: 'updated' | 'up-to-date' | 'failed';
  /** ISO date-time. */
  at: string;
  /** Plain words for the popup and options. */
  message: string;
  error?: FeedError;
  /** The dataset version after this sync. */
  version?: string;
}

export interface SyncState {
  /** The feed these hashes and ETag belong to. */
  feedUrl: string | null;
  etag: string | null;
  expires: string | null;
  files: Record<string, string>;
  lastAttempt: string | null;
  lastSuccess: string | null;
  lastOutcome: SyncOutcome | null;
}

export const EMPTY_SYNC_STATE: SyncState = { feedUrl: null, etag: null, expires: null, files: {}, lastAttempt: null, lastSuccess: null, lastOutcome: null };

/** The held state to sync against `feedUrl`: what was learnt from another feed does not carry over. */
export function stateForFeed(state: SyncState, feedUrl: string): SyncState {
  return state.feedUrl === feedUrl ? state : { ...EMPTY_SYNC_STATE, feedUrl, lastAttempt: state.lastAttempt, lastSuccess: state.lastSuccess, lastOutcome: state.lastOutcome };
}

export function nextSyncState(state: SyncState, feedUrl: string, result: SyncFeedResult, now: Date): SyncState {
  const at = now.toISOString();
  const base = { ...stateForFeed(state, feedUrl), lastAttempt: at };
  switch (result.status) {
    case 'updated':
      return {
        ...base,
        etag: result.etag,
        expires: result.index.expires,
        files: result.files,
        lastSuccess: at,
        lastOutcome: { status: 'updated', at, version: result.dataset.version, message: `Updated to dataset ${result.dataset.version}.` },
      };
    case 'up-to-date':
      return {
        ...base,
        ...(result.index ? { etag: result.etag ?? null, expires: result.index.expires } : {}),
        lastSuccess: at,
        lastOutcome: { status: 'up-to-date', at, message: 'Already up to date.' },
      };
    case 'failed':
      return { ...base, lastOutcome: { status: 'failed', at, error: result.error, message: describeFeedError(result.error) } };
  }
}
