/**
 * Feed signing keys through WebCrypto only (the same code runs in Node for publishing and in the extension for
 * checking). ECDSA P-256 with SHA-256 is the default because every supported browser verifies it; Ed25519 is
 * accepted too.
 */

export type FeedKeyAlgorithm = 'ECDSA-P256' | 'Ed25519';

interface AlgorithmPair {
  importParams: EcKeyImportParams | Algorithm;
  signParams: EcdsaParams | Algorithm;
}

const ALGORITHMS: Record<FeedKeyAlgorithm, AlgorithmPair> = {
  'ECDSA-P256': { importParams: { name: 'ECDSA', namedCurve: 'P-256' }, signParams: { name: 'ECDSA', hash: 'SHA-256' } },
  Ed25519: { importParams: { name: 'Ed25519' }, signParams: { name: 'Ed25519' } },
};

export class FeedKeyError extends Error {
  override name = 'FeedKeyError';
}

export function algorithmOfJwk(jwk: JsonWebKey): FeedKeyAlgorithm {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ECDSA-P256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'Ed25519';
  throw new FeedKeyError(`unsupported feed key (kty ${String(jwk.kty)}, crv ${String(jwk.crv)}): expected ECDSA P-256 or Ed25519`);
}

function algorithmOfCryptoKey(key: CryptoKey): FeedKeyAlgorithm {
  const algorithm = key.algorithm as EcKeyAlgorithm;
  if (algorithm.name === 'ECDSA' && algorithm.namedCurve === 'P-256') return 'ECDSA-P256';
  if (algorithm.name === 'Ed25519') return 'Ed25519';
  throw new FeedKeyError(`unsupported feed key algorithm ${algorithm.name}`);
}

/** Only the public members of a JWK, so that a private JWK given by mistake still imports as a verify key. */
export function publicJwk(jwk: JsonWebKey): JsonWebKey {
  const algorithm = algorithmOfJwk(jwk);
  return algorithm === 'ECDSA-P256' ? { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y } : { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

export async function importVerifyKey(subtle: SubtleCrypto, key: CryptoKey | JsonWebKey): Promise<CryptoKey> {
  if (isCryptoKey(key)) return key;
  const jwk = publicJwk(key);
  return subtle.importKey('jwk', jwk, ALGORITHMS[algorithmOfJwk(jwk)].importParams, false, ['verify']);
}

export async function importSigningKey(subtle: SubtleCrypto, jwk: JsonWebKey): Promise<CryptoKey> {
  if (!jwk.d) throw new FeedKeyError('this key has no private part: a feed is signed with the private key (keys/feed-private.jwk)');
  return subtle.importKey('jwk', jwk, ALGORITHMS[algorithmOfJwk(jwk)].importParams, false, ['sign']);
}

export async function generateFeedKeyPair(
  subtle: SubtleCrypto,
  algorithm: FeedKeyAlgorithm = 'ECDSA-P256',
): Promise<{ privateJwk: JsonWebKey; publicJwk: JsonWebKey }> {
  const pair = (await subtle.generateKey(ALGORITHMS[algorithm].importParams, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateJwk = await subtle.exportKey('jwk', pair.privateKey);
  return { privateJwk, publicJwk: publicJwk(privateJwk) };
}

export async function signBytes(subtle: SubtleCrypto, key: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle.sign(ALGORITHMS[algorithmOfCryptoKey(key)].signParams, key, bytes));
}

export async function verifyBytes(
  subtle: SubtleCrypto,
  key: CryptoKey,
  signature: Uint8Array<ArrayBuffer>,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  return subtle.verify(ALGORITHMS[algorithmOfCryptoKey(key)].signParams, key, signature, bytes);
}

function isCryptoKey(key: CryptoKey | JsonWebKey): key is CryptoKey {
  return typeof (key as CryptoKey).algorithm === 'object' && typeof (key as CryptoKey).usages === 'object';
}
