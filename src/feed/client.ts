/**
 * The feed client's whole protocol, with its I/O passed in: fetch the index (conditionally), verify it, plan the
 * update, download and check the changed files, and assemble a complete Dataset. It returns either a whole new
 * dataset or nothing: the background writes an `updated` result in one transaction, so a failure at any step
 * leaves the old dataset and its version in place.
 */
import { assembleDataset, DatasetError, describeIssues, type NamedInput } from '../dataset/assemble';
import type { Dataset } from '../dataset/schema';
import { decodeUtf8 } from './bytes';
import { FeedFailure, type FeedError } from './errors';
import { SCHEMA_OF_KIND } from './files';
import { companyIdOfPath, INDEX_FILE, type FeedFileEntry, type FeedIndex } from './format';
import { getWithRetries, type FetchLike, type RequestPolicy } from './http';
import { planFeedUpdate } from './plan';
import { checkFile, looksLikeHtml, verifyIndex, type PinnedKey } from './verify';

export interface FeedLimits {
  /** Per request, body included. */
  timeoutMs: number;
  /** Per response. */
  maxBytes: number;
  /** Further attempts after a network error, a timeout or a 5xx/408/429. */
  retries: number;
  /** First backoff delay; each retry doubles it (with jitter). */
  backoffMs: number;
  /** Files downloaded at the same time. */
  concurrency: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  retries: 3,
  backoffMs: 1_000,
  concurrency: 4,
};

/** A signature is under a hundred bytes of base64: anything much larger is not one. */
const MAX_SIGNATURE_BYTES = 16 * 1024;

/** What the background holds from earlier syncs (or from the bundled snapshot). */
export interface HeldFeedState {
  /** The dataset version in use (the bundled snapshot's at first), or null when none. */
  version: string | null;
  /** ETag of the last index applied or confirmed, sent as If-None-Match. */
  etag?: string | null;
  /** Expiry of that index: a 304 after it is a frozen feed, not an up-to-date one. */
  expires?: string | null;
  /** SHA-256 by path of the files held from the last update. */
  files: Readonly<Record<string, string>>;
  /**
   * The JSON value of a held file (see `heldFileReader` in files.ts); undefined when not held, and the client then
   * downloads it.
   */
  readFile?: (path: string) => Promise<unknown>;
}

export interface SyncFeedOptions {
  /** The feed folder (`https://host/feed/`) or its index (`https://host/feed/index.json`). */
  feedUrl: string;
  /** The key pinned in the build; several during a key rotation. */
  publicKey: PinnedKey | readonly PinnedKey[];
  held: HeldFeedState;
  fetch: FetchLike;
  subtle: SubtleCrypto;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  limits?: Partial<FeedLimits>;
}

export type SyncFeedResult =
  | {
      status: 'updated';
      dataset: Dataset;
      index: FeedIndex;
      etag: string | null;
      /** SHA-256 by path of every file of the new dataset: the next sync's `held.files`. */
      files: Record<string, string>;
      /** Paths actually downloaded (the others were unchanged and read from what was held). */
      downloaded: string[];
    }
  /** `index` and `etag` are present when a fresh index was fetched and verified (same version, maybe a later expiry). */
  | { status: 'up-to-date'; index?: FeedIndex; etag?: string | null }
  | { status: 'failed'; error: FeedError };

export interface FeedUrls {
  index: string;
  signature: string;
}

