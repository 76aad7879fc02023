/**
 * Saved notes in the extension-origin IndexedDB. Notes are never lost: a stored note that this version cannot
 * read is left in place (and counted) rather than dropped; a failed import writes nothing; deleting keeps the
 * note (marked) so that "Undo" can bring it back.
 */
import {
  createNoteFromQuote,
  deleteNote,
  editNote,
  EXPORT_FILES,
  exportFileName,
  exportNotesAsCsv,
  exportNotesAsJson,
  exportNotesAsMarkdown,
  exportNotesAsWebAnnotation,
  filterNotes,
  importNotes,
  mergeNotes,
  readNote,
  restoreNote,
  type ExportFormat,
  type Note,
} from '../../src/notes';
import type { Database } from './db';

export class NotesUnavailableError extends Error {
  constructor(reason: string | null) {
    super(`Notes cannot be saved in this browser mode: IndexedDB is not available${reason ? ` (${reason})` : ''}.`);
    this.name = 'NotesUnavailableError';
  }
}

export interface ExportedNotes {
  fileName: string;
  mimeType: string;
  content: string;
  count: number;
}

export type ImportOutcome = { ok: true; format: string; added: number; updated: number; skipped: number } | { ok: false; errors: string[] };

export class NotesStore {
  constructor(
    private readonly database: () => Promise<Database | null>,
    private readonly unavailableReason: () => string | null,
  ) {}

  private async db(): Promise<Database> {
    const db = await this.database();
    if (!db) throw new NotesUnavailableError(this.unavailableReason());
    return db;
  }

  /** Every note this version can read, and how many stored ones it cannot (kept, not shown). */
  async all(): Promise<{ notes: Note[]; unreadable: number }> {
    const raw = await (await this.db()).getAll('notes');
    const notes: Note[] = [];
    let unreadable = 0;
    for (const value of raw) {
      const read = readNote(value);
      if (read.ok) notes.push(read.note);
      else unreadable++;
    }
    return { notes, unreadable };
  }

  async list(filter: { url?: string; includeDeleted?: boolean } = {}): Promise<{ notes: Note[]; unreadable: number }> {
    const { notes, unreadable } = await this.all();
    return { notes: filterNotes(notes, { ...(filter.url ? { url: filter.url } : {}), includeDeleted: filter.includeDeleted ?? false }), unreadable };
  }

  async save(input: Parameters<typeof createNoteFromQuote>[0]): Promise<Note> {
    const note = createNoteFromQuote(input);
    await (await this.db()).put('notes', note as never);
    return note;
  }

  private async change(id: string, update: (note: Note) => Note): Promise<Note> {
    const db = await this.db();
    const tx = db.transaction('notes', 'readwrite');
    const raw = await tx.store.get(id);
    if (!raw) throw new Error('That note no longer exists.');
    const read = readNote(raw);
    if (!read.ok) throw new Error(`That note cannot be read by this version of Footnote: ${read.errors[0] ?? ''}`);
    const next = update(read.note);
    await tx.store.put(next as never);
    await tx.done;
    return next;
  }

  edit(id: string, changes: { comment?: string; tags?: string[] }): Promise<Note> {
    return this.change(id, (note) => editNote(note, changes));
  }

  delete(id: string): Promise<Note> {
    return this.change(id, (note) => deleteNote(note));
  }

  restore(id: string): Promise<Note> {
    return this.change(id, (note) => restoreNote(note));
  }

  async export(format: ExportFormat, url?: string): Promise<ExportedNotes> {
    const { notes } = await this.list(url ? { url } : {});
    const content =
      format === 'markdown'
        ? exportNotesAsMarkdown(notes)
        : format === 'csv'
          ? exportNotesAsCsv(notes)
          : format === 'json'
            ? exportNotesAsJson(notes)
            : exportNotesAsWebAnnotation(notes);
    return { fileName: exportFileName(format), mimeType: EXPORT_FILES[format].mimeType, content, count: notes.length };
  }

  /** Validates the whole file first; writes the merge in one transaction, or nothing. */
  async import(text: string): Promise<ImportOutcome> {
    const parsed = importNotes(text);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const db = await this.db();
    const { notes: existing } = await this.all();
    const merge = mergeNotes(existing, parsed.notes);
    const tx = db.transaction('notes', 'readwrite');
    await Promise.all([...merge.added, ...merge.updated].map((note) => tx.store.put(note as never)));
    await tx.done;
    return { ok: true, format: parsed.format, added: merge.added.length, updated: merge.updated.length, skipped: merge.skipped.length };
  }
}
