/**
 * The feed settings a build pins into the extension: the default feed URL and the public key that signs it,
 * from config/feed.json (overridable with FOOTNOTE_FEED_URL and FOOTNOTE_FEED_PUBLIC_KEY for a build against
 * another feed, such as a local one from `npm run feed:serve`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { algorithmOfJwk, publicJwk } from '../../src/feed/keys';
import { ROOT } from './load-dataset';

export const FEED_CONFIG_FILE = 'config/feed.json';

export const FeedConfigFile = z
  .object({
    /** The feed folder (or its index.json) the extension syncs from unless the reader sets another. */
    defaultFeedUrl: z.url({ protocol: /^https?$/ }),
    /** The public key JWK, relative to the repository root. */
    publicKeyFile: z.string().min(1),
  })
  .strict();

export interface FeedConfig {
  defaultFeedUrl: string;
  /** The public key JWK (public members only), ready for `crypto.subtle.importKey('jwk', ...)`. */
  publicKey: JsonWebKey;
  /** Where the key was read from (absolute). */
  publicKeyFile: string;
}

const BASE64URL_32_BYTES = /^[A-Za-z0-9_-]{43}$/;

/** Checks that a JWK is a usable public feed key and returns its public members; throws with a readable message. */
export function parsePublicKeyJwk(value: unknown, file: string): JsonWebKey {
  if (typeof value !== 'object' || value === null) throw new Error(`${file}: expected a JWK object`);
  const jwk = value as JsonWebKey;
  let key: JsonWebKey;
  try {
    key = publicJwk(jwk);
    algorithmOfJwk(key);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  for (const member of jwk.kty === 'EC' ? (['x', 'y'] as const) : (['x'] as const)) {
    if (!BASE64URL_32_BYTES.test(key[member] ?? '')) throw new Error(`${file}: the key's "${member}" is not a 32-byte base64url value`);
  }
  if (jwk.d !== undefined) throw new Error(`${file}: this is a PRIVATE key; only the public key belongs in the build`);
  return key;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads the feed configuration; synchronous so that a build config can call it directly. */
export function loadFeedConfig(root = ROOT, env: Record<string, string | undefined> = process.env): FeedConfig {
  const configPath = path.join(root, FEED_CONFIG_FILE);
  const parsed = FeedConfigFile.safeParse(readJson(configPath));
  if (!parsed.success) {
    throw new Error(`${configPath}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const feedUrl = env.FOOTNOTE_FEED_URL?.trim() || parsed.data.defaultFeedUrl;
  if (!z.url({ protocol: /^https?$/ }).safeParse(feedUrl).success) throw new Error(`FOOTNOTE_FEED_URL: "${feedUrl}" is not an http(s) URL`);
  const keyFile = path.resolve(root, env.FOOTNOTE_FEED_PUBLIC_KEY?.trim() || parsed.data.publicKeyFile);
  return { defaultFeedUrl: feedUrl, publicKey: parsePublicKeyJwk(readJson(keyFile), keyFile), publicKeyFile: keyFile };
}
