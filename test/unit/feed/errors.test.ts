import { describe, expect, it } from 'vitest';
import { describeFeedError, isRetryable, type FeedError, type FeedErrorKind } from '../../../src/feed/errors';

const URL = 'https://example.github.io/feed/index.json';

/** One example of every kind: the Record type makes this fail to compile when a kind is added without one. */
const EXAMPLES: Record<FeedErrorKind, FeedError> = {
  offline: { kind: 'offline', url: URL, detail: 'fetch failed' },
  timeout: { kind: 'timeout', url: URL, ms: 15_000 },
  http: { kind: 'http', url: URL, status: 404 },
  'not-json': { kind: 'not-json', url: URL, looksLikeHtml: true },
  'bad-signature': { kind: 'bad-signature' },
  expired: { kind: 'expired', expires: '2026-12-26T15:00:00.000Z' },
  rollback: { kind: 'rollback', held: '2027.02.20', offered: '2026.11.26' },
  'hash-mismatch': { kind: 'hash-mismatch', file: 'companies/alibaba.json', expected: 'a'.repeat(64), actual: 'b'.repeat(64) },
  schema: { kind: 'schema', file: 'fx.json', message: 'fx.json: rates.0.unitsPerUsd: Too small' },
  'too-large': { kind: 'too-large', url: URL, limit: 5 * 1024 * 1024 },
  'bad-url': { kind: 'bad-url', url: 'feed.example.com' },
};

describe('describeFeedError', () => {
  it.each(Object.values(EXAMPLES))('says in plain words what happened and that the data was kept ($kind)', (error) => {
    const text = describeFeedError(error);
    expect(text).toMatch(/^[A-Z].*\.$/s);
    expect(text).toMatch(/current data (was|is) kept/i);
    expect(text).not.toMatch(/undefined|null|\[object/);
  });

  it('names the specifics a reader can act on', () => {
    expect(describeFeedError(EXAMPLES.timeout)).toContain('15 seconds');
    expect(describeFeedError(EXAMPLES.http)).toContain('HTTP 404 (not found): check the feed URL');
    expect(describeFeedError({ kind: 'http', url: URL, status: 503 })).toContain('server error');
    expect(describeFeedError(EXAMPLES['not-json'])).toContain('sign in, then sync again');
    expect(describeFeedError({ kind: 'not-json', url: URL, looksLikeHtml: false })).not.toContain('captive portal');
    expect(describeFeedError(EXAMPLES.expired)).toContain('2026-12-26 15:00 UTC');
    expect(describeFeedError(EXAMPLES.rollback)).toContain('version 2026.11.26, older than the version 2027.02.20');
    expect(describeFeedError(EXAMPLES['hash-mismatch'])).toContain('companies/alibaba.json');
    expect(describeFeedError(EXAMPLES.schema)).toContain('unitsPerUsd');
    expect(describeFeedError(EXAMPLES['too-large'])).toContain('5 MB');
    expect(describeFeedError(EXAMPLES['bad-signature'])).toBe(
      "The feed's signature does not match its key: the update was refused and your current data was kept.",
    );
  });
});

describe('isRetryable', () => {
  it('retries what may pass by itself and nothing that would fail the same way again', () => {
    const retryable = Object.values(EXAMPLES).filter(isRetryable).map((e) => e.kind);
    expect(retryable).toEqual(['offline', 'timeout']);
    expect(isRetryable({ kind: 'http', url: URL, status: 500 })).toBe(true);
    expect(isRetryable({ kind: 'http', url: URL, status: 429 })).toBe(true);
    expect(isRetryable({ kind: 'http', url: URL, status: 403 })).toBe(false);
  });
});
