/**
 * Merging imported notes into the reader's notes without duplicates.
 *
 * Two notes are the same note when they have the same id, or when they quote the same words on the same page
 * with the same comment (a note exported, re-imported elsewhere and given a new id). Of two versions of a note the
 * more recently updated one wins; a tie keeps what the reader already has.
 */
import type { Note } from './model';
import { pageKey } from './query';

export interface MergeResult {
  /** Every note after the merge: the existing ones (some replaced by newer versions) and then the added ones. */
  merged: Note[];
  /** Incoming notes that were new: to be written. */
  added: Note[];
  /** Existing notes replaced by a newer incoming version (keeping the existing id): to be written. */
  updated: Note[];
  /** Incoming notes already present in the same or a newer version: nothing to write. */
  skipped: Note[];
}

function sameNoteKey(note: Note): string {
  return JSON.stringify([pageKey(note.page.url), note.target.quote.exact, note.comment]);
}

export function mergeNotes(existing: readonly Note[], incoming: readonly Note[]): MergeResult {
  const merged = [...existing];
  const byId = new Map<string, number>();
  const byContent = new Map<string, number>();
  merged.forEach((note, index) => {
    byId.set(note.id, index);
    if (!byContent.has(sameNoteKey(note))) byContent.set(sameNoteKey(note), index);
  });
  const addedIds = new Set<string>();
  const updatedIds = new Set<string>();
  const skipped: Note[] = [];

  for (const note of incoming) {
    const index = byId.get(note.id) ?? byContent.get(sameNoteKey(note));
    if (index === undefined) {
      byId.set(note.id, merged.length);
      byContent.set(sameNoteKey(note), merged.length);
      merged.push(note);
      addedIds.add(note.id);
      continue;
    }
    const current = merged[index];
    if (!current || Date.parse(note.updatedAt) <= Date.parse(current.updatedAt)) {
      skipped.push(note);
      continue;
    }
    const replacement: Note = { ...note, id: current.id };
    merged[index] = replacement;
    byContent.set(sameNoteKey(replacement), index);
    if (!addedIds.has(current.id)) updatedIds.add(current.id);
  }

  return {
    merged,
    added: merged.filter((note) => addedIds.has(note.id)),
    updated: merged.filter((note) => updatedIds.has(note.id)),
    skipped,
  };
}
