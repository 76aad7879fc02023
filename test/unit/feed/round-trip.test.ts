/**
 * The publishing tools end to end: `feed:keygen` and `feed:build` as CLIs in a temp dir, `feed:serve`'s server
 * in-process on 127.0.0.1, and the client syncing from it with Node's real fetch and WebCrypto.
 */
import { execFile } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeedFolder } from '../../../scripts/feed-build';
import { startFeedServer, type FeedServer } from '../../../scripts/feed-serve';
import { loadDataset, ROOT } from '../../../scripts/lib/load-dataset';
import type { CompanyRecordInput } from '../../../src/dataset/schema';
import { syncFeed, type HeldFeedState, type SyncFeedOptions } from '../../../src/feed/client';
import { heldFileReader } from '../../../src/feed/files';
import { company } from './feed-fixtures';

const subtle = webcrypto.subtle as SubtleCrypto;
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function runScript(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}

async function writeDataDir(dir: string, version: string, companies: CompanyRecordInput[]): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await writeJson(path.join(dir, 'meta.json'), { version, published: '2026-11-26T00:00:00Z' });
  await writeJson(path.join(dir, 'fx.json'), {
    rates: [
      {
        currency: 'JPY',
        period: '2025',
        unitsPerUsd: 151.2,
        source: { url: 'https://example.com/fx', title: 'Annual average rates', published: '2026-01-05' },
      },
    ],
  });
  for (const record of companies) await writeJson(path.join(dir, 'companies', `${record.id}.json`), record);
}

