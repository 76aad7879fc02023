/**
 * Which files of a verified index a client must download, given what it holds: only those whose SHA-256 differs
 * (10ten's jpdict-idb updates incrementally in the same spirit), and nothing at all for an older version.
 */
import { compareVersions } from '../dataset/schema';
import type { FeedError } from './errors';
import type { FeedFileEntry, FeedIndex } from './format';

export interface HeldFiles {
  /** The dataset version held, or null when nothing is held yet. */
  version: string | null;
  /** SHA-256 of each file held from an earlier sync, by path. */
  files: Readonly<Record<string, string>>;
}

export type FeedUpdatePlan =
  | { action: 'none' }
  | { action: 'update'; download: FeedFileEntry[]; keep: FeedFileEntry[] }
  | { action: 'refuse'; error: FeedError };

export function planFeedUpdate(index: FeedIndex, held: HeldFiles): FeedUpdatePlan {
  if (held.version !== null) {
    const order = compareVersions(index.datasetVersion, held.version);
    if (order < 0) return { action: 'refuse', error: { kind: 'rollback', held: held.version, offered: index.datasetVersion } };
    if (order === 0) return { action: 'none' };
  }
  const download: FeedFileEntry[] = [];
  const keep: FeedFileEntry[] = [];
  for (const entry of index.files) {
    if (held.files[entry.path] === entry.sha256) keep.push(entry);
    else download.push(entry);
  }
  return { action: 'update', download, keep };
}
