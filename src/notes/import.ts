/**
 * Reading notes from a file the reader picked: Footnote's JSON backup, or W3C Web Annotations (one Annotation, an
 * AnnotationPage, an AnnotationCollection with its pages inside, or a plain list of Annotations).
 *
 * Everything is checked before anything is returned: one bad note anywhere and the answer is a list of what is
 * wrong and where ("notes[3].target.quote.exact: required"), with no notes at all, so that a failed import writes
 * nothing. Old backups go through the same upgrades as stored notes (migrateNote).
 */
import { z } from 'zod';
import { BACKUP_FORMAT } from './export';
import { IsoDateTime, NOTES_FORMAT_VERSION, Note, capErrors, describeIssues, joinPath, migrateNote } from './model';
import { AnnotationFromFile, annotationToRawNote } from './web-annotation';

export { mergeNotes, type MergeResult } from './merge';

export type ImportFormat = 'json' | 'web-annotation';

export type ImportResult = { ok: true; notes: Note[]; format: ImportFormat } | { ok: false; errors: string[] };

const BackupEnvelope = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int().positive(),
    exportedAt: IsoDateTime,
    notes: z.array(z.unknown()),
  })
  .strict();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeIncludes(value: Record<string, unknown>, name: string): boolean {
  const type = value.type;
  return Array.isArray(type) ? type.includes(name) : type === name;
}

/** Migrates and validates one note found at `at` in the file. */
function checkNote(raw: unknown, at: string): { note?: Note; errors: string[] } {
  const migrated = migrateNote(raw);
  if (!migrated.ok) return { errors: [at ? `${at}.${migrated.error}` : migrated.error] };
  const parsed = Note.safeParse(migrated.note, { reportInput: true });
  if (!parsed.success) return { errors: describeIssues(parsed.error.issues, at) };
  return { note: parsed.data, errors: [] };
}

function readBackup(data: Record<string, unknown>): ImportResult {
  const envelope = BackupEnvelope.safeParse(data, { reportInput: true });
  if (!envelope.success) return { ok: false, errors: capErrors(describeIssues(envelope.error.issues)) };
  if (envelope.data.version > NOTES_FORMAT_VERSION) {
    return {
      ok: false,
      errors: [
        `version: this backup is version ${envelope.data.version}, made by a newer Footnote; this one reads versions up to ${NOTES_FORMAT_VERSION}`,
      ],
    };
  }
  const notes: Note[] = [];
  const errors: string[] = [];
  envelope.data.notes.forEach((raw, index) => {
    const checked = checkNote(raw, `notes[${index}]`);
    if (checked.note) notes.push(checked.note);
    errors.push(...checked.errors);
  });
  return errors.length > 0 ? { ok: false, errors: capErrors(errors) } : { ok: true, notes, format: 'json' };
}

/** The annotations of a Web Annotation document with the path of each, or what is wrong with its structure. */
function annotationsIn(data: unknown): { items: { value: unknown; at: string }[]; errors: string[] } {
  const listAt = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return { items: [], errors: [`${at || 'items'}: expected a list of annotations`] };
    return { items: list.map((value, index) => ({ value, at: joinPath(at, [index]) })), errors: [] };
  };
  if (Array.isArray(data)) return listAt(data, '');
  if (!isRecord(data)) return { items: [], errors: ['expected a JSON object'] };
  if (typeIncludes(data, 'Annotation')) return { items: [{ value: data, at: '' }], errors: [] };
  if (typeIncludes(data, 'AnnotationPage')) return listAt(data.items, 'items');

  // AnnotationCollection: its pages, followed from `first` through `next`, have to be inside the file.
  const items: { value: unknown; at: string }[] = [];
  let page: unknown = data.first;
  let at = 'first';
  const seen = new Set<unknown>();
  while (page !== undefined) {
    if (!isRecord(page)) {
      const what = typeof page === 'string' ? 'a link to a page elsewhere' : 'not a page';
      return { items: [], errors: [`${at}: ${what}; only collections with their pages inside the file can be imported`] };
    }
    if (seen.has(page)) break;
    seen.add(page);
    if (!typeIncludes(page, 'AnnotationPage')) return { items: [], errors: [`${at}.type: expected type "AnnotationPage"`] };
    const list = listAt(page.items, joinPath(at, ['items']));
    if (list.errors.length > 0) return list;
    items.push(...list.items);
    page = page.next;
    at = `${at}.next`;
  }
  return { items, errors: [] };
}

function readWebAnnotations(data: unknown): ImportResult {
  const found = annotationsIn(data);
  if (found.errors.length > 0) return { ok: false, errors: found.errors };
  const notes: Note[] = [];
  const errors: string[] = [];
  for (const { value, at } of found.items) {
    const annotation = AnnotationFromFile.safeParse(value, { reportInput: true });
    if (!annotation.success) {
      errors.push(...describeIssues(annotation.error.issues, at));
      continue;
    }
    const raw = annotationToRawNote(annotation.data, at);
    if (!raw.ok) {
      errors.push(raw.error);
      continue;
    }
    // Paths inside the note (page.url, ...) are the note's, not the annotation's: say so.
    const checked = checkNote(raw.note, at ? `${at} (as a note)` : '(as a note)');
    if (checked.note) notes.push(checked.note);
    errors.push(...checked.errors);
  }
  return errors.length > 0 ? { ok: false, errors: capErrors(errors) } : { ok: true, notes, format: 'web-annotation' };
}

/** Reads notes from the text of a JSON backup or a Web Annotation file; nothing is returned unless all of it is good. */
export function importNotes(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, errors: [`not a JSON file: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (isRecord(data) && 'format' in data) return readBackup(data);
  if (
    Array.isArray(data) ||
    (isRecord(data) && ['Annotation', 'AnnotationPage', 'AnnotationCollection'].some((t) => typeIncludes(data, t)))
  ) {
    return readWebAnnotations(data);
  }
  return {
    ok: false,
    errors: [
      `not a Footnote backup (with "format": "${BACKUP_FORMAT}") nor a W3C Web Annotation (with "type": "Annotation", "AnnotationPage" or "AnnotationCollection")`,
    ],
  };
}
