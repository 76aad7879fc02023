/**
 * The popup's notes view asks these: which notes match what the reader typed and picked, in what order, grouped
 * by page; which companies and tags there are to filter by.
 */
import type { Note } from './model';

export interface NoteFilter {
  /** Words the reader typed: every word has to occur somewhere in the note (quote, comment, tags, page, company, figure, context). */
  search?: string;
  companyId?: string;
  tag?: string;
  /** Only notes of this page ("this page" in the popup); the #fragment does not count. */
  url?: string;
  /** Deleted notes waiting for undo are left out unless asked for. */
  includeDeleted?: boolean;
}

/** A page's address without its #fragment: the same article whichever heading a link pointed at. */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** Lower case without accents, so that "capex" finds "CapEx" and "senal" finds "señal". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function searchableText(note: Note): string {
  const figure = note.target.figure;
  return fold(
    [
      note.target.quote.exact,
      note.comment,
      note.tags.join(' '),
      note.page.title,
      note.page.url,
      note.companyName ?? '',
      note.companyId ?? '',
      figure?.surface ?? '',
      note.context.summary,
      note.context.lines.join(' '),
    ].join('\n'),
  );
}

export function filterNotes(notes: readonly Note[], filter: NoteFilter = {}): Note[] {
  const words = fold(filter.search ?? '').split(/\s+/).filter(Boolean);
  const tag = filter.tag === undefined ? undefined : fold(filter.tag);
  const page = filter.url === undefined ? undefined : pageKey(filter.url);
  return notes.filter((note) => {
    if (note.deletedAt !== undefined && !filter.includeDeleted) return false;
    if (filter.companyId !== undefined && note.companyId !== filter.companyId) return false;
    if (tag !== undefined && !note.tags.some((t) => fold(t) === tag)) return false;
    if (page !== undefined && pageKey(note.page.url) !== page) return false;
    if (words.length > 0) {
      const text = searchableText(note);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

export type NoteOrder = 'newest' | 'oldest' | 'page';

function time(iso: string): number {
  return Date.parse(iso);
}

/** Where a note sits in its page, for reading order; notes without a position go last. */
function placeInPage(note: Note): number {
  return note.target.position?.start ?? Number.MAX_SAFE_INTEGER;
}

/** A sorted copy: newest or oldest first by when the note was made, or by page and then by place in the page. */
export function sortNotes(notes: readonly Note[], order: NoteOrder = 'newest'): Note[] {
  const copy = [...notes];
  switch (order) {
    case 'newest':
      return copy.sort((a, b) => time(b.createdAt) - time(a.createdAt) || a.id.localeCompare(b.id));
    case 'oldest':
      return copy.sort((a, b) => time(a.createdAt) - time(b.createdAt) || a.id.localeCompare(b.id));
    case 'page':
      return copy.sort(
        (a, b) =>
          pageKey(a.page.url).localeCompare(pageKey(b.page.url)) ||
          placeInPage(a) - placeInPage(b) ||
          time(a.createdAt) - time(b.createdAt),
      );
  }
}

export interface PageOfNotes {
  /** The page's address without its fragment. */
  url: string;
  /** The most recently saved non-empty title of the page. */
  title: string;
  /** In the order they appear on the page. */
  notes: Note[];
}

/** Groups notes by page, pages in the order their first note appears in `notes`, notes in reading order. */
export function groupNotesByPage(notes: readonly Note[]): PageOfNotes[] {
  const pages = new Map<string, { notes: Note[] }>();
  for (const note of notes) {
    const key = pageKey(note.page.url);
    const page = pages.get(key) ?? { notes: [] };
    page.notes.push(note);
    pages.set(key, page);
  }
  return [...pages.entries()].map(([url, { notes: pageNotes }]) => {
    const titled = pageNotes.filter((n) => n.page.title.trim() !== '');
    const latest = titled.reduce<Note | undefined>((a, n) => (!a || time(n.updatedAt) > time(a.updatedAt) ? n : a), undefined);
    return {
      url,
      title: latest?.page.title ?? '',
      notes: [...pageNotes].sort((a, b) => placeInPage(a) - placeInPage(b) || time(a.createdAt) - time(b.createdAt)),
    };
  });
}

/** The tags in use, most used first, for the tag filter. Tags that differ only in case count as one. */
export function tagsInUse(notes: readonly Note[]): { tag: string; count: number }[] {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const note of notes) {
    if (note.deletedAt !== undefined) continue;
    const seen = new Set<string>();
    for (const tag of note.tags) {
      const key = fold(tag);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { tag, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** The companies notes are about, most noted first, for the company filter. */
export function companiesInUse(notes: readonly Note[]): { companyId: string; companyName: string; count: number }[] {
  const counts = new Map<string, { companyId: string; companyName: string; count: number }>();
  for (const note of notes) {
    if (note.deletedAt !== undefined || note.companyId === undefined) continue;
    const entry = counts.get(note.companyId) ?? { companyId: note.companyId, companyName: note.companyName ?? note.companyId, count: 0 };
    entry.count++;
    counts.set(note.companyId, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.companyName.localeCompare(b.companyName));
}
