import { describe, expect, it } from 'vitest';
import { INDEX_FILE, SIGNATURE_FILE } from '../../../src/feed/format';
import { importVerifyKey } from '../../../src/feed/keys';
import { checkFile, verifyIndex } from '../../../src/feed/verify';
import { dataset, DAY, makeKeys, NOW, publish, resignIndex, subtle } from './feed-fixtures';

async function signedFeed(algorithm: 'ECDSA-P256' | 'Ed25519' = 'ECDSA-P256') {
  const keys = await makeKeys(algorithm);
  const feed = await publish(dataset('2026.11.26'), keys);
  const index = feed.files.get(INDEX_FILE) as Uint8Array<ArrayBuffer>;
  const signature = feed.files.get(SIGNATURE_FILE) as Uint8Array<ArrayBuffer>;
  return { keys, feed, index, signature };
}

describe('verifyIndex', () => {
  it('accepts an index signed with the pinned ECDSA P-256 key, given as a JWK or a CryptoKey', async () => {
    const { keys, feed, index, signature } = await signedFeed();
    const fromJwk = await verifyIndex(index, signature, keys.publicJwk, { subtle, now: NOW });
    expect(fromJwk).toEqual({ ok: true, index: feed.index });
    const cryptoKey = await importVerifyKey(subtle, keys.publicJwk);
    expect((await verifyIndex(index, signature, cryptoKey, { subtle, now: new Date(NOW) })).ok).toBe(true);
  });

  it('accepts Ed25519 keys too', async () => {
    const { keys, index, signature } = await signedFeed('Ed25519');
    expect((await verifyIndex(index, signature, keys.publicJwk, { subtle, now: NOW })).ok).toBe(true);
  });

  it('accepts any of several pinned keys (key rotation) and refuses when none matches', async () => {
    const { keys, index, signature } = await signedFeed();
    const other = await makeKeys();
    expect((await verifyIndex(index, signature, [other.publicJwk, keys.publicJwk], { subtle, now: NOW })).ok).toBe(true);
    expect(await verifyIndex(index, signature, [other.publicJwk], { subtle, now: NOW })).toEqual({ ok: false, error: { kind: 'bad-signature' } });
  });

  it('uses only the public part of a private JWK given by mistake', async () => {
    const { keys, index, signature } = await signedFeed();
    expect((await verifyIndex(index, signature, keys.privateJwk, { subtle, now: NOW })).ok).toBe(true);
  });

  it('checks the signature over the exact bytes: a reformatted but equal index is refused', async () => {
    const { keys, feed, signature } = await signedFeed();
    const compact = new TextEncoder().encode(JSON.stringify(feed.index));
    expect(await verifyIndex(compact, signature, keys.publicJwk, { subtle, now: NOW })).toMatchObject({ ok: false, error: { kind: 'bad-signature' } });
  });

  it('refuses at the moment of expiry, not a millisecond later', async () => {
    const { keys, feed, index, signature } = await signedFeed();
    const expires = Date.parse(feed.index.expires);
    expect((await verifyIndex(index, signature, keys.publicJwk, { subtle, now: expires - 1 })).ok).toBe(true);
    expect(await verifyIndex(index, signature, keys.publicJwk, { subtle, now: expires })).toEqual({
      ok: false,
      error: { kind: 'expired', expires: feed.index.expires },
    });
  });

  it('compares versions component by component for rollback', async () => {
    const { keys, index, signature } = await signedFeed();
    const check = (heldVersion: string) => verifyIndex(index, signature, keys.publicJwk, { subtle, now: NOW, heldVersion });
    expect((await check('2026.11.26')).ok).toBe(true);
    expect((await check('2026.9.30')).ok).toBe(true);
    expect(await check('2026.11.26.1')).toEqual({ ok: false, error: { kind: 'rollback', held: '2026.11.26.1', offered: '2026.11.26' } });
  });

  it('refuses a signed index of another format version with a schema error', async () => {
    const { keys, feed } = await signedFeed();
    await resignIndex(feed.files, keys, { ...feed.index, formatVersion: 2 });
    const result = await verifyIndex(feed.files.get(INDEX_FILE) as Uint8Array<ArrayBuffer>, feed.files.get(SIGNATURE_FILE) as Uint8Array, keys.publicJwk, {
      subtle,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'schema', file: 'index.json' } });
    expect(!result.ok && result.error.kind === 'schema' && result.error.message).toContain('formatVersion');
  });

  it('refuses a signed index that lists no fx file or lists a file twice', async () => {
    const { keys, feed } = await signedFeed();
    const withoutFx = { ...feed.index, files: feed.index.files.filter((e) => e.kind !== 'fx') };
    await resignIndex(feed.files, keys, withoutFx);
    const bytes = () => [feed.files.get(INDEX_FILE) as Uint8Array<ArrayBuffer>, feed.files.get(SIGNATURE_FILE) as Uint8Array] as const;
    expect(await verifyIndex(...bytes(), keys.publicJwk, { subtle, now: NOW })).toMatchObject({ ok: false, error: { kind: 'schema' } });
    const first = feed.index.files[2];
    await resignIndex(feed.files, keys, { ...feed.index, files: [...feed.index.files, first] });
    expect(await verifyIndex(...bytes(), keys.publicJwk, { subtle, now: NOW })).toMatchObject({ ok: false, error: { kind: 'schema' } });
  });

  it('reports bytes that are not JSON before looking at the signature, noticing HTML', async () => {
    const { keys, signature } = await signedFeed();
    const html = new TextEncoder().encode('\n<html><body>Log in</body></html>');
    expect(await verifyIndex(html, signature, keys.publicJwk, { subtle, now: NOW, url: 'https://x/index.json' })).toEqual({
      ok: false,
      error: { kind: 'not-json', url: 'https://x/index.json', looksLikeHtml: true },
    });
    const binary = new Uint8Array([0xff, 0xfe, 0x00]);
    expect(await verifyIndex(binary, signature, keys.publicJwk, { subtle, now: NOW })).toMatchObject({ ok: false, error: { kind: 'not-json', looksLikeHtml: false } });
  });

  it('accepts the signature as text with surrounding whitespace', async () => {
    const { keys, index, signature } = await signedFeed();
    const text = `  ${new TextDecoder().decode(signature).trim()}\r\n`;
    expect((await verifyIndex(index, text, keys.publicJwk, { subtle, now: NOW })).ok).toBe(true);
  });
});

