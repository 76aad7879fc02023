/**
 * The extension-origin IndexedDB, owned by the background (content scripts never open IndexedDB: theirs
 * would be the web site's origin). Upgrades are cumulative (`if (oldVersion < n)`), so a database of any
 * earlier version reaches the current one with its notes intact.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CompanyRecord, Dataset, FxRate } from '../../src/dataset/schema';

export const DB_NAME = 'footnote';
export const DB_VERSION = 2;

export interface DatasetState {
  version: string;
  published: string;
  /** Where the held dataset came from. */
  origin: 'bundled' | 'feed';
  appliedAt: string;
}

export interface FootnoteDB extends DBSchema {
  companies: { key: string; value: CompanyRecord };
  fx: { key: [string, string]; value: FxRate };
  /** Small records: `dataset` (DatasetState), `sync` (the feed client's state). */
  meta: { key: string; value: unknown };
  notes: { key: string; value: { id: string; page: { url: string }; companyId?: string } & Record<string, unknown>; indexes: { byUrl: string; byCompany: string } };
}

export type Database = IDBPDatabase<FootnoteDB>;

export function openDatabase(): Promise<Database> {
  return openDB<FootnoteDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      // Cumulative: a database of any earlier version passes through every later step, notes kept.
      if (oldVersion < 1) {
        db.createObjectStore('companies', { keyPath: 'id' });
        db.createObjectStore('fx', { keyPath: ['currency', 'period'] });
        db.createObjectStore('meta');
        const notes = db.createObjectStore('notes', { keyPath: 'id' });
        notes.createIndex('byUrl', 'page.url');
      }
      if (oldVersion < 2) {
        // Version 2: notes can be listed by company (the popup's company filter, a company's summary).
        tx.objectStore('notes').createIndex('byCompany', 'companyId');
      }
    },
  });
}

/**
 * Replaces the held dataset in one transaction: readers see the old one until it commits. `alsoWrite` adds
 * records to `meta` in the same transaction (the feed's sync state), so that the two never disagree.
 */
export async function replaceDataset(
  db: Database,
  dataset: Dataset,
  origin: DatasetState['origin'],
  now = new Date(),
  alsoWrite: Record<string, unknown> = {},
): Promise<DatasetState> {
  const state: DatasetState = { version: dataset.version, published: dataset.published, origin, appliedAt: now.toISOString() };
  const tx = db.transaction(['companies', 'fx', 'meta'], 'readwrite');
  const companies = tx.objectStore('companies');
  const fx = tx.objectStore('fx');
  await Promise.all([companies.clear(), fx.clear()]);
  await Promise.all([
    ...dataset.companies.map((c) => companies.put(c)),
    ...dataset.fx.map((r) => fx.put(r)),
    tx.objectStore('meta').put(state, 'dataset'),
    ...Object.entries(alsoWrite).map(([key, value]) => tx.objectStore('meta').put(value, key)),
  ]);
  await tx.done;
  return state;
}

/** Reads the whole held dataset, or null when none was written yet. */
export async function readDataset(db: Database): Promise<Dataset | null> {
  const tx = db.transaction(['companies', 'fx', 'meta'], 'readonly');
  const [state, companies, fx] = await Promise.all([
    tx.objectStore('meta').get('dataset') as Promise<DatasetState | undefined>,
    tx.objectStore('companies').getAll(),
    tx.objectStore('fx').getAll(),
  ]);
  await tx.done;
  if (!state) return null;
  return { version: state.version, published: state.published, companies, fx };
}

export async function readDatasetState(db: Database): Promise<DatasetState | null> {
  return ((await db.get('meta', 'dataset')) as DatasetState | undefined) ?? null;
}
