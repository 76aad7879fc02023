import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openDatabase } from '../../../extension/background/db';
import { NotesStore } from '../../../extension/background/notes-store';
import { createNote } from '../../../src/notes';

const page = { url: 'https://www.reuters.com/technology/alibaba-capex', title: 'Alibaba capex' };
const text = 'Alibaba will invest RMB 380 billion (US$53bn) over the next three years.';

function savedNote(comment: string) {
  const start = text.indexOf('US$53bn');
  return createNote({ page, text, start, end: start + 7, companyId: 'alibaba', companyName: 'Alibaba', context: { summary: 'US$53bn (Alibaba)', lines: [] }, comment });
}

/** Version 1 of the database, exactly as Footnote 0.1 created it. */
async function createVersion1(notes: unknown[]) {
  const db = await openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('companies', { keyPath: 'id' });
      d.createObjectStore('fx', { keyPath: ['currency', 'period'] });
      d.createObjectStore('meta');
      d.createObjectStore('notes', { keyPath: 'id' }).createIndex('byUrl', 'page.url');
    },
  });
  for (const note of notes) await db.put('notes', note);
  await db.put('meta', { version: '2026.11.26', published: '2026-11-26T00:00:00Z', origin: 'bundled', appliedAt: '2026-11-26T00:00:00Z' }, 'dataset');
  db.close();
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('IndexedDB schema upgrades', () => {
  it('brings a version 1 database with notes to the current version, every note kept and readable', async () => {
    const notes = [savedNote('first'), savedNote('second'), { id: 'from-a-future-footnote', version: 99, page }];
    await createVersion1(notes);
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['companies', 'fx', 'meta', 'notes']);
    expect([...db.transaction('notes').store.indexNames].sort()).toEqual(['byCompany', 'byUrl']);
    // Nothing is dropped: even a note this version cannot read stays stored.
    expect(await db.count('notes')).toBe(3);
    expect((await db.getAllFromIndex('notes', 'byCompany', 'alibaba')).map((n) => n.comment).sort()).toEqual(['first', 'second']);
    const store = new NotesStore(async () => db, () => null);
    const listed = await store.list();
    expect(listed.notes.map((n) => n.comment).sort()).toEqual(['first', 'second']);
    expect(listed.unreadable).toBe(1);
    expect(await db.get('meta', 'dataset')).toMatchObject({ version: '2026.11.26' });
  });

  it('creates the current schema in an empty profile', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.transaction('notes').store.indexNames].sort()).toEqual(['byCompany', 'byUrl']);
  });
});

describe('notes in the background', () => {
  it('imports nothing from a bad file and everything from a good one, without duplicates', async () => {
    const db = await openDatabase();
    const store = new NotesStore(async () => db, () => null);
    expect(await store.import('{"format": "footnote-notes", "version": 1, "notes": [{}]}')).toMatchObject({ ok: false });
    expect(await db.count('notes')).toBe(0);
    const note = await store.save({ page, quote: { exact: 'US$53bn', prefix: 'RMB 380 billion (', suffix: ') over the next' }, context: { summary: 's', lines: [] } });
    const backup = await store.export('json');
    await db.clear('notes');
    expect(await store.import(backup.content)).toMatchObject({ ok: true, added: 1, updated: 0, skipped: 0 });
    expect(await store.import(backup.content)).toMatchObject({ ok: true, added: 0, skipped: 1 });
    expect((await store.list()).notes.map((n) => n.id)).toEqual([note.id]);
  });

  it('deletes with undo', async () => {
    const db = await openDatabase();
    const store = new NotesStore(async () => db, () => null);
    const note = await store.save({ page, quote: { exact: 'US$53bn', prefix: '', suffix: '' }, context: { summary: 's', lines: [] } });
    await store.delete(note.id);
    expect((await store.list()).notes).toEqual([]);
    await store.restore(note.id);
    expect((await store.list()).notes.map((n) => n.id)).toEqual([note.id]);
  });

  it('says plainly that notes cannot be saved where IndexedDB is unavailable', async () => {
    const store = new NotesStore(async () => null, () => 'private browsing');
    await expect(store.save({ page, quote: { exact: 'x', prefix: '', suffix: '' }, context: { summary: 's', lines: [] } })).rejects.toThrow(
      'Notes cannot be saved in this browser mode: IndexedDB is not available (private browsing).',
    );
  });
});