/** A raw GET, for paths that fetch would normalise before sending. */
function rawGet(url: string, rawPath: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: rawPath }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('feed keygen -> build -> serve -> sync', () => {
  let tmp: string;
  let dataDir: string;
  let feedDir: string;
  let privateKeyFile: string;
  let publicKeyFile: string;
  let publicKey: JsonWebKey;
  let server: FeedServer;

  const sync = (held: HeldFeedState, extra: Partial<SyncFeedOptions> = {}) =>
    syncFeed({ feedUrl: server.url, publicKey, held, fetch: globalThis.fetch, subtle, sleep: () => Promise.resolve(), ...extra });

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'footnote-feed-'));
    dataDir = path.join(tmp, 'data');
    feedDir = path.join(tmp, 'feed');
    privateKeyFile = path.join(tmp, 'keys', 'feed-private.jwk');
    publicKeyFile = path.join(tmp, 'config', 'feed-public-key.json');
    await writeDataDir(dataDir, '2026.11.26', [company('acme-cloud', 'Acme Cloud', 1e9), company('globex', 'Globex', 2e9)]);

    const keygen = await runScript('feed-keygen.ts', ['--private', privateKeyFile, '--public', publicKeyFile]);
    expect(keygen.stderr).toBe('');
    expect(keygen.code).toBe(0);
    publicKey = JSON.parse(await readFile(publicKeyFile, 'utf8')) as JsonWebKey;

    const build = await runScript('feed-build.ts', ['--out', feedDir, '--key', privateKeyFile, '--data', dataDir, '--expires-days', '7']);
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('Built feed 2026.11.26');
    server = await startFeedServer({ dir: feedDir });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('keygen writes a private key only its owner can read and a public key without the private part', async () => {
    const privateJwk = JSON.parse(await readFile(privateKeyFile, 'utf8')) as JsonWebKey & { kid?: string };
    expect(privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(privateJwk.d).toEqual(expect.any(String));
    expect(publicKey).not.toHaveProperty('d');
    expect((publicKey as { kid?: string }).kid).toBe(privateJwk.kid);
    expect((await stat(privateKeyFile)).mode & 0o077).toBe(0);
  });

  it('keygen refuses to replace an existing private key without --force', async () => {
    const before = await readFile(privateKeyFile, 'utf8');
    const again = await runScript('feed-keygen.ts', ['--private', privateKeyFile, '--public', path.join(tmp, 'other-public.json')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect(await readFile(privateKeyFile, 'utf8')).toBe(before);
  });

  it('a client syncs the served feed into exactly the dataset that was published', async () => {
    const result = await sync({ version: null, files: {} });
    expect(result.status).toBe('updated');
    expect(result.status === 'updated' && result.dataset).toEqual(await loadDataset(dataDir));
  });

  it('the server answers If-None-Match with 304, which the client takes as up to date', async () => {
    const first = await sync({ version: null, files: {} });
    if (first.status !== 'updated') throw new Error(`first sync: ${first.status}`);
    server.clearRequests();
    const second = await sync({ version: first.index.datasetVersion, etag: first.etag, expires: first.index.expires, files: first.files });
    expect(second).toEqual({ status: 'up-to-date' });
    expect(server.requests()).toEqual([{ method: 'GET', path: 'index.json', ifNoneMatch: first.etag, status: 304 }]);
  });

  it('serves JSON as application/json and the signature as text, with CORS for the extension', async () => {
    const index = await fetch(`${server.url}index.json`);
    expect(index.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(index.headers.get('access-control-allow-origin')).toBe('*');
    expect(index.headers.get('access-control-expose-headers')).toContain('ETag');
    const signature = await fetch(`${server.url}index.json.sig`);
    expect(signature.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const preflight = await fetch(`${server.url}index.json`, { method: 'OPTIONS' });
    expect(preflight.headers.get('access-control-allow-headers')).toContain('If-None-Match');
  });

  it('does not serve files outside the feed folder', async () => {
    expect(await rawGet(server.url, '/..%2f..%2fpackage.json')).toBe(404);
    expect(await rawGet(server.url, '/companies/')).toBe(404);
  });

  it('--fail: a 500 is retried and the sync still succeeds', async () => {
    server.setMode({ fail: 500, failTimes: 1, only: 'index.json' });
    server.clearRequests();
    const result = await sync({ version: null, files: {} });
    expect(result.status).toBe('updated');
    expect(server.requests().slice(0, 2).map((r) => [r.path, r.status])).toEqual([
      ['index.json', 500],
      ['index.json', 200],
    ]);
  });

  it('--html: a captive portal page is reported as not JSON', async () => {
    server.setMode({ html: true });
    const result = await sync({ version: null, files: {} });
    server.setMode({});
    expect(result).toEqual({ status: 'failed', error: { kind: 'not-json', url: `${server.url}index.json`, looksLikeHtml: true } });
  });

  it('--truncate and --corrupt: a cut or altered data file is a hash mismatch', async () => {
    server.setMode({ truncate: true, only: 'companies/globex' });
    const truncated = await sync({ version: null, files: {} });
    server.setMode({ corrupt: true, only: 'fx.json' });
    const corrupted = await sync({ version: null, files: {} });
    server.setMode({});
    expect(truncated).toMatchObject({ status: 'failed', error: { kind: 'hash-mismatch', file: 'companies/globex.json' } });
    expect(corrupted).toMatchObject({ status: 'failed', error: { kind: 'hash-mismatch', file: 'fx.json' } });
  });

  it('--delay: a slow server times out', async () => {
    server.setMode({ delayMs: 300 });
    const result = await sync({ version: null, files: {} }, { limits: { timeoutMs: 50, retries: 0 } });
    server.setMode({});
    expect(result).toMatchObject({ status: 'failed', error: { kind: 'timeout', ms: 50 } });
  });

  it('the /__mode endpoint switches modes over HTTP', async () => {
    expect(await (await fetch(`${server.url}__mode?fail=503&only=index.json`)).json()).toEqual({ fail: 503, only: 'index.json' });
    expect((await fetch(`${server.url}index.json`)).status).toBe(503);
    expect((await fetch(`${server.url}fx.json`)).status).toBe(200);
    await fetch(`${server.url}__mode?reset=1`);
    expect((await fetch(`${server.url}index.json`)).status).toBe(200);
  });

  it('a rebuilt feed with one changed company is picked up by downloading only that company and meta.json', async () => {
    const first = await sync({ version: null, files: {} });
    if (first.status !== 'updated') throw new Error(`first sync: ${first.status}`);
    await writeDataDir(dataDir, '2027.02.20', [company('acme-cloud', 'Acme Cloud', 1e9), company('globex', 'Globex', 4e9)]);
    const rebuilt = await buildFeedFolder({ outDir: feedDir, keyFile: privateKeyFile, dataDir, verifyWith: [publicKey] });
    expect(rebuilt.warnings).toEqual([]);
    const second = await sync({
      version: first.index.datasetVersion,
      etag: first.etag,
      files: first.files,
      readFile: heldFileReader(first.dataset),
    });
    expect(second.status).toBe('updated');
    if (second.status !== 'updated') return;
    expect(second.downloaded).toEqual(['companies/globex.json', 'meta.json']);
    expect(second.dataset).toEqual(await loadDataset(dataDir));
  });

  it('build warns when the data changed but the version did not, and refuses a folder that is not a feed', async () => {
    const current = JSON.parse(await readFile(path.join(dataDir, 'meta.json'), 'utf8')) as { version: string };
    await writeJson(path.join(dataDir, 'companies', 'initech.json'), company('initech', 'Initech', 5e8));
    const result = await buildFeedFolder({ outDir: feedDir, keyFile: privateKeyFile, dataDir, version: current.version });
    expect(result.warnings.join('\n')).toContain('the version is still');
    const notAFeed = path.join(tmp, 'not-a-feed');
    await writeJson(path.join(notAFeed, 'notes.json'), {});
    await expect(buildFeedFolder({ outDir: notAFeed, keyFile: privateKeyFile, dataDir })).rejects.toThrow(/holds no index.json/);
  });

  it('build refuses to sign with a public key or to pass a pinned key it does not match', async () => {
    await expect(buildFeedFolder({ outDir: path.join(tmp, 'feed-2'), keyFile: publicKeyFile, dataDir })).rejects.toThrow(/no private part/);
    const { generateFeedKeyPair } = await import('../../../src/feed/keys');
    const other = await generateFeedKeyPair(subtle);
    await expect(
      buildFeedFolder({ outDir: path.join(tmp, 'feed-3'), keyFile: privateKeyFile, dataDir, verifyWith: [other.publicJwk] }),
    ).rejects.toThrow(/does not verify with the pinned public key/);
  });
});
