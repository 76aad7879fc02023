/** A small dataset, a signed feed of it in memory, and a fake fetch that serves it (with failures on demand). */
import { webcrypto } from 'node:crypto';
import { Dataset, type CompanyRecordInput } from '../../../src/dataset/schema';
import { sha256Hex, toBase64, utf8 } from '../../../src/feed/bytes';
import { INDEX_FILE, SIGNATURE_FILE, type FeedIndex } from '../../../src/feed/format';
import type { FetchLike, FeedRequestInit, ResponseLike } from '../../../src/feed/http';
import { generateFeedKeyPair, importSigningKey, signBytes, type FeedKeyAlgorithm } from '../../../src/feed/keys';
import { buildFeed, encodeJsonFile } from '../../../src/feed/publish';

export const subtle = webcrypto.subtle as SubtleCrypto;
export const BASE = 'https://feed.example.test/footnote/';
export const NOW = Date.parse('2026-11-27T12:00:00Z');
export const DAY = 86_400_000;

const source = { url: 'https://example.com/results', title: 'Quarterly results release', published: '2026-01-15' };

export function company(id: string, name: string, capex: number): CompanyRecordInput {
  return {
    id,
    name,
    legalName: `${name} Inc.`,
    aliases: [{ text: name, kind: 'name' }],
    country: 'US',
    fiscalYearEnd: '12-31',
    description: `${name}, a cloud company made up for tests.`,
    website: 'https://example.com',
    listed: true,
    facts: [
      {
        metric: 'capex',
        period: 'FY2025',
        periodEnd: '2025-12-31',
        value: capex,
        currency: 'USD',
        basis: 'purchases of property and equipment',
        source,
      },
    ],
  };
}

export function dataset(version: string, companies: CompanyRecordInput[] = [company('acme-cloud', 'Acme Cloud', 1e9), company('globex', 'Globex', 2e9)]): Dataset {
  return Dataset.parse({
    version,
    published: '2026-11-26T00:00:00Z',
    companies,
    fx: [{ currency: 'EUR', period: '2025', unitsPerUsd: 0.92, source }],
  });
}

export interface Keys {
  privateJwk: JsonWebKey;
  publicJwk: JsonWebKey;
  signingKey: CryptoKey;
}

export async function makeKeys(algorithm: FeedKeyAlgorithm = 'ECDSA-P256'): Promise<Keys> {
  const pair = await generateFeedKeyPair(subtle, algorithm);
  return { ...pair, signingKey: await importSigningKey(subtle, pair.privateJwk) };
}

export interface PublishOptions {
  now?: number;
  expiresInDays?: number;
}

export async function publish(data: Dataset, keys: Keys, options: PublishOptions = {}) {
  return buildFeed(data, { subtle, signingKey: keys.signingKey, now: options.now ?? NOW - DAY, expiresInDays: options.expiresInDays ?? 30 });
}

/**
 * Replaces a data file with `value` (JSON) in a built feed, fixes its index entry and re-signs the index: what a
 * publisher with the real key and broken data would produce.
 */
export async function replaceFileAndResign(files: Map<string, Uint8Array<ArrayBuffer>>, keys: Keys, filePath: string, value: unknown) {
  const bytes = encodeJsonFile(value);
  files.set(filePath, bytes);
  const index = JSON.parse(new TextDecoder().decode(files.get(INDEX_FILE))) as FeedIndex;
  index.files = index.files.map((entry) => (entry.path === filePath ? { ...entry, size: bytes.length, sha256: '' } : entry));
  for (const entry of index.files) if (entry.path === filePath) entry.sha256 = await sha256Hex(subtle, bytes);
  await resignIndex(files, keys, index);
}

export async function resignIndex(files: Map<string, Uint8Array<ArrayBuffer>>, keys: Keys, index: unknown) {
  const indexBytes = utf8(JSON.stringify(index));
  files.set(INDEX_FILE, indexBytes);
  files.set(SIGNATURE_FILE, utf8(toBase64(await signBytes(subtle, keys.signingKey, indexBytes))));
}

export interface FakeRequest {
  path: string;
  init: FeedRequestInit;
}

/** What the fake server does for one request: a Response, or 'offline' (the fetch rejects), or 'hang' (until aborted). */
export type Override = (path: string, attempt: number, init: FeedRequestInit) => Response | 'offline' | 'hang' | undefined;

const etagOf = (bytes: Uint8Array) => `"${bytes.length}-${bytes.reduce((h, b) => (h * 31 + b) >>> 0, 7)}"`;

/** A fetch that serves `files` under BASE with ETag / If-None-Match, logging every request. */
export function fakeFeed(files: Map<string, Uint8Array<ArrayBuffer>>, override?: Override) {
  const requests: FakeRequest[] = [];
  const attempts = new Map<string, number>();
  const fetch: FetchLike = (url, init) => {
    const path = url.startsWith(BASE) ? url.slice(BASE.length) : url;
    requests.push({ path, init });
    const attempt = (attempts.get(path) ?? 0) + 1;
    attempts.set(path, attempt);
    const special = override?.(path, attempt, init);
    if (special === 'offline') return Promise.reject(new TypeError('fetch failed'));
    if (special === 'hang') {
      return new Promise<ResponseLike>((_, reject) => {
        init.signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      });
    }
    if (special) return Promise.resolve(special);
    const bytes = files.get(path);
    if (!bytes) return Promise.resolve(new Response('Not found', { status: 404 }));
    const etag = etagOf(bytes);
    if (init.headers['If-None-Match'] === etag) return Promise.resolve(new Response(null, { status: 304, headers: { ETag: etag } }));
    return Promise.resolve(new Response(bytes, { status: 200, headers: { ETag: etag, 'Content-Type': 'application/json' } }));
  };
  return { fetch, requests, etagOf };
}

/** A sleep that returns at once and remembers the delays asked for. */
export function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: (ms: number) => (delays.push(ms), Promise.resolve()) };
}