describe('checkFile', () => {
  it('passes the bytes the index lists and names the file when size or hash differ', async () => {
    const { feed } = await signedFeed();
    const entry = feed.index.files.find((e) => e.path === 'fx.json');
    if (!entry) throw new Error('no fx entry');
    const bytes = feed.files.get('fx.json') as Uint8Array<ArrayBuffer>;
    expect(await checkFile(bytes, entry, subtle)).toEqual({ ok: true });
    const longer = new Uint8Array([...bytes, 10]);
    expect(await checkFile(longer, entry, subtle)).toMatchObject({ ok: false, error: { kind: 'hash-mismatch', file: 'fx.json', expected: entry.sha256 } });
    // Same size, one byte changed.
    const changed = Uint8Array.from(bytes);
    changed[5] = (changed[5] ?? 0) ^ 1;
    expect(await checkFile(changed, entry, subtle)).toMatchObject({ ok: false, error: { kind: 'hash-mismatch' } });
  });
});

describe('publish', () => {
  it('writes the same bytes for the same data, so unchanged files keep their hash', async () => {
    const keys = await makeKeys();
    const a = await publish(dataset('2026.11.26'), keys);
    const b = await publish(dataset('2026.12.01'), keys, { now: NOW + DAY });
    const hashes = (feed: typeof a) => Object.fromEntries(feed.index.files.map((e) => [e.path, e.sha256]));
    const changed = Object.keys(hashes(a)).filter((p) => hashes(a)[p] !== hashes(b)[p]);
    expect(changed).toEqual(['meta.json']);
  });
});
