/**
 * What the reader does to notes: save one from a card, edit its comment and tags, delete it and undo that.
 * Each returns a new note (checked against the schema) for the background to write; nothing here stores anything.
 */
import { describeQuote } from './anchoring';
import { NOTES_FORMAT_VERSION, Note, type NoteContext, type NoteFigure, type NotePage, type PositionSelector, type QuoteSelector } from './model';

export interface NewNote {
  page: NotePage;
  /** The page's text the quote was taken from, and the quote's UTF-16 offsets in it (end exclusive). */
  text: string;
  start: number;
  end: number;
  figure?: NoteFigure;
  companyId?: string;
  companyName?: string;
  context: NoteContext;
  comment?: string;
  tags?: readonly string[];
  /** Tests pass these; the extension lets them default. */
  id?: string;
  now?: Date;
}

/**
 * Tags as the reader means them: trimmed, without a leading "#", no empty ones, and no second copy that differs
 * only in case (the first spelling is kept).
 */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** The note "Save note" on a card makes. Throws (a ZodError) if what it was given does not make a valid note. */
export function createNote(input: NewNote): Note {
  const { text, start, end, ...rest } = input;
  const described = describeQuote(text, start, end);
  return createNoteFromQuote({ ...rest, quote: { exact: described.exact, prefix: described.prefix, suffix: described.suffix }, position: described.position });
}

/**
 * A note from a quote already described in the page (`describeQuote` runs where the page's text is, in the
 * content script; the background, which stores notes, never needs the whole text). Throws a ZodError when the
 * parts do not make a valid note.
 */
export function createNoteFromQuote(input: Omit<NewNote, 'text' | 'start' | 'end'> & { quote: QuoteSelector; position?: PositionSelector }): Note {
  const time = (input.now ?? new Date()).toISOString();
  return Note.parse({
    version: NOTES_FORMAT_VERSION,
    id: input.id ?? crypto.randomUUID(),
    createdAt: time,
    updatedAt: time,
    page: input.page,
    target: {
      quote: input.quote,
      ...(input.position ? { position: input.position } : {}),
      ...(input.figure ? { figure: input.figure } : {}),
    },
    ...(input.companyId !== undefined ? { companyId: input.companyId } : {}),
    ...(input.companyName !== undefined ? { companyName: input.companyName } : {}),
    context: input.context,
    comment: input.comment ?? '',
    tags: cleanTags(input.tags ?? []),
  });
}

/** The note with a new comment and/or tags. */
export function editNote(note: Note, changes: { comment?: string; tags?: readonly string[] }, now: Date = new Date()): Note {
  return Note.parse({
    ...note,
    ...(changes.comment !== undefined ? { comment: changes.comment } : {}),
    ...(changes.tags !== undefined ? { tags: cleanTags(changes.tags) } : {}),
    updatedAt: now.toISOString(),
  });
}

/**
 * The note marked deleted, kept so that "Undo" can bring it back. Updating `updatedAt` too means an older backup
 * imported later does not silently bring it back (the deletion is the newer version).
 */
export function deleteNote(note: Note, now: Date = new Date()): Note {
  const time = now.toISOString();
  return { ...note, deletedAt: time, updatedAt: time };
}

/** Undo of a deletion. */
export function restoreNote(note: Note, now: Date = new Date()): Note {
  const { deletedAt: _deletedAt, ...rest } = note;
  return { ...rest, updatedAt: now.toISOString() };
}
