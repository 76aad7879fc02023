import { describe, expect, it } from 'vitest';
import { syncFeed, type HeldFeedState, type SyncFeedOptions, type SyncFeedResult } from '../../../src/feed/client';
import { describeFeedError, type FeedError } from '../../../src/feed/errors';
import { heldFileReader } from '../../../src/feed/files';
import { INDEX_FILE, SIGNATURE_FILE, type FeedIndex } from '../../../src/feed/format';
import {
  BASE,
  company,
  dataset,
  DAY,
  fakeFeed,
  makeKeys,
  NOW,
  publish,
  recordingSleep,
  replaceFileAndResign,
  resignIndex,
  subtle,
  type Keys,
  type Override,
} from './feed-fixtures';

const NOTHING_HELD: HeldFeedState = { version: null, files: {} };

async function run(files: Map<string, Uint8Array<ArrayBuffer>>, keys: Keys, extra: Partial<SyncFeedOptions> & { override?: Override } = {}) {
  const { override, ...rest } = extra;
  const feed = fakeFeed(files, override);
  const sleeper = recordingSleep();
  const result = await syncFeed({
    feedUrl: BASE,
    publicKey: keys.publicJwk,
    held: NOTHING_HELD,
    fetch: feed.fetch,
    subtle,
    now: () => NOW,
    sleep: sleeper.sleep,
    random: () => 0.5,
    ...rest,
  });
  return { result, requests: feed.requests, delays: sleeper.delays, etagOf: feed.etagOf };
}

function failure(result: SyncFeedResult): FeedError {
  if (result.status !== 'failed') throw new Error(`expected a failure, got ${result.status}`);
  expect(result).not.toHaveProperty('dataset');
  return result.error;
}

describe('syncFeed: updates', () => {
  it('a first sync downloads every file and returns the whole published dataset', async () => {
    const keys = await makeKeys();
    const data = dataset('2026.11.26');
    const { files, index } = await publish(data, keys);
    const { result } = await run(files, keys);
    expect(result.status).toBe('updated');
    if (result.status !== 'updated') return;
    expect(result.dataset).toEqual(data);
    expect(result.index).toEqual(index);
    expect(result.etag).toMatch(/^"/);
    expect(result.downloaded).toEqual(['companies/acme-cloud.json', 'companies/globex.json', 'fx.json', 'meta.json']);
    expect(result.files).toEqual(Object.fromEntries(index.files.map((e) => [e.path, e.sha256])));
  });

  it('accepts the URL of index.json itself as the feed URL', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    const { result, requests } = await run(files, keys, { feedUrl: `${BASE}index.json` });
    expect(result.status).toBe('updated');
    expect(requests.map((r) => r.path).slice(0, 2)).toEqual([INDEX_FILE, SIGNATURE_FILE]);
  });

  it('a newer version downloads only the files whose hash changed and reads the rest from what is held', async () => {
    const keys = await makeKeys();
    const old = dataset('2026.11.26');
    const first = await run((await publish(old, keys)).files, keys);
    if (first.result.status !== 'updated') throw new Error('first sync failed');

    const next = dataset('2027.02.20', [company('acme-cloud', 'Acme Cloud', 1e9), company('globex', 'Globex', 3.5e9)]);
    const { result, requests } = await run((await publish(next, keys)).files, keys, {
      held: { version: old.version, etag: first.result.etag, files: first.result.files, readFile: heldFileReader(first.result.dataset) },
    });
    expect(result.status).toBe('updated');
    if (result.status !== 'updated') return;
    expect(result.downloaded).toEqual(['companies/globex.json', 'meta.json']);
    expect(requests.map((r) => r.path)).not.toContain('companies/acme-cloud.json');
    expect(result.dataset).toEqual(next);
  });

  it('downloads a held file again when the held copy is missing or no longer valid', async () => {
    const keys = await makeKeys();
    const old = dataset('2026.11.26');
    const oldFeed = await publish(old, keys);
    const held = Object.fromEntries(oldFeed.index.files.map((e) => [e.path, e.sha256]));
    const next = dataset('2027.02.20');
    const { result } = await run((await publish(next, keys)).files, keys, {
      held: {
        version: old.version,
        files: held,
        readFile: (path) => Promise.resolve(path === 'fx.json' ? { rates: 'broken' } : undefined),
      },
    });
    expect(result.status).toBe('updated');
    if (result.status !== 'updated') return;
    expect(result.downloaded).toEqual(['companies/acme-cloud.json', 'companies/globex.json', 'fx.json', 'meta.json']);
    expect(result.dataset).toEqual(next);
  });
});

