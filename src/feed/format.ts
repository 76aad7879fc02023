/**
 * The feed's on-the-wire format (see README.md in this folder): a signed `index.json` that lists the dataset's
 * files with their SHA-256 and size, a detached `index.json.sig`, and the data files themselves.
 */
import { z } from 'zod';
import { DatasetVersion } from '../dataset/schema';

export const FEED_FORMAT_VERSION = 1;
export const INDEX_FILE = 'index.json';
export const SIGNATURE_FILE = 'index.json.sig';

export const FILE_KINDS = ['meta', 'fx', 'company'] as const;
export type FeedFileKind = (typeof FILE_KINDS)[number];

const COMPANY_PATH = /^companies\/([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/;

/** Where each kind of file lives in the feed folder. Fixed paths keep a hostile index from pointing anywhere else. */
export function pathMatchesKind(path: string, kind: FeedFileKind): boolean {
  if (kind === 'meta') return path === 'meta.json';
  if (kind === 'fx') return path === 'fx.json';
  return COMPANY_PATH.test(path);
}

/** The company id a `companies/<id>.json` path names, or null. */
export function companyIdOfPath(path: string): string | null {
  return COMPANY_PATH.exec(path)?.[1] ?? null;
}

export function companyPath(id: string): string {
  return `companies/${id}.json`;
}

export const FeedFileEntry = z
  .object({
    /** Relative to the folder of index.json: `meta.json`, `fx.json`, `companies/<id>.json`. */
    path: z.string(),
    /** Lower-case hex SHA-256 of the file's exact bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a lower-case hex SHA-256'),
    /** Size in bytes. */
    size: z.number().int().nonnegative(),
    kind: z.enum(FILE_KINDS),
  })
  .refine((entry) => pathMatchesKind(entry.path, entry.kind), {
    message: 'the path does not fit the kind (meta.json, fx.json or companies/<id>.json)',
    path: ['path'],
  });
export type FeedFileEntry = z.infer<typeof FeedFileEntry>;

/**
 * The signed index. Unknown fields are ignored rather than refused so that a later format can add optional fields
 * without breaking older clients; anything incompatible bumps `formatVersion`.
 */
export const FeedIndex = z
  .object({
    formatVersion: z.literal(FEED_FORMAT_VERSION, {
      error: `this feed uses a format this version of Footnote does not read (expected formatVersion ${FEED_FORMAT_VERSION})`,
    }),
    datasetVersion: DatasetVersion,
    /** When this index was built and signed. */
    published: z.iso.datetime({ offset: true }),
    /** After this time the index is refused: a mirror or attacker cannot keep serving old data forever (freeze attack). */
    expires: z.iso.datetime({ offset: true }),
    files: z.array(FeedFileEntry),
  })
  .superRefine((index, ctx) => {
    if (Date.parse(index.expires) <= Date.parse(index.published)) {
      ctx.addIssue({ code: 'custom', message: 'expires must be after published', path: ['expires'] });
    }
    const seen = new Set<string>();
    index.files.forEach((entry, i) => {
      if (seen.has(entry.path)) ctx.addIssue({ code: 'custom', message: `${entry.path} is listed twice`, path: ['files', i, 'path'] });
      seen.add(entry.path);
    });
    for (const kind of ['meta', 'fx'] as const) {
      const count = index.files.filter((entry) => entry.kind === kind).length;
      if (count !== 1) ctx.addIssue({ code: 'custom', message: `expected exactly one ${kind} file, found ${count}`, path: ['files'] });
    }
  });
export type FeedIndex = z.infer<typeof FeedIndex>;
