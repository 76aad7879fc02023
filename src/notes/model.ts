/**
 * The saved note (issue 6, "Notes"), as a zod schema.
 *
 * A note is what "Save note" on a card keeps: the quote with words on each side (enough to find it again when
 * the page changes), the figure and company the card was about, what the card said at that moment, the page, and
 * the reader's comment and tags. Every stored note carries `version` so that later schema changes upgrade old
 * notes instead of dropping them ("Notes are never lost", DESIGN.md).
 */
import { z } from 'zod';

/** The version of the note record and of the JSON backup that wraps it. Raise it with an upgrade in NOTE_UPGRADES. */
export const NOTES_FORMAT_VERSION = 1;

/** ISO 8601 date-time; an offset other than Z is kept as written so that a round trip gives back the same text. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** The quote and the words around it, as a W3C TextQuoteSelector says it. */
export const QuoteSelector = z
  .object({
    exact: z.string().min(1, 'the quote is empty'),
    prefix: z.string(),
    suffix: z.string(),
  })
  .strict();
export type QuoteSelector = z.infer<typeof QuoteSelector>;

/** Where the quote was in the page's text, counted in Unicode code points (W3C TextPositionSelector), end exclusive. */
export const PositionSelector = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .strict()
  .refine((p) => p.end >= p.start, { message: 'end comes before start' });
export type PositionSelector = z.infer<typeof PositionSelector>;

export const FIGURE_KINDS = ['money', 'percent', 'company'] as const;

/** The figure (or company name) the card was about when the note was saved. */
export const NoteFigure = z
  .object({
    /** As written on the page: "RMB 380 billion (US$53bn)". */
    surface: z.string().min(1),
    kind: z.enum(FIGURE_KINDS),
    /** Money: the amount in the currency's units (US$53bn -> 53000000000). */
    amount: z.number().finite().optional(),
    /** Money: ISO 4217. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as USD').optional(),
    /** Percent: the number before the sign (12.5 for "12.5%"). */
    value: z.number().finite().optional(),
    /** The metric the figure was attributed to, when it was: capex, cloud_revenue, ... */
    metric: z.string().min(1).optional(),
  })
  .strict();
export type NoteFigure = z.infer<typeof NoteFigure>;

export const NoteTarget = z
  .object({
    quote: QuoteSelector,
    /** Absent only for notes imported from elsewhere that had no position; anchoring then goes by the quote. */
    position: PositionSelector.optional(),
    figure: NoteFigure.optional(),
  })
  .strict();
export type NoteTarget = z.infer<typeof NoteTarget>;

/**
 * A page address: http(s), or file for a saved page. Imported files are not trusted, and an address is shown as a
 * link: a javascript: or data: address is refused here rather than escaped everywhere it is shown.
 */
export const PageAddress = z.url({ protocol: /^(https?|file)$/, error: 'expected an http, https or file address' });

export const NoteSource = z.object({ title: z.string(), url: PageAddress }).strict();
export type NoteSource = z.infer<typeof NoteSource>;

/** What the card said when the note was saved, so that the note still reads right after the dataset changes. */
export const NoteContext = z
  .object({
    summary: z.string(),
    /** The card's lines as text: "Capex FY2025: RMB 76.7bn (source: Alibaba Group results, May 2025)". */
    lines: z.array(z.string()),
    sources: z.array(NoteSource).optional(),
  })
  .strict();
export type NoteContext = z.infer<typeof NoteContext>;

export const NotePage = z
  .object({
    url: PageAddress,
    title: z.string(),
  })
  .strict();
export type NotePage = z.infer<typeof NotePage>;

export const Note = z
  .object({
    version: z.literal(NOTES_FORMAT_VERSION),
    id: z.uuid(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    page: NotePage,
    target: NoteTarget,
    companyId: z.string().min(1).optional(),
    companyName: z.string().min(1).optional(),
    context: NoteContext,
    comment: z.string(),
    tags: z.array(z.string().min(1, 'a tag is empty')),
    /** Set when the reader deletes the note; clearing it is the undo. Exports leave such notes out. */
    deletedAt: IsoDateTime.optional(),
  })
  .strict();
export type Note = z.infer<typeof Note>;

/**
 * Upgrades from one note version to the next: `NOTE_UPGRADES[n]` turns a version-n note into a version-(n+1) note.
 * Empty while version 1 is the only version; add a step here (never edit an old one) when the schema changes.
 */
export const NOTE_UPGRADES: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {};

export type MigrationResult = { ok: true; note: unknown } | { ok: false; error: string };

/**
 * Brings a stored or imported note up to NOTES_FORMAT_VERSION by running the upgrades in order. The result still
 * has to pass `Note`; a note from a newer Footnote is refused rather than guessed at.
 */
export function migrateNote(old: unknown, upgrades = NOTE_UPGRADES): MigrationResult {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) {
    return { ok: false, error: 'expected a note object' };
  }
  let note = old as Record<string, unknown>;
  const version = note.version;
  if (version === undefined) return { ok: false, error: 'version: required' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, error: 'version: expected a whole number' };
  }
  if (version > NOTES_FORMAT_VERSION) {
    return {
      ok: false,
      error: `version: this note is version ${version}, made by a newer Footnote; this one reads versions up to ${NOTES_FORMAT_VERSION}`,
    };
  }
  for (let v = version; v < NOTES_FORMAT_VERSION; v++) {
    const upgrade = upgrades[v];
    if (!upgrade) return { ok: false, error: `version: no upgrade from version ${v}` };
    note = { ...upgrade(note), version: v + 1 };
  }
  return { ok: true, note };
}

/** Migrates and validates one stored note: what the background reads out of IndexedDB goes through this. */
export function readNote(raw: unknown): { ok: true; note: Note } | { ok: false; errors: string[] } {
  const migrated = migrateNote(raw);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  const parsed = Note.safeParse(migrated.note, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error.issues) };
  return { ok: true, note: parsed.data };
}

/** How many problems an error list names before it says "and N more": a broken file should not print a novel. */
export const MAX_REPORTED_ERRORS = 20;

/**
 * Turns zod issues into lines a person can act on: "notes[3].target.quote.exact: required".
 * `at` is the path of the checked value inside the file ("notes[3]").
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], at = ''): string[] {
  return issues.map((issue) => {
    const where = joinPath(at, issue.path);
    // Parsed with reportInput, an issue carries the value it was about: none means the field is missing.
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    const what = missing ? 'required' : issue.message;
    return where ? `${where}: ${what}` : what;
  });
}

/** Joins a base path and zod path segments the way people write them: notes[3].target.quote. */
export function joinPath(at: string, path: readonly PropertyKey[]): string {
  let out = at;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

/** Keeps an error list short: the first MAX_REPORTED_ERRORS lines and a count of the rest. */
export function capErrors(errors: readonly string[]): string[] {
  if (errors.length <= MAX_REPORTED_ERRORS) return [...errors];
  return [...errors.slice(0, MAX_REPORTED_ERRORS), `... and ${errors.length - MAX_REPORTED_ERRORS} more problems`];
}