describe('syncFeed: up to date', () => {
  it('sends the held ETag as If-None-Match and treats 304 as up to date without fetching anything else', async () => {
    const keys = await makeKeys();
    const { files, index } = await publish(dataset('2026.11.26'), keys);
    const feed = fakeFeed(files);
    const etag = feed.etagOf(files.get(INDEX_FILE) as Uint8Array);
    const { result, requests } = await run(files, keys, {
      held: { version: '2026.11.26', etag, expires: index.expires, files: {} },
    });
    expect(result).toEqual({ status: 'up-to-date' });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.init.headers['If-None-Match']).toBe(etag);
  });

  it('does not send an ETag when no dataset is held', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    const { requests } = await run(files, keys, { held: { version: null, etag: '"stale"', files: {} } });
    expect(requests[0]?.init.headers).not.toHaveProperty('If-None-Match');
  });

  it('a 304 after the held index expired is reported as an expired (frozen) feed', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    const feed = fakeFeed(files);
    const etag = feed.etagOf(files.get(INDEX_FILE) as Uint8Array);
    const expires = new Date(NOW - DAY).toISOString();
    const { result } = await run(files, keys, { held: { version: '2026.11.26', etag, expires, files: {} } });
    expect(failure(result)).toEqual({ kind: 'expired', expires });
  });

  it('the same version re-signed with a later expiry is up to date and hands back the fresh index and ETag', async () => {
    const keys = await makeKeys();
    const { files, index } = await publish(dataset('2026.11.26'), keys);
    const { result } = await run(files, keys, { held: { version: '2026.11.26', etag: '"older"', files: {} } });
    expect(result.status).toBe('up-to-date');
    if (result.status !== 'up-to-date') return;
    expect(result.index).toEqual(index);
    expect(result.etag).toMatch(/^"/);
  });
});

