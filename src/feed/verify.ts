/**
 * The checks a client makes before it trusts anything from a feed: the index's signature against the pinned key,
 * its form, its expiry (freeze attacks) and its version against the one held (rollback attacks); then each file's
 * size and SHA-256 against the signed index.
 */
import { compareVersions } from '../dataset/schema';
import { describeIssues } from '../dataset/assemble';
import { decodeUtf8, fromBase64, sha256Hex } from './bytes';
import type { FeedError } from './errors';
import { FeedIndex, INDEX_FILE, type FeedFileEntry } from './format';
import { importVerifyKey, verifyBytes } from './keys';

export type PinnedKey = CryptoKey | JsonWebKey;

export interface VerifyIndexOptions {
  subtle: SubtleCrypto;
  /** The current time (epoch milliseconds or a Date). */
  now: number | Date;
  /** The dataset version the client holds; an older offer is refused. */
  heldVersion?: string | null;
  /** Where the index came from, for messages. */
  url?: string;
}

export type VerifyIndexResult = { ok: true; index: FeedIndex } | { ok: false; error: FeedError };

/** Looks like the start of an HTML document: what captive portals and misconfigured hosts send instead. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text);
}

/**
 * Verifies `index.json` (its exact bytes) against `index.json.sig` (base64 text or its bytes) and any of the pinned
 * keys (more than one while a key is being rotated).
 */
export async function verifyIndex(
  bytes: Uint8Array<ArrayBuffer>,
  signature: Uint8Array | string,
  publicKey: PinnedKey | readonly PinnedKey[],
  options: VerifyIndexOptions,
): Promise<VerifyIndexResult> {
  const url = options.url ?? INDEX_FILE;
  const text = decodeUtf8(bytes);
  let json: unknown;
  try {
    if (text === null) throw new SyntaxError('not UTF-8');
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: { kind: 'not-json', url, looksLikeHtml: text !== null && looksLikeHtml(text) } };
  }

  const signatureText = typeof signature === 'string' ? signature : decodeUtf8(signature);
  const signatureBytes = signatureText === null ? null : fromBase64(signatureText);
  if (!signatureBytes || signatureBytes.length === 0) {
    return { ok: false, error: { kind: 'bad-signature', detail: 'the signature file is not base64' } };
  }
  const keys = Array.isArray(publicKey) ? (publicKey as readonly PinnedKey[]) : [publicKey as PinnedKey];
  let verified = false;
  for (const key of keys) {
    try {
      const cryptoKey = await importVerifyKey(options.subtle, key);
      if (await verifyBytes(options.subtle, cryptoKey, signatureBytes, bytes)) {
        verified = true;
        break;
      }
    } catch (error) {
      // A malformed pinned key or signature length makes WebCrypto throw: the index is not verified by this key.
      if (keys.length === 1) return { ok: false, error: { kind: 'bad-signature', detail: (error as Error).message } };
    }
  }
  if (!verified) return { ok: false, error: { kind: 'bad-signature' } };

  const parsed = FeedIndex.safeParse(json);
  if (!parsed.success) {
    return { ok: false, error: { kind: 'schema', file: INDEX_FILE, message: describeIssues(INDEX_FILE, parsed.error).join('; ') } };
  }
  const index = parsed.data;
  const now = typeof options.now === 'number' ? options.now : options.now.getTime();
  if (Date.parse(index.expires) <= now) return { ok: false, error: { kind: 'expired', expires: index.expires } };
  if (options.heldVersion && compareVersions(index.datasetVersion, options.heldVersion) < 0) {
    return { ok: false, error: { kind: 'rollback', held: options.heldVersion, offered: index.datasetVersion } };
  }
  return { ok: true, index };
}

export type CheckFileResult = { ok: true } | { ok: false; error: FeedError };

/** Compares a downloaded file's size and SHA-256 with its entry in the signed index. */
export async function checkFile(bytes: Uint8Array<ArrayBuffer>, entry: FeedFileEntry, subtle: SubtleCrypto): Promise<CheckFileResult> {
  const actual = await sha256Hex(subtle, bytes);
  if (bytes.length === entry.size && actual === entry.sha256) return { ok: true };
  return { ok: false, error: { kind: 'hash-mismatch', file: entry.path, expected: entry.sha256, actual } };
}