/** The index and signature URLs of a feed URL, or null when it is not an http(s) URL. */
export function resolveFeedUrls(feedUrl: string): FeedUrls | null {
  let url: URL;
  try {
    url = new URL(feedUrl.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.hash = '';
  if (!url.pathname.endsWith('.json')) {
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    url.pathname += INDEX_FILE;
  }
  const signature = new URL(url.href);
  signature.pathname += '.sig';
  return { index: url.href, signature: signature.href };
}

export async function syncFeed(options: SyncFeedOptions): Promise<SyncFeedResult> {
  try {
    return await sync(options);
  } catch (error) {
    if (error instanceof FeedFailure) return { status: 'failed', error: error.error };
    throw error;
  }
}

async function sync(options: SyncFeedOptions): Promise<SyncFeedResult> {
  const limits = { ...DEFAULT_FEED_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const policy: RequestPolicy = {
    fetch: options.fetch,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    timeoutMs: limits.timeoutMs,
    retries: limits.retries,
    backoffMs: limits.backoffMs,
  };
  const { held } = options;
  const urls = resolveFeedUrls(options.feedUrl);
  if (!urls) throw new FeedFailure({ kind: 'bad-url', url: options.feedUrl });

  // An ETag only means something alongside the data it came with.
  const conditional = held.etag && held.version !== null ? { 'If-None-Match': held.etag } : undefined;
  const indexResponse = await getWithRetries(
    urls.index,
    { maxBytes: limits.maxBytes, cache: 'no-store', ...(conditional ? { headers: conditional } : {}) },
    policy,
  );
  if (indexResponse.status === 304) {
    if (!conditional) throw new FeedFailure({ kind: 'http', url: urls.index, status: 304 });
    // The server says nothing changed; past the held index's expiry that is a frozen feed (TUF's freeze attack).
    if (held.expires && Date.parse(held.expires) <= now()) throw new FeedFailure({ kind: 'expired', expires: held.expires });
    return { status: 'up-to-date' };
  }
  // A portal page is reported as such before the signature check would call it a forgery.
  assertJson(indexResponse.bytes, urls.index);

  const signatureResponse = await getWithRetries(urls.signature, { maxBytes: MAX_SIGNATURE_BYTES, cache: 'no-store' }, policy);
  const signatureText = decodeUtf8(signatureResponse.bytes);
  if (signatureText !== null && looksLikeHtml(signatureText)) {
    throw new FeedFailure({ kind: 'not-json', url: urls.signature, looksLikeHtml: true });
  }
  const verified = await verifyIndex(indexResponse.bytes, signatureResponse.bytes, options.publicKey, {
    subtle: options.subtle,
    now: now(),
    heldVersion: held.version,
    url: urls.index,
  });
  if (!verified.ok) throw new FeedFailure(verified.error);
  const { index } = verified;

  const plan = planFeedUpdate(index, held);
  if (plan.action === 'refuse') throw new FeedFailure(plan.error);
  if (plan.action === 'none') return { status: 'up-to-date', index, etag: indexResponse.etag };

  const values = new Map<string, unknown>();
  const download = [...plan.download];
  for (const entry of plan.keep) {
    const value = await readHeld(held, entry);
    if (value === undefined) download.push(entry);
    else values.set(entry.path, value);
  }
  for (const entry of download) {
    if (entry.size > limits.maxBytes) throw new FeedFailure({ kind: 'too-large', url: entry.path, limit: limits.maxBytes });
  }
  await runPool(download, limits.concurrency, async (entry) => {
    values.set(entry.path, await downloadFile(entry, urls.index, limits.maxBytes, policy, options.subtle));
  });

  const dataset = assemble(index, values);
  const files: Record<string, string> = {};
  for (const entry of index.files) files[entry.path] = entry.sha256;
  return {
    status: 'updated',
    dataset,
    index,
    etag: indexResponse.etag,
    files,
    downloaded: download.map((entry) => entry.path).sort(),
  };
}

function assertJson(bytes: Uint8Array, url: string): void {
  const text = decodeUtf8(bytes);
  try {
    if (text === null) throw new SyntaxError('not UTF-8');
    JSON.parse(text);
  } catch {
    throw new FeedFailure({ kind: 'not-json', url, looksLikeHtml: text !== null && looksLikeHtml(text) });
  }
}

/** A held file's value if it is still valid for its kind; otherwise undefined, and it is downloaded again. */
async function readHeld(held: HeldFeedState, entry: FeedFileEntry): Promise<unknown> {
  if (!held.readFile) return undefined;
  try {
    const value = await held.readFile(entry.path);
    if (value === undefined) return undefined;
    return SCHEMA_OF_KIND[entry.kind].safeParse(value).success ? value : undefined;
  } catch {
    return undefined;
  }
}

async function downloadFile(
  entry: FeedFileEntry,
  indexUrl: string,
  maxBytes: number,
  policy: RequestPolicy,
  subtle: SubtleCrypto,
): Promise<unknown> {
  const url = new URL(entry.path, indexUrl).href;
  // The hash check makes a stale cached copy harmless, but revalidating avoids failing on one.
  const response = await getWithRetries(url, { maxBytes, cache: 'no-cache' }, policy);
  const checked = await checkFile(response.bytes, entry, subtle);
  if (!checked.ok) throw new FeedFailure(checked.error);
  // The bytes are the ones the publisher signed for: if they are not JSON, the publisher built a bad feed.
  const text = decodeUtf8(response.bytes);
  let value: unknown;
  try {
    if (text === null) throw new SyntaxError('not UTF-8');
    value = JSON.parse(text);
  } catch (error) {
    throw new FeedFailure({ kind: 'schema', file: entry.path, message: `not valid JSON (${(error as Error).message})` });
  }
  const parsed = SCHEMA_OF_KIND[entry.kind].safeParse(value);
  if (!parsed.success) {
    throw new FeedFailure({ kind: 'schema', file: entry.path, message: describeIssues(entry.path, parsed.error).join('; ') });
  }
  return value;
}

/** Joins the files into a Dataset, checking that they belong together: the meta's version and each company's id. */
function assemble(index: FeedIndex, values: ReadonlyMap<string, unknown>): Dataset {
  let meta: NamedInput | undefined;
  let fx: NamedInput | undefined;
  const companies: NamedInput[] = [];
  for (const entry of index.files) {
    const input: NamedInput = { file: entry.path, value: values.get(entry.path) };
    if (entry.kind === 'meta') meta = input;
    else if (entry.kind === 'fx') fx = input;
    else {
      const id = (input.value as { id?: unknown }).id;
      if (id !== companyIdOfPath(entry.path)) {
        throw new FeedFailure({ kind: 'schema', file: entry.path, message: `the company id ${String(id)} does not match the file name` });
      }
      companies.push(input);
    }
  }
  // The index's schema guarantees exactly one of each.
  if (!meta || !fx) throw new FeedFailure({ kind: 'schema', file: INDEX_FILE, message: 'the index lists no meta or fx file' });
  const version = (meta.value as { version?: unknown }).version;
  if (version !== index.datasetVersion) {
    throw new FeedFailure({
      kind: 'schema',
      file: meta.file,
      message: `dataset version ${String(version)} does not match the index's ${index.datasetVersion}`,
    });
  }
  try {
    return assembleDataset(meta, companies, fx);
  } catch (error) {
    if (error instanceof DatasetError) {
      throw new FeedFailure({ kind: 'schema', file: firstFileOf(error.problems) ?? 'dataset', message: error.problems.join('; ') });
    }
    throw error;
  }
}

function firstFileOf(problems: readonly string[]): string | undefined {
  return problems[0]?.split(':')[0];
}

/** Runs `task` over `items` with at most `width` at a time; the first failure stops new tasks and is rethrown. */
async function runPool<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
  if (failure) throw failure.error;
}
