/**
 * The background's view of the dataset: IndexedDB when it can be opened, else the bundled snapshot in memory.
 * The bundled snapshot answers while the database is filled, and whenever it cannot be.
 */
import { compareVersions, Dataset } from '../../src/dataset/schema';
import { openDatabase, readDataset, readDatasetState, replaceDataset, type Database, type DatasetState } from './db';

export interface StoreStatus {
  version: string;
  published: string;
  origin: DatasetState['origin'];
  /** Where the dataset and notes live: IndexedDB, or memory only (notes cannot be saved). */
  storage: 'indexeddb' | 'memory';
  storageError: string | null;
}

export class DatasetStore {
  private db: Promise<Database | null> | null = null;
  private dbError: string | null = null;
  private cached: Promise<Dataset> | null = null;
  private state: DatasetState | null = null;

  constructor(private readonly loadBundled: () => Promise<Dataset>) {}

  /** The database, or null when IndexedDB cannot be opened here (private browsing, storage disabled). */
  database(): Promise<Database | null> {
    // openDB can throw before it returns a promise (IndexedDB missing or disabled): both end up here.
    this.db ??= Promise.resolve().then(openDatabase).catch((error: unknown) => {
      this.dbError = error instanceof Error ? error.message : String(error);
      return null;
    });
    return this.db;
  }

  /** Why IndexedDB could not be opened, once `database()` has answered null. */
  databaseError(): string | null {
    return this.dbError;
  }

  /**
   * Writes the bundled snapshot when the database holds nothing, or something older (install and update).
   * Answers whether the bundled snapshot is now the dataset in use.
   */
  async seedFromBundled(): Promise<boolean> {
    const db = await this.database();
    if (!db) return true;
    const bundled = await this.loadBundled();
    const held = await readDatasetState(db);
    if (!held || compareVersions(bundled.version, held.version) > 0) {
      this.state = await replaceDataset(db, bundled, 'bundled');
      this.cached = Promise.resolve(bundled);
      return true;
    }
    return held.origin === 'bundled';
  }

  /** Swaps in a new dataset atomically (used by the feed sync), with `alsoWrite` meta records in the same transaction. */
  async apply(dataset: Dataset, origin: DatasetState['origin'], alsoWrite: Record<string, unknown> = {}): Promise<void> {
    const db = await this.database();
    if (db) this.state = await replaceDataset(db, dataset, origin, new Date(), alsoWrite);
    else this.state = { version: dataset.version, published: dataset.published, origin, appliedAt: new Date().toISOString() };
    this.cached = Promise.resolve(dataset);
  }

  get(): Promise<Dataset> {
    this.cached ??= this.load().catch((error: unknown) => {
      this.cached = null;
      throw error;
    });
    return this.cached;
  }

  private async load(): Promise<Dataset> {
    const db = await this.database();
    if (db) {
      let held = await readDataset(db);
      if (!held) {
        await this.seedFromBundled();
        held = await readDataset(db);
      }
      this.state = await readDatasetState(db);
      if (held) return held;
    }
    const bundled = await this.loadBundled();
    this.state ??= { version: bundled.version, published: bundled.published, origin: 'bundled', appliedAt: new Date().toISOString() };
    return bundled;
  }

  async status(): Promise<StoreStatus> {
    const dataset = await this.get();
    const db = await this.database();
    return {
      version: dataset.version,
      published: dataset.published,
      origin: this.state?.origin ?? 'bundled',
      storage: db ? 'indexeddb' : 'memory',
      storageError: db ? null : this.dbError,
    };
  }
}

/** Fetches and validates the snapshot bundled with the extension. */
export async function fetchBundledDataset(url: string): Promise<Dataset> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The bundled dataset could not be read (HTTP ${response.status}).`);
  return Dataset.parse(await response.json());
}
