/**
 * How a Dataset splits into the feed's files and back: `meta.json` (a DatasetMeta), `fx.json` (an FxTable) and
 * one `companies/<id>.json` (a CompanyRecord) per company, so that a quarterly update of a few companies downloads
 * only those.
 */
import { CompanyRecord, DatasetMeta, FxTable, type Dataset } from '../dataset/schema';
import { companyIdOfPath, companyPath, type FeedFileKind } from './format';

export interface FeedFileContent {
  path: string;
  kind: FeedFileKind;
  /** The file's JSON value. */
  value: unknown;
}

export function datasetToFeedFiles(dataset: Dataset): FeedFileContent[] {
  return [
    { path: 'meta.json', kind: 'meta', value: { version: dataset.version, published: dataset.published } },
    { path: 'fx.json', kind: 'fx', value: { rates: dataset.fx } },
    ...dataset.companies.map((company): FeedFileContent => ({ path: companyPath(company.id), kind: 'company', value: company })),
  ];
}

/** The zod schema each kind of file must satisfy. */
export const SCHEMA_OF_KIND = { meta: DatasetMeta, fx: FxTable, company: CompanyRecord } as const;

/**
 * Reads a file the client already holds back out of the held Dataset, so that the background need store only the
 * Dataset and each path's SHA-256. Undefined when the dataset has no such file (the client then downloads it).
 */
export function heldFileReader(dataset: Dataset): (path: string) => Promise<unknown> {
  return (path) => {
    if (path === 'meta.json') return Promise.resolve({ version: dataset.version, published: dataset.published });
    if (path === 'fx.json') return Promise.resolve({ rates: dataset.fx });
    const id = companyIdOfPath(path);
    return Promise.resolve(id === null ? undefined : dataset.companies.find((company) => company.id === id));
  };
}
