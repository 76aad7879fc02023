import { describe, expect, it } from 'vitest';
import { EMPTY_SYNC_STATE, nextSyncState, stateForFeed } from '../../../src/feed/sync-state';
import type { FeedIndex } from '../../../src/feed';
import type { Dataset } from '../../../src/dataset/schema';

const NOW = new Date('2026-11-26T12:00:00Z');
const index = { formatVersion: 1, datasetVersion: '2026.12.01', published: '2026-12-01T00:00:00Z', expires: '2026-12-31T00:00:00Z', files: [] } as unknown as FeedIndex;
const dataset = { version: '2026.12.01', published: '2026-12-01T00:00:00Z', companies: [], fx: [] } as Dataset;

describe('the sync state between syncs', () => {
  it('records a new ETag, expiry and file hashes after an update', () => {
    const next = nextSyncState(EMPTY_SYNC_STATE, 'https://feed.example/', { status: 'updated', dataset, index, etag: '"v2"', files: { 'meta.json': 'ab' }, downloaded: ['meta.json'] }, NOW);
    expect(next).toMatchObject({ feedUrl: 'https://feed.example/', etag: '"v2"', expires: index.expires, files: { 'meta.json': 'ab' }, lastSuccess: NOW.toISOString() });
    expect(next.lastOutcome).toMatchObject({ status: 'updated', version: '2026.12.01', message: 'Updated to dataset 2026.12.01.' });
  });

  it('keeps the hashes and ETag after a failure and says what went wrong in plain words', () => {
    const held = { ...EMPTY_SYNC_STATE, feedUrl: 'https://feed.example/', etag: '"v1"', files: { 'fx.json': 'cd' }, lastSuccess: '2026-11-01T00:00:00Z' };
    const next = nextSyncState(held, 'https://feed.example/', { status: 'failed', error: { kind: 'http', status: 500 } as never }, NOW);
    expect(next.etag).toBe('"v1"');
    expect(next.files).toEqual({ 'fx.json': 'cd' });
    expect(next.lastSuccess).toBe('2026-11-01T00:00:00Z');
    expect(next.lastAttempt).toBe(NOW.toISOString());
    expect(next.lastOutcome?.status).toBe('failed');
    expect(next.lastOutcome?.message).toMatch(/500/);
  });

  it('renews the expiry when the feed re-signs the same version', () => {
    const held = { ...EMPTY_SYNC_STATE, feedUrl: 'https://feed.example/', etag: '"v1"', expires: '2026-11-30T00:00:00Z' };
    const next = nextSyncState(held, 'https://feed.example/', { status: 'up-to-date', index, etag: '"v1b"' }, NOW);
    expect(next.expires).toBe(index.expires);
    expect(next.etag).toBe('"v1b"');
  });

  it('forgets the ETag and hashes learnt from another feed', () => {
    const held = { ...EMPTY_SYNC_STATE, feedUrl: 'https://old.example/', etag: '"x"', files: { 'meta.json': 'ff' } };
    expect(stateForFeed(held, 'https://new.example/')).toMatchObject({ feedUrl: 'https://new.example/', etag: null, files: {} });
  });
});
