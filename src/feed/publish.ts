/**
 * Builds a signed feed from a Dataset, in memory: the data files' bytes, `index.json` and `index.json.sig`.
 * Writing them to disk is scripts/feed-build.ts's job; tests use this directly.
 */
import { Dataset } from '../dataset/schema';
import { sha256Hex, toBase64, utf8 } from './bytes';
import { datasetToFeedFiles } from './files';
import { FEED_FORMAT_VERSION, FeedIndex, INDEX_FILE, SIGNATURE_FILE, type FeedFileEntry } from './format';
import { signBytes } from './keys';

export interface BuildFeedOptions {
  subtle: SubtleCrypto;
  /** The private key, imported for signing. */
  signingKey: CryptoKey;
  /** Build time (epoch milliseconds). */
  now: number;
  /** How long clients accept the index: a feed must be re-signed before this runs out. */
  expiresInDays: number;
  /** Overrides the dataset's own version (data/meta.json). */
  version?: string;
}

export interface BuiltFeed {
  index: FeedIndex;
  /** Every file of the feed folder by its relative path, index.json and index.json.sig included. */
  files: Map<string, Uint8Array<ArrayBuffer>>;
}

/** Compact JSON with a final newline: deterministic, so unchanged data keeps its hash from one build to the next. */
export function encodeJsonFile(value: unknown): Uint8Array<ArrayBuffer> {
  return utf8(`${JSON.stringify(value)}\n`);
}

export async function buildFeed(dataset: Dataset, options: BuildFeedOptions): Promise<BuiltFeed> {
  if (!(options.expiresInDays > 0)) throw new RangeError('the index must expire a positive number of days after it is published');
  const checked = Dataset.parse(options.version ? { ...dataset, version: options.version } : dataset);
  const files = new Map<string, Uint8Array<ArrayBuffer>>();
  const entries: FeedFileEntry[] = [];
  for (const file of datasetToFeedFiles(checked)) {
    const bytes = encodeJsonFile(file.value);
    files.set(file.path, bytes);
    entries.push({ path: file.path, kind: file.kind, size: bytes.length, sha256: await sha256Hex(options.subtle, bytes) });
  }
  const index = FeedIndex.parse({
    formatVersion: FEED_FORMAT_VERSION,
    datasetVersion: checked.version,
    published: new Date(options.now).toISOString(),
    expires: new Date(options.now + options.expiresInDays * 86_400_000).toISOString(),
    files: entries,
  });
  // Readable on purpose: publishers look at index.json; the signature covers these exact bytes, so no canonical form is needed.
  const indexBytes = utf8(`${JSON.stringify(index, null, 2)}\n`);
  const signature = await signBytes(options.subtle, options.signingKey, indexBytes);
  files.set(INDEX_FILE, indexBytes);
  files.set(SIGNATURE_FILE, utf8(`${toBase64(signature)}\n`));
  return { index, files };
}
