/**
 * `npm run feed:build -- --out DIR [--key FILE] [--expires-days N] [--version V] [--data DIR]`
 *
 * Builds a signed feed folder from the dataset: meta.json, fx.json, companies/<id>.json, then index.json.sig and
 * index.json last, so that a host that uploads file by file exposes the new index only after its files.
 */
import { webcrypto } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compareVersions } from '../src/dataset/schema';
import { FeedIndex, INDEX_FILE, SIGNATURE_FILE } from '../src/feed/format';
import { importSigningKey } from '../src/feed/keys';
import { buildFeed } from '../src/feed/publish';
import { verifyIndex, type PinnedKey } from '../src/feed/verify';
import { loadFeedConfig } from './lib/feed-config';
import { DATA_DIR, loadDataset, ROOT } from './lib/load-dataset';

const subtle = webcrypto.subtle as SubtleCrypto;

export interface BuildFeedFolderOptions {
  outDir: string;
  keyFile: string;
  dataDir?: string;
  expiresDays?: number;
  version?: string;
  now?: number;
  /** Keys the result must verify with (the pinned key of the extension being published for). */
  verifyWith?: PinnedKey[];
}

export interface BuildFeedFolderResult {
  index: FeedIndex;
  /** Relative paths written, in the order written. */
  written: string[];
  warnings: string[];
}

async function readJsonFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(`${file}: cannot be read (${error.code ?? error.message})`);
  });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

/** The previous build's index in `outDir`, if the folder holds one. */
async function previousIndex(outDir: string): Promise<FeedIndex | null | 'not-a-feed'> {
  let entries: string[];
  try {
    entries = await readdir(outDir);
  } catch {
    return null;
  }
  if (entries.length === 0) return null;
  if (!entries.includes(INDEX_FILE)) return 'not-a-feed';
  const parsed = FeedIndex.safeParse(await readJsonFile(path.join(outDir, INDEX_FILE)).catch(() => null));
  return parsed.success ? parsed.data : null;
}

export async function buildFeedFolder(options: BuildFeedFolderOptions): Promise<BuildFeedFolderResult> {
  const warnings: string[] = [];
  const outDir = path.resolve(options.outDir);
  const previous = await previousIndex(outDir);
  if (previous === 'not-a-feed') {
    throw new Error(`${outDir} is not empty and holds no ${INDEX_FILE}: choose an empty folder or a previous feed build`);
  }
  const signingKey = await importSigningKey(subtle, (await readJsonFile(options.keyFile)) as JsonWebKey);
  const dataset = await loadDataset(options.dataDir ?? DATA_DIR);
  const built = await buildFeed(dataset, {
    subtle,
    signingKey,
    now: options.now ?? Date.now(),
    expiresInDays: options.expiresDays ?? 30,
    ...(options.version ? { version: options.version } : {}),
  });

  const indexBytes = built.files.get(INDEX_FILE);
  const signatureBytes = built.files.get(SIGNATURE_FILE);
  if (!indexBytes || !signatureBytes) throw new Error('the feed build produced no index');
  if (options.verifyWith?.length) {
    const check = await verifyIndex(indexBytes, signatureBytes, options.verifyWith, { subtle, now: options.now ?? Date.now() });
    if (!check.ok) throw new Error(`the feed does not verify with the pinned public key (${check.error.kind}): was it signed with the matching private key?`);
  }

  if (previous) {
    const order = compareVersions(built.index.datasetVersion, previous.datasetVersion);
    const changed = JSON.stringify(previous.files) !== JSON.stringify(built.index.files);
    if (order < 0) warnings.push(`version ${built.index.datasetVersion} is older than the previous build's ${previous.datasetVersion}: clients will refuse it as a rollback`);
    else if (order === 0 && changed) warnings.push(`the data changed but the version is still ${built.index.datasetVersion}: clients holding it will not download the change (bump data/meta.json or pass --version)`);
    // Files the new index no longer lists (a company removed) would otherwise linger on the host.
    const listed = new Set(built.files.keys());
    for (const entry of previous.files) if (!listed.has(entry.path)) await rm(path.join(outDir, entry.path), { force: true });
  }

  const order = [...built.files.keys()].filter((p) => p !== INDEX_FILE && p !== SIGNATURE_FILE);
  order.push(SIGNATURE_FILE, INDEX_FILE);
  for (const relative of order) {
    const target = path.join(outDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, built.files.get(relative) as Uint8Array);
  }
  return { index: built.index, written: order, warnings };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      key: { type: 'string', default: 'keys/feed-private.jwk' },
      'expires-days': { type: 'string', default: '30' },
      version: { type: 'string' },
      data: { type: 'string' },
    },
  });
  if (!values.out) throw new Error('usage: npm run feed:build -- --out DIR [--key FILE] [--expires-days N] [--version V] [--data DIR]');
  const expiresDays = Number(values['expires-days']);
  if (!Number.isFinite(expiresDays) || expiresDays <= 0) throw new Error(`--expires-days must be a positive number, not ${values['expires-days']}`);

  const result = await buildFeedFolder({
    outDir: path.resolve(values.out),
    keyFile: path.resolve(ROOT, values.key),
    expiresDays,
    ...(values.version ? { version: values.version } : {}),
    ...(values.data ? { dataDir: path.resolve(values.data) } : {}),
  });

  // A feed the shipped extension cannot verify is worth a loud warning, not a failure: tests and forks sign with their own keys.
  try {
    const pinned = loadFeedConfig();
    const check = await verifyIndex(
      (await readFile(path.join(values.out, INDEX_FILE))) as Uint8Array<ArrayBuffer>,
      await readFile(path.join(values.out, SIGNATURE_FILE), 'utf8'),
      pinned.publicKey,
      { subtle, now: Date.now() },
    );
    if (!check.ok) result.warnings.push(`this feed does not verify with the pinned key ${path.relative(ROOT, pinned.publicKeyFile)}: extensions built from this repository will refuse it`);
  } catch (error) {
    result.warnings.push(`could not check the feed against the pinned key: ${(error as Error).message}`);
  }

  const { index } = result;
  process.stdout.write(
    `Built feed ${index.datasetVersion} in ${values.out}: ${index.files.length} data files, expires ${index.expires}\n` +
      result.warnings.map((w) => `warning: ${w}\n`).join(''),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`feed:build: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
