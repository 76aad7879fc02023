import { describe, expect, it } from 'vitest';
import { buildAnnotationCollection, buildNotesBackup, exportNotesAsJson } from '../../../src/notes/export';
import { importNotes } from '../../../src/notes/import';
import { MAX_REPORTED_ERRORS } from '../../../src/notes/model';
import { sampleNotes } from './sample-notes';

const now = new Date('2025-03-05T00:00:00Z');
const newId = () => '00000000-0000-4000-8000-000000000001';

function backupWith(change: (backup: Record<string, unknown> & { notes: Record<string, unknown>[] }) => void): string {
  const backup = JSON.parse(exportNotesAsJson(sampleNotes(), { now })) as Record<string, unknown> & { notes: Record<string, unknown>[] };
  change(backup);
  return JSON.stringify(backup);
}

function errorsOf(text: string): string[] {
  const result = importNotes(text);
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('notes');
  return result.ok ? [] : result.errors;
}

describe('importing a file that is not right writes nothing and says what is wrong and where', () => {
  it('refuses text that is not JSON', () => {
    const [error] = errorsOf('{"format": "footnote-notes", "notes": [}');
    expect(error).toMatch(/^not a JSON file: /);
  });

  it('refuses JSON that is neither a backup nor a Web Annotation', () => {
    expect(errorsOf('{"hello": "world"}')[0]).toMatch(/not a Footnote backup .* nor a W3C Web Annotation/);
    expect(errorsOf('"just a string"')).toHaveLength(1);
  });

  it('refuses a backup whose envelope is wrong', () => {
    expect(errorsOf(backupWith((b) => (b.format = 'something-else')))).toEqual(['format: Invalid input: expected "footnote-notes"']);
    expect(errorsOf(backupWith((b) => delete b.exportedAt))).toEqual(['exportedAt: required']);
    expect(errorsOf(backupWith((b) => (b.notes = {} as never)))).toEqual(['notes: Invalid input: expected array, received object']);
  });

  it('names the missing field of a bad note in the middle, and returns none of the good ones', () => {
    const errors = errorsOf(
      backupWith((b) => {
        delete (b.notes[2]!.target as { quote: Record<string, unknown> }).quote.exact;
      }),
    );
    expect(errors).toEqual(['notes[2].target.quote.exact: required']);
  });

  it('lists every problem of every bad note, with its path', () => {
    const errors = errorsOf(
      backupWith((b) => {
        b.notes[0]!.id = 'not-a-uuid';
        b.notes[1]!.createdAt = 'yesterday';
        (b.notes[1]!.page as Record<string, unknown>).url = 'not a url';
        b.notes[3]!.tags = ['ok', ''];
        b.notes[3]!.colour = 'yellow';
      }),
    );
    expect([...errors].sort()).toEqual(
      [
        'notes[0].id: Invalid UUID',
        'notes[1].createdAt: Invalid ISO datetime',
        'notes[1].page.url: expected an http, https or file address',
        'notes[3]: Unrecognized key: "colour"',
        'notes[3].tags[1]: a tag is empty',
      ].sort(),
    );
  });

  it('refuses page and source addresses that would run as script when shown as links', () => {
    const errors = errorsOf(
      backupWith((b) => {
        (b.notes[0]!.page as Record<string, unknown>).url = 'javascript:alert(1)';
        (b.notes[0]!.context as { sources: { url: string }[] }).sources[0]!.url = 'data:text/html,<script>alert(1)</script>';
      }),
    );
    expect(errors).toEqual([
      'notes[0].page.url: expected an http, https or file address',
      'notes[0].context.sources[0].url: expected an http, https or file address',
    ]);
  });

  it('refuses a backup from a newer Footnote instead of guessing', () => {
    expect(errorsOf(backupWith((b) => (b.version = 2)))).toEqual([
      'version: this backup is version 2, made by a newer Footnote; this one reads versions up to 1',
    ]);
    expect(errorsOf(backupWith((b) => (b.notes[1]!.version = 3)))[0]).toMatch(/^notes\[1\]\.version: this note is version 3, made by a newer Footnote/);
    expect(errorsOf(backupWith((b) => delete b.notes[1]!.version))).toEqual(['notes[1].version: required']);
  });

  it('keeps a long list of problems short', () => {
    const errors = errorsOf(backupWith((b) => (b.notes = Array.from({ length: 30 }, () => ({ version: 1 })))));
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors[MAX_REPORTED_ERRORS]).toMatch(/^\.\.\. and \d+ more problems$/);
  });

  it('names the bad annotation inside a collection and returns none of the good ones', () => {
    const collection = JSON.parse(JSON.stringify(buildAnnotationCollection(sampleNotes(), { now, newId })));
    collection.first.items[1].target.selector = [{ type: 'TextPositionSelector', start: 3, end: 9 }];
    collection.first.items[2].created = 'March';
    delete collection.first.items[3].target;
    expect(errorsOf(JSON.stringify(collection))).toEqual([
      'first.items[1].target: no TextQuoteSelector, so there is no quote to find on the page',
      'first.items[2].created: Invalid ISO datetime',
      'first.items[3].target: expected a target with a source page and a TextQuoteSelector',
    ]);
  });

  it('names a bad quote or position selector of an annotation', () => {
    const collection = JSON.parse(JSON.stringify(buildAnnotationCollection(sampleNotes(), { now, newId })));
    collection.first.items[0].target.selector[0].exact = '';
    collection.first.items[1].target.selector[1].end = 1;
    const errors = errorsOf(JSON.stringify(collection));
    expect(errors[0]).toBe('first.items[0].target.selector (TextQuoteSelector): exact the quote is empty');
    expect(errors[1]).toBe('first.items[1].target.selector (TextPositionSelector): end comes before start');
  });

  it('checks Footnote’s own part of an annotation and what the annotation makes of the note', () => {
    const collection = JSON.parse(JSON.stringify(buildAnnotationCollection(sampleNotes(), { now, newId })));
    collection.first.items[0]['footnote:note'].context = { summary: 3 };
    collection.first.items[1].target.source = 'not a url';
    expect(errorsOf(JSON.stringify(collection))).toEqual([
      'first.items[0].footnote:note.context.summary: Invalid input: expected string, received number',
      'first.items[0].footnote:note.context.lines: required',
      'first.items[1] (as a note).page.url: expected an http, https or file address',
    ]);
  });

  it('refuses a collection whose pages are only links', () => {
    const collection = { ...buildAnnotationCollection(sampleNotes(), { now, newId }), first: 'https://example.com/page1' };
    expect(errorsOf(JSON.stringify(collection))).toEqual([
      'first: a link to a page elsewhere; only collections with their pages inside the file can be imported',
    ]);
  });

  it('refuses the Hypothesis API body, which is not a Web Annotation', () => {
    const hypothesis = { uri: 'https://example.com', text: 'x', tags: [], target: [] };
    expect(errorsOf(JSON.stringify(hypothesis))[0]).toMatch(/not a Footnote backup/);
  });
});

describe('importing a good file', () => {
  it('tolerates a byte-order mark before the JSON', () => {
    const result = importNotes(`\uFEFF${exportNotesAsJson(sampleNotes(), { now })}`);
    expect(result.ok).toBe(true);
  });

  it('follows a collection’s embedded pages through next', () => {
    const notes = sampleNotes();
    const page1 = buildAnnotationCollection(notes.slice(0, 2), { now, newId }).first!;
    const page2 = buildAnnotationCollection(notes.slice(2), { now, newId }).first!;
    const collection = { ...buildAnnotationCollection([], { now, newId }), total: 4, first: { ...page1, next: { ...page2, startIndex: 2 } } };
    expect(importNotes(JSON.stringify(collection))).toEqual({ ok: true, format: 'web-annotation', notes });
  });

  it('reads a backup as it was built', () => {
    const notes = sampleNotes();
    const backup = buildNotesBackup(notes, { now });
    expect(backup).toMatchObject({ format: 'footnote-notes', version: 1, exportedAt: '2025-03-05T00:00:00.000Z' });
    expect(importNotes(JSON.stringify(backup))).toEqual({ ok: true, format: 'json', notes });
  });
});