describe('syncFeed: refusals', () => {
  it('refuses an index signed by a key other than the pinned one', async () => {
    const keys = await makeKeys();
    const forger = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), forger);
    const error = failure((await run(files, keys)).result);
    expect(error.kind).toBe('bad-signature');
    expect(describeFeedError(error)).toBe("The feed's signature does not match its key: the update was refused and your current data was kept.");
  });

  it('refuses an index changed after it was signed', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    const text = new TextDecoder().decode(files.get(INDEX_FILE)).replace('2026.11.26', '2099.01.01');
    files.set(INDEX_FILE, new TextEncoder().encode(text));
    expect(failure((await run(files, keys)).result).kind).toBe('bad-signature');
  });

  it('refuses a signature file that is not base64', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    files.set(SIGNATURE_FILE, new TextEncoder().encode('not a signature!'));
    expect(failure((await run(files, keys)).result)).toMatchObject({ kind: 'bad-signature' });
  });

  it('refuses an expired index', async () => {
    const keys = await makeKeys();
    const { files, index } = await publish(dataset('2026.11.26'), keys, { now: NOW - 40 * DAY, expiresInDays: 30 });
    expect(failure((await run(files, keys)).result)).toEqual({ kind: 'expired', expires: index.expires });
  });

  it('refuses an older version than the one held (rollback), naming both', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    const error = failure((await run(files, keys, { held: { version: '2027.02.20', files: {} } })).result);
    expect(error).toEqual({ kind: 'rollback', held: '2027.02.20', offered: '2026.11.26' });
    expect(describeFeedError(error)).toContain('older than the version 2027.02.20');
  });

  it('refuses a file whose bytes do not match the signed hash, and returns no dataset', async () => {
    const keys = await makeKeys();
    const { files, index } = await publish(dataset('2026.11.26'), keys);
    const original = files.get('companies/globex.json') as Uint8Array<ArrayBuffer>;
    files.set('companies/globex.json', new TextEncoder().encode(new TextDecoder().decode(original).replace('2000000000', '2000000001')));
    const error = failure((await run(files, keys)).result);
    expect(error).toMatchObject({
      kind: 'hash-mismatch',
      file: 'companies/globex.json',
      expected: index.files.find((e) => e.path === 'companies/globex.json')?.sha256,
    });
  });

  it('refuses a signed file that breaks the dataset schema, naming the file and the field', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    const broken = { ...company('globex', 'Globex', 2e9), country: 'United States' };
    await replaceFileAndResign(files, keys, 'companies/globex.json', broken);
    const error = failure((await run(files, keys)).result);
    expect(error).toMatchObject({ kind: 'schema', file: 'companies/globex.json' });
    expect(error.kind === 'schema' && error.message).toContain('country');
  });

  it('refuses a meta.json whose version differs from the index', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    await replaceFileAndResign(files, keys, 'meta.json', { version: '2026.11.25', published: '2026-11-26T00:00:00Z' });
    expect(failure((await run(files, keys)).result)).toMatchObject({ kind: 'schema', file: 'meta.json' });
  });

  it('refuses a company file filed under another id', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    await replaceFileAndResign(files, keys, 'companies/globex.json', company('acme-cloud', 'Acme Cloud', 1e9));
    expect(failure((await run(files, keys)).result)).toMatchObject({ kind: 'schema', file: 'companies/globex.json' });
  });

  it('refuses an index with a path outside the feed layout', async () => {
    const keys = await makeKeys();
    const { files, index } = await publish(dataset('2026.11.26'), keys);
    const hostile: FeedIndex = { ...index, files: index.files.map((e) => (e.kind === 'company' ? { ...e, path: '../../etc/passwd' } : e)) };
    await resignIndex(files, keys, hostile);
    expect(failure((await run(files, keys)).result)).toMatchObject({ kind: 'schema', file: INDEX_FILE });
  });

  it('refuses an index larger than the cap while reading it', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    const { result, requests } = await run(files, keys, { limits: { maxBytes: 200 } });
    expect(failure(result)).toEqual({ kind: 'too-large', url: `${BASE}index.json`, limit: 200 });
    expect(requests).toHaveLength(1);
  });

  it('stops reading a streamed body without Content-Length once it passes the cap', async () => {
    const keys = await makeKeys();
    let pulled = 0;
    const endless = (): Response =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled++;
            controller.enqueue(new Uint8Array(1024).fill(32));
          },
        }),
        { status: 200 },
      );
    const { result } = await run(new Map(), keys, { limits: { maxBytes: 10_000 }, override: () => endless() });
    expect(failure(result)).toMatchObject({ kind: 'too-large', limit: 10_000 });
    expect(pulled).toBeLessThan(20);
  });

  it('refuses, before downloading, a file the index says is over the cap', async () => {
    const keys = await makeKeys();
    const { files, index } = await publish(dataset('2026.11.26'), keys);
    const huge: FeedIndex = { ...index, files: index.files.map((e) => (e.path === 'fx.json' ? { ...e, size: 6 * 1024 * 1024 } : e)) };
    await resignIndex(files, keys, huge);
    const { result, requests } = await run(files, keys);
    expect(failure(result)).toEqual({ kind: 'too-large', url: 'fx.json', limit: 5 * 1024 * 1024 });
    expect(requests.map((r) => r.path)).toEqual([INDEX_FILE, SIGNATURE_FILE]);
  });

  it('reports a captive portal page as not JSON with the sign-in hint', async () => {
    const keys = await makeKeys();
    const portal = () => new Response('<!doctype html><title>Sign in to Wi-Fi</title>', { status: 200, headers: { 'Content-Type': 'text/html' } });
    const error = failure((await run(new Map(), keys, { override: portal })).result);
    expect(error).toEqual({ kind: 'not-json', url: `${BASE}index.json`, looksLikeHtml: true });
    expect(describeFeedError(error)).toContain('captive portal');
  });

  it('refuses a feed URL that is not http(s) without fetching', async () => {
    const keys = await makeKeys();
    const { result, requests } = await run(new Map(), keys, { feedUrl: 'ftp://example.com/feed' });
    expect(failure(result)).toEqual({ kind: 'bad-url', url: 'ftp://example.com/feed' });
    expect(requests).toHaveLength(0);
  });
});

