import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../../../src/notes/anchoring';
import { NOTES_FORMAT_VERSION, Note, migrateNote, readNote } from '../../../src/notes/model';
import { cleanTags, createNote, deleteNote, editNote, restoreNote } from '../../../src/notes/note-actions';
import { ARTICLE_URL, articleText, sampleNotes } from './sample-notes';

describe('saving, editing, deleting and undoing notes', () => {
  it('saves what the card showed, with a quote that can be found again', () => {
    const text = articleText();
    const start = text.indexOf('RMB 380 billion');
    const note = createNote({
      page: { url: ARTICLE_URL, title: 'Alibaba bets $53bn' },
      text,
      start,
      end: start + 'RMB 380 billion'.length,
      figure: { surface: 'RMB 380 billion', kind: 'money', amount: 380e9, currency: 'CNY' },
      companyId: 'alibaba',
      companyName: 'Alibaba',
      context: { summary: 'Three-year plan', lines: ['Capex FY2025: RMB 76.7bn'] },
      comment: 'Big',
      tags: [' #capex ', 'Capex', ''],
      now: new Date('2025-03-01T09:30:00Z'),
    });
    expect(Note.parse(note)).toEqual(note);
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(note.version).toBe(NOTES_FORMAT_VERSION);
    expect(note.createdAt).toBe('2025-03-01T09:30:00.000Z');
    expect(note.updatedAt).toBe(note.createdAt);
    expect(note.tags).toEqual(['capex']);
    expect(anchorQuote(text, note.target)).toEqual({ start, end: start + 'RMB 380 billion'.length });
  });

  it('cleans tags: trimmed, without #, no empty ones, no copies differing in case', () => {
    expect(cleanTags(['AI', ' ai', '#cloud', '##', '  ', 'Cloud ', 'capex'])).toEqual(['AI', 'cloud', 'capex']);
  });

  it('edits the comment and tags and moves the update time', () => {
    const [note] = sampleNotes();
    const edited = editNote(note!, { comment: 'New thought', tags: ['x', 'X', 'y'] }, new Date('2025-05-01T00:00:00Z'));
    expect(edited).toEqual({ ...note, comment: 'New thought', tags: ['x', 'y'], updatedAt: '2025-05-01T00:00:00.000Z' });
  });

  it('deletes a note so that undo gives it back as it was', () => {
    const [note] = sampleNotes();
    const deleted = deleteNote(note!, new Date('2025-05-01T00:00:00Z'));
    expect(deleted.deletedAt).toBe('2025-05-01T00:00:00.000Z');
    expect(Note.parse(deleted)).toEqual(deleted);
    const restored = restoreNote(deleted, new Date('2025-05-01T00:00:05Z'));
    expect(restored).toEqual({ ...note, updatedAt: '2025-05-01T00:00:05.000Z' });
    expect(restored).not.toHaveProperty('deletedAt');
  });
});

describe('stored notes across schema versions', () => {
  it('reads a current note unchanged', () => {
    const [note] = sampleNotes();
    expect(readNote(JSON.parse(JSON.stringify(note)))).toEqual({ ok: true, note });
  });

  it('runs the upgrades in order from an older version', () => {
    // A made-up history in which version 1 notes are upgraded from a version 0 that called the comment "text".
    const [note] = sampleNotes();
    const { comment, ...rest } = note!;
    const old = { ...rest, version: 0, text: comment };
    const upgrades = { 0: ({ text, ...others }: Record<string, unknown>) => ({ ...others, comment: text }) };
    const migrated = migrateNote(old, upgrades);
    expect(migrated).toEqual({ ok: true, note: { ...note } });
  });

  it('says so when an upgrade step is missing, instead of dropping the note silently', () => {
    const [note] = sampleNotes();
    expect(migrateNote({ ...note, version: 0 }, {})).toEqual({ ok: false, error: 'version: no upgrade from version 0' });
    expect(migrateNote({ ...note, version: 'one' })).toEqual({ ok: false, error: 'version: expected a whole number' });
  });

  it('refuses a note from a newer Footnote and says why', () => {
    const [note] = sampleNotes();
    const result = readNote({ ...note, version: NOTES_FORMAT_VERSION + 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/made by a newer Footnote/);
  });
});
