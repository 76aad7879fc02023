/**
 * `npm run feed:keygen [-- --force] [--private FILE] [--public FILE] [--algorithm ECDSA-P256|Ed25519]`
 *
 * Makes a feed signing key: the private JWK goes to keys/feed-private.jwk (git-ignored, readable by its owner
 * only), the public JWK to config/feed-public-key.json, which the build pins into the extension.
 */
import { webcrypto } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { toBase64, utf8 } from '../src/feed/bytes';
import { generateFeedKeyPair, type FeedKeyAlgorithm } from '../src/feed/keys';
import { ROOT } from './lib/load-dataset';

export const DEFAULT_PRIVATE_KEY_FILE = 'keys/feed-private.jwk';
export const DEFAULT_PUBLIC_KEY_FILE = 'config/feed-public-key.json';

const subtle = webcrypto.subtle as SubtleCrypto;

export interface KeygenOptions {
  privateKeyFile: string;
  publicKeyFile: string;
  force?: boolean;
  algorithm?: FeedKeyAlgorithm;
}

/** RFC 7638 thumbprint (base64url SHA-256 of the required members in order): a short name for the key. */
export async function keyThumbprint(jwk: JsonWebKey): Promise<string> {
  const members = jwk.kty === 'EC' ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  const digest = new Uint8Array(await subtle.digest('SHA-256', utf8(JSON.stringify(members))));
  return toBase64(digest).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function generateFeedKeys(options: KeygenOptions): Promise<{ kid: string; publicJwk: JsonWebKey }> {
  const pair = await generateFeedKeyPair(subtle, options.algorithm ?? 'ECDSA-P256');
  const kid = await keyThumbprint(pair.publicJwk);
  await mkdir(path.dirname(options.privateKeyFile), { recursive: true });
  try {
    // 'wx' refuses an existing file in the same step as creating it: a signing key is never silently replaced.
    await writeFile(options.privateKeyFile, `${JSON.stringify({ ...pair.privateJwk, kid }, null, 2)}\n`, {
      flag: options.force ? 'w' : 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(
        `${options.privateKeyFile} already exists. Replacing it means every installed extension pinned to its public key refuses the feed ` +
          'until it is rebuilt with the new one. Run again with --force if that is what you want.',
      );
    }
    throw error;
  }
  const publicJwk = { ...pair.publicJwk, kid };
  await mkdir(path.dirname(options.publicKeyFile), { recursive: true });
  await writeFile(options.publicKeyFile, `${JSON.stringify(publicJwk, null, 2)}\n`);
  return { kid, publicJwk };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      force: { type: 'boolean', default: false },
      private: { type: 'string', default: DEFAULT_PRIVATE_KEY_FILE },
      public: { type: 'string', default: DEFAULT_PUBLIC_KEY_FILE },
      algorithm: { type: 'string', default: 'ECDSA-P256' },
    },
  });
  if (values.algorithm !== 'ECDSA-P256' && values.algorithm !== 'Ed25519') {
    throw new Error(`--algorithm must be ECDSA-P256 or Ed25519, not ${values.algorithm}`);
  }
  const privateKeyFile = path.resolve(ROOT, values.private);
  const publicKeyFile = path.resolve(ROOT, values.public);
  const { kid, publicJwk } = await generateFeedKeys({ privateKeyFile, publicKeyFile, force: values.force, algorithm: values.algorithm });
  process.stdout.write(
    `Feed key ${kid} (${values.algorithm})\n` +
      `  private: ${path.relative(ROOT, privateKeyFile)}  (keep it secret; never commit it)\n` +
      `  public:  ${path.relative(ROOT, publicKeyFile)}  (pinned into the extension by the build)\n\n` +
      `${JSON.stringify(publicJwk, null, 2)}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`feed:keygen: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
