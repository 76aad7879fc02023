/**
 * One careful GET for the feed client: a timeout that covers the body too, a cap on the body's size (read from
 * the stream and abandoned when over), typed errors, and retries with exponential backoff and jitter for the
 * errors that may pass (network, timeout, 5xx, 408, 429).
 */
import { FeedFailure, isRetryable } from './errors';

/** The part of the Fetch API the client uses, so that tests and the background can pass their own. */
export type FetchLike = (url: string, init: FeedRequestInit) => Promise<ResponseLike>;

export interface FeedRequestInit {
  method: 'GET';
  headers: Record<string, string>;
  signal: AbortSignal;
  cache: RequestCache;
  credentials: RequestCredentials;
  redirect: RequestRedirect;
}

export interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  body?: ReadableStream<Uint8Array> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface RequestPolicy {
  fetch: FetchLike;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
}

export interface Fetched {
  status: number;
  etag: string | null;
  contentType: string | null;
  /** Empty for 304. */
  bytes: Uint8Array<ArrayBuffer>;
}

export interface GetOptions {
  headers?: Record<string, string>;
  /** Bytes beyond this refuse the response as too large. */
  maxBytes: number;
  cache: RequestCache;
}

/** Equal jitter: half the exponential delay, plus a random part of the other half, so clients do not retry in step. */
export function backoffDelay(attempt: number, baseMs: number, random: () => number): number {
  const delay = baseMs * 2 ** attempt;
  return Math.round(delay / 2 + random() * (delay / 2));
}

export async function getWithRetries(url: string, options: GetOptions, policy: RequestPolicy): Promise<Fetched> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await getOnce(url, options, policy);
    } catch (error) {
      if (!(error instanceof FeedFailure) || !isRetryable(error.error) || attempt >= policy.retries) throw error;
      await policy.sleep(backoffDelay(attempt, policy.backoffMs, policy.random));
    }
  }
}

const TIMED_OUT = Symbol('timed out');

async function getOnce(url: string, options: GetOptions, policy: RequestPolicy): Promise<Fetched> {
  const controller = new AbortController();
  // Rejects when the time is up even if a fetch implementation ignores the abort signal.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(TIMED_OUT);
    }, policy.timeoutMs);
  });
  deadline.catch(() => undefined);
  const fail = (error: unknown): never => {
    if (error instanceof FeedFailure) throw error;
    if (error === TIMED_OUT || controller.signal.aborted) throw new FeedFailure({ kind: 'timeout', url, ms: policy.timeoutMs });
    throw new FeedFailure({ kind: 'offline', url, detail: error instanceof Error ? error.message : String(error) });
  };
  try {
    const response = await Promise.race([
      policy.fetch(url, {
        method: 'GET',
        headers: { Accept: 'application/json, text/plain;q=0.9', ...options.headers },
        signal: controller.signal,
        cache: options.cache,
        // The feed is public: no cookies or credentials go to it.
        credentials: 'omit',
        redirect: 'follow',
      }),
      deadline,
    ]).catch(fail);
    const head = { status: response.status, etag: response.headers.get('etag'), contentType: response.headers.get('content-type') };
    if (response.status === 304) {
      await discard(response);
      return { ...head, bytes: new Uint8Array(0) };
    }
    if (response.status < 200 || response.status > 299) {
      await discard(response);
      throw new FeedFailure({ kind: 'http', url, status: response.status });
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBytes) {
      await discard(response);
      throw new FeedFailure({ kind: 'too-large', url, limit: options.maxBytes });
    }
    const bytes = await Promise.race([readCapped(response, options.maxBytes, url, controller), deadline]).catch(fail);
    return { ...head, bytes };
  } finally {
    clearTimeout(timer);
  }
}

async function discard(response: ResponseLike): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to release.
  }
}

async function readCapped(response: ResponseLike, maxBytes: number, url: string, controller: AbortController): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new FeedFailure({ kind: 'too-large', url, limit: maxBytes });
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if (whole.length > maxBytes) throw tooLarge();
    return whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
