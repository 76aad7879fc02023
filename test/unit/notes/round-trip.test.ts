import { describe, expect, it } from 'vitest';
import { buildAnnotationCollection, exportNotesAsJson, exportNotesAsWebAnnotation } from '../../../src/notes/export';
import { importNotes } from '../../../src/notes/import';
import { deleteNote } from '../../../src/notes/note-actions';
import { sampleNotes } from './sample-notes';

const now = new Date('2025-03-05T00:00:00Z');
let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

describe('export then import gives back the same notes', () => {
  it('through the JSON backup', () => {
    const notes = sampleNotes();
    const result = importNotes(exportNotesAsJson(notes, { now }));
    expect(result).toEqual({ ok: true, format: 'json', notes });
  });

  it('through the W3C Web Annotation collection', () => {
    const notes = sampleNotes();
    const result = importNotes(exportNotesAsWebAnnotation(notes, { now, newId }));
    expect(result).toEqual({ ok: true, format: 'web-annotation', notes });
  });

  it('through a single exported annotation and an annotation page', () => {
    const notes = sampleNotes();
    const collection = buildAnnotationCollection(notes, { now, newId });
    const page = collection.first!;
    expect(importNotes(JSON.stringify(page))).toEqual({ ok: true, format: 'web-annotation', notes });
    expect(importNotes(JSON.stringify(page.items[3]))).toEqual({ ok: true, format: 'web-annotation', notes: [notes[3]] });
  });

  it('leaves deleted notes (waiting for undo) out of the backup', () => {
    const [first, ...rest] = sampleNotes();
    const deleted = deleteNote(first!, now);
    const result = importNotes(exportNotesAsJson([deleted, ...rest], { now }));
    expect(result).toEqual({ ok: true, format: 'json', notes: rest });
  });

  it('exports an empty collection without pages, which imports as no notes', () => {
    const collection = buildAnnotationCollection([], { now, newId });
    expect(collection.total).toBe(0);
    expect(collection.first).toBeUndefined();
    expect(importNotes(JSON.stringify(collection))).toEqual({ ok: true, format: 'web-annotation', notes: [] });
  });
});