describe('syncFeed: network trouble', () => {
  it('retries HTTP 500 with growing backoff, then succeeds', async () => {
    const keys = await makeKeys();
    const data = dataset('2026.11.26');
    const { files } = await publish(data, keys);
    const { result, requests, delays } = await run(files, keys, {
      limits: { backoffMs: 100 },
      override: (path, attempt) => (path === INDEX_FILE && attempt <= 2 ? new Response('oops', { status: 500 }) : undefined),
    });
    expect(result.status).toBe('updated');
    expect(requests.filter((r) => r.path === INDEX_FILE)).toHaveLength(3);
    // Equal jitter with random() = 0.5: 3/4 of 100 * 2^attempt.
    expect(delays).toEqual([75, 150]);
  });

  it('gives up after the configured retries and reports the HTTP status', async () => {
    const keys = await makeKeys();
    const { result, requests, delays } = await run(new Map(), keys, { override: () => new Response('down', { status: 503 }) });
    expect(failure(result)).toEqual({ kind: 'http', url: `${BASE}index.json`, status: 503 });
    expect(requests).toHaveLength(4);
    expect(delays).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    const keys = await makeKeys();
    const { result, requests } = await run(new Map(), keys);
    expect(failure(result)).toMatchObject({ kind: 'http', status: 404 });
    expect(requests).toHaveLength(1);
  });

  it('does not retry a hash mismatch', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    files.set('fx.json', new TextEncoder().encode('{"rates":[]}\n'));
    const { result, requests } = await run(files, keys);
    expect(failure(result).kind).toBe('hash-mismatch');
    expect(requests.filter((r) => r.path === 'fx.json')).toHaveLength(1);
  });

  it('times out a request that does not answer, retrying before giving up', async () => {
    const keys = await makeKeys();
    const { result, requests } = await run(new Map(), keys, { limits: { timeoutMs: 30, retries: 1 }, override: () => 'hang' });
    expect(failure(result)).toEqual({ kind: 'timeout', url: `${BASE}index.json`, ms: 30 });
    expect(requests).toHaveLength(2);
    expect(requests[0]?.init.signal.aborted).toBe(true);
  });

  it('times out a body that stalls after the headers', async () => {
    const keys = await makeKeys();
    const stalled = () => new Response(new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new Uint8Array([123])) }), { status: 200 });
    const { result } = await run(new Map(), keys, { limits: { timeoutMs: 30, retries: 0 }, override: stalled });
    expect(failure(result)).toMatchObject({ kind: 'timeout' });
  });

  it('reports being offline after retrying a failing connection', async () => {
    const keys = await makeKeys();
    const { result, requests, delays } = await run(new Map(), keys, { override: () => 'offline' });
    expect(failure(result)).toMatchObject({ kind: 'offline', url: `${BASE}index.json` });
    expect(requests).toHaveLength(4);
    expect(delays).toEqual([750, 1500, 3000]);
  });

  it('recovers when a data file fails once with a network error', async () => {
    const keys = await makeKeys();
    const data = dataset('2026.11.26');
    const { files } = await publish(data, keys);
    const { result } = await run(files, keys, { override: (path, attempt) => (path === 'fx.json' && attempt === 1 ? 'offline' : undefined) });
    expect(result.status === 'updated' && result.dataset).toEqual(data);
  });

  it('asks for fresh copies and sends no credentials', async () => {
    const keys = await makeKeys();
    const { files } = await publish(dataset('2026.11.26'), keys);
    const { requests } = await run(files, keys);
    expect(requests.find((r) => r.path === INDEX_FILE)?.init).toMatchObject({ cache: 'no-store', credentials: 'omit' });
    expect(requests.find((r) => r.path === 'fx.json')?.init).toMatchObject({ cache: 'no-cache', credentials: 'omit' });
  });
});
