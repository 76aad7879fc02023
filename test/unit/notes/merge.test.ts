import { describe, expect, it } from 'vitest';
import { exportNotesAsJson } from '../../../src/notes/export';
import { importNotes, mergeNotes } from '../../../src/notes/import';
import { deleteNote, editNote } from '../../../src/notes/note-actions';
import { sampleNotes } from './sample-notes';

const later = new Date('2025-04-01T00:00:00Z');

describe('merging imported notes into the reader’s notes', () => {
  it('adds nothing when the same notes come back from a backup', () => {
    const notes = sampleNotes();
    const imported = importNotes(exportNotesAsJson(notes));
    if (!imported.ok) throw new Error(imported.errors.join('\n'));
    const result = mergeNotes(notes, imported.notes);
    expect(result.merged).toEqual(notes);
    expect(result.added).toEqual([]);
    expect(result.updated).toEqual([]);
    expect(result.skipped).toHaveLength(notes.length);
  });

  it('adds notes it does not have, after the existing ones', () => {
    const [a, b, c, d] = sampleNotes();
    const result = mergeNotes([a!, b!], [c!, b!, d!]);
    expect(result.merged).toEqual([a, b, c, d]);
    expect(result.added).toEqual([c, d]);
    expect(result.skipped).toEqual([b]);
  });

  it('keeps the newer version of a note with the same id, whichever side it is on', () => {
    const [a] = sampleNotes();
    const edited = editNote(a!, { comment: 'Revised comment' }, later);
    expect(mergeNotes([a!], [edited])).toMatchObject({ merged: [edited], updated: [edited], added: [], skipped: [] });
    expect(mergeNotes([edited], [a!])).toMatchObject({ merged: [edited], updated: [], added: [], skipped: [a] });
  });

  it('keeps what the reader has when both versions have the same time', () => {
    const [a] = sampleNotes();
    const sameTime = { ...a!, comment: 'different, same time' };
    expect(mergeNotes([a!], [sameTime]).merged).toEqual([a]);
  });

  it('treats a note with another id but the same page, quote and comment as the same note, keeping the existing id', () => {
    const [a] = sampleNotes();
    const copy = { ...a!, id: 'c56a4180-65aa-42ec-a945-5fd21dec0538', page: { ...a!.page, url: `${a!.page.url}#comments` }, tags: ['capex', 'copied'], updatedAt: later.toISOString() };
    const result = mergeNotes([a!], [copy]);
    expect(result.merged).toEqual([{ ...copy, id: a!.id }]);
    expect(result.updated).toEqual([{ ...copy, id: a!.id }]);
    expect(result.added).toEqual([]);
  });

  it('does not count a different comment on the same quote as a duplicate', () => {
    const [a] = sampleNotes();
    const other = { ...a!, id: 'c56a4180-65aa-42ec-a945-5fd21dec0538', comment: 'A second thought' };
    expect(mergeNotes([a!], [other]).added).toEqual([other]);
  });

  it('collapses duplicates inside the imported file too', () => {
    const [a, b] = sampleNotes();
    const newer = editNote(b!, { tags: ['growth', 'cloud'] }, later);
    const result = mergeNotes([a!], [b!, newer, b!]);
    expect(result.merged).toEqual([a, newer]);
    expect(result.added).toEqual([newer]);
    expect(result.updated).toEqual([]);
  });

  it('lets a deletion made after the backup stand when the backup is imported again', () => {
    const [a] = sampleNotes();
    const deleted = deleteNote(a!, later);
    const result = mergeNotes([deleted], [a!]);
    expect(result.merged).toEqual([deleted]);
    expect(result.skipped).toEqual([a]);
  });

  it('does not change the arrays it was given', () => {
    const notes = sampleNotes();
    const existing = notes.slice(0, 2);
    const incoming = notes.slice(1);
    mergeNotes(existing, incoming);
    expect(existing).toEqual(notes.slice(0, 2));
    expect(incoming).toEqual(notes.slice(1));
  });
});
