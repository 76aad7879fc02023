/**
 * Real local feeds for the end-to-end tests: signing keys made for the test, a test dataset (the real one with
 * a new version and one extra, clearly marked test commitment, never shipped), and feeds built from it that
 * are good, newer, signed with another key, expired, or older.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateFeedKeys } from '../../../scripts/feed-keygen';
import { buildFeedFolder } from '../../../scripts/feed-build';
import { startFeedServer, type FeedServer, type ServeMode } from '../../../scripts/feed-serve';
import { ROOT } from './paths';

/** What the good update adds to Alibaba, so that a card can show it. */
export const TEST_COMMITMENT_TEXT = 'test-feed commitment for the end-to-end suite';
export const GOOD_VERSION = '2099.1.1';
/** A name on the sample article ("By APAC news desk") that only the test feed's dataset knows. */
export const TEST_COMPANY_ALIAS = 'APAC news desk';

export interface TestFeeds {
  publicKey: JsonWebKey;
  otherPublicKey: JsonWebKey;
  dirs: { good: string; newer: string; badSignature: string; expired: string; older: string };
  serve(dir: string, mode?: ServeMode): Promise<FeedServer>;
  close(): Promise<void>;
}

export async function prepareFeeds(): Promise<TestFeeds> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'footnote-feeds-'));
  const good = await generateFeedKeys({ privateKeyFile: path.join(root, 'good.jwk'), publicKeyFile: path.join(root, 'good.pub.json') });
  const other = await generateFeedKeys({ privateKeyFile: path.join(root, 'other.jwk'), publicKeyFile: path.join(root, 'other.pub.json') });

  const dataDir = path.join(root, 'data');
  await cp(path.join(ROOT, 'data'), dataDir, { recursive: true });
  const alibabaFile = path.join(dataDir, 'companies', 'alibaba.json');
  const alibaba = JSON.parse(await readFile(alibabaFile, 'utf8')) as { commitments: unknown[] };
  alibaba.commitments.push({
    date: '2026-11-20',
    amount: 480_000_000_000,
    currency: 'CNY',
    horizonYears: 3,
    what: TEST_COMMITMENT_TEXT,
    source: { url: 'https://feed-test.example.org/commitment', title: 'Test data for the feed end-to-end tests', published: '2026-11-20' },
  });
  await writeFile(alibabaFile, JSON.stringify(alibaba, null, 2));
  // A company the bundled dataset does not have, named on the sample article: the feed must teach the
  // content script its name without a new release.
  await writeFile(
    path.join(dataDir, 'companies', 'test-feed-newsdesk.json'),
    JSON.stringify({
      id: 'test-feed-newsdesk',
      name: 'APAC News Desk (test company)',
      legalName: 'APAC News Desk Test Company',
      listed: false,
      aliases: [{ text: TEST_COMPANY_ALIAS, kind: 'name' }],
      country: 'SG',
      fiscalYearEnd: '12-31',
      description: 'A company that exists only in the feed end-to-end tests.',
      website: 'https://feed-test.example.org',
    }),
  );

  const build = (dir: string, options: { version: string; keyFile?: string; now?: number }) =>
    buildFeedFolder({ outDir: path.join(root, dir), keyFile: options.keyFile ?? path.join(root, 'good.jwk'), dataDir, version: options.version, ...(options.now ? { now: options.now } : {}) });
  await build('good', { version: GOOD_VERSION });
  await build('newer', { version: '2099.2.2' });
  await build('bad-signature', { version: '2099.3.3', keyFile: path.join(root, 'other.jwk') });
  await build('expired', { version: '2099.4.4', now: Date.now() - 90 * 24 * 3600 * 1000 });
  await build('older', { version: '2000.1.1' });

  const servers: FeedServer[] = [];
  return {
    publicKey: good.publicJwk,
    otherPublicKey: other.publicJwk,
    dirs: {
      good: path.join(root, 'good'),
      newer: path.join(root, 'newer'),
      badSignature: path.join(root, 'bad-signature'),
      expired: path.join(root, 'expired'),
      older: path.join(root, 'older'),
    },
    async serve(dir, mode) {
      const server = await startFeedServer({ dir, ...(mode ? { mode } : {}) });
      servers.push(server);
      return server;
    },
    async close() {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

export interface FailureCase {
  name: string;
  dir: keyof TestFeeds['dirs'];
  mode?: ServeMode;
  /** Seconds of feed timeout to set first (for the slow server). */
  timeoutSeconds?: number;
  message: RegExp;
}

/** Every way a feed can fail that issue #7 lists; each must leave the held dataset in place and say why. */
export const FAILURES: FailureCase[] = [
  { name: 'a server answering 500', dir: 'newer', mode: { fail: 500 }, message: /answered .*500/ },
  { name: 'a truncated body', dir: 'newer', mode: { truncate: true, only: 'companies/' }, message: /does not match the checksum|cut short|not data|expected form/ },
  { name: 'an HTML page (captive portal)', dir: 'newer', mode: { html: true }, message: /web page instead of data/ },
  { name: 'a tampered file', dir: 'newer', mode: { corrupt: true, only: 'companies/' }, message: /does not match the checksum/ },
  { name: 'a bad signature', dir: 'badSignature', message: /signature does not match/ },
  { name: 'an expired index', dir: 'expired', message: /expired on/ },
  { name: 'an older version', dir: 'older', message: /older than the version 2099\.1\.1/ },
  { name: 'a response slower than the timeout', dir: 'newer', mode: { delayMs: 2500 }, timeoutSeconds: 1, message: /did not answer within 1 seconds/ },
];
