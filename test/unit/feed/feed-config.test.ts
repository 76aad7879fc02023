import { webcrypto } from 'node:crypto';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFeedConfig } from '../../../scripts/lib/feed-config';
import { importVerifyKey } from '../../../src/feed/keys';
import { makeKeys } from './feed-fixtures';

const subtle = webcrypto.subtle as SubtleCrypto;
const dirs: string[] = [];

async function configDir(feed: unknown, key: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'footnote-feed-config-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'config'));
  await writeFile(path.join(dir, 'config', 'feed.json'), JSON.stringify(feed));
  await writeFile(path.join(dir, 'config', 'feed-public-key.json'), JSON.stringify(key));
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('loadFeedConfig', () => {
  it('reads the committed config: an https feed URL and a real public key WebCrypto can import', async () => {
    const config = loadFeedConfig(undefined, {});
    expect(config.defaultFeedUrl).toMatch(/^https:\/\//);
    expect(config.publicKey).not.toHaveProperty('d');
    const key = await importVerifyKey(subtle, config.publicKey);
    expect(key.usages).toEqual(['verify']);
  });

  it('lets FOOTNOTE_FEED_URL and FOOTNOTE_FEED_PUBLIC_KEY point a build at another feed', async () => {
    const keys = await makeKeys('Ed25519');
    const dir = await configDir({ defaultFeedUrl: 'https://example.github.io/feed/', publicKeyFile: 'config/feed-public-key.json' }, {});
    await writeFile(path.join(dir, 'local-key.json'), JSON.stringify(keys.publicJwk));
    const config = loadFeedConfig(dir, { FOOTNOTE_FEED_URL: 'http://127.0.0.1:8787/', FOOTNOTE_FEED_PUBLIC_KEY: 'local-key.json' });
    expect(config.defaultFeedUrl).toBe('http://127.0.0.1:8787/');
    expect(config.publicKey).toEqual(keys.publicJwk);
  });

  it('refuses a private key in the build, naming the file', async () => {
    const keys = await makeKeys();
    const dir = await configDir({ defaultFeedUrl: 'https://example.github.io/feed/', publicKeyFile: 'config/feed-public-key.json' }, keys.privateJwk);
    expect(() => loadFeedConfig(dir, {})).toThrow(/feed-public-key\.json: this is a PRIVATE key/);
  });

  it('refuses a config without a valid feed URL or with an unsupported key', async () => {
    const keys = await makeKeys();
    const badUrl = await configDir({ defaultFeedUrl: 'not a url', publicKeyFile: 'config/feed-public-key.json' }, keys.publicJwk);
    expect(() => loadFeedConfig(badUrl, {})).toThrow(/defaultFeedUrl/);
    const rsa = await configDir({ defaultFeedUrl: 'https://example.github.io/feed/', publicKeyFile: 'config/feed-public-key.json' }, { kty: 'RSA', n: 'x', e: 'AQAB' });
    expect(() => loadFeedConfig(rsa, {})).toThrow(/unsupported feed key/);
  });
});
