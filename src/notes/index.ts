/** Saved notes: the model, finding quotes again, exports and imports. What the extension needs, in one place. */
export { NOTES_FORMAT_VERSION, Note, migrateNote, readNote } from './model';
export type { NoteContext, NoteFigure, NotePage, NoteTarget, PositionSelector, QuoteSelector } from './model';
export { anchorNotes, anchorQuote, describeQuote, type Anchor, type AnchorOptions, type QuoteDescription } from './anchoring';
export { cleanTags, createNote, createNoteFromQuote, deleteNote, editNote, restoreNote, type NewNote } from './note-actions';
export {
  EXPORT_FILES,
  exportFileName,
  exportNotesAsCsv,
  exportNotesAsJson,
  exportNotesAsMarkdown,
  exportNotesAsWebAnnotation,
  type ExportFormat,
} from './export';
export { importNotes, type ImportResult } from './import';
export { mergeNotes, type MergeResult } from './merge';
export { companiesInUse, filterNotes, groupNotesByPage, pageKey, sortNotes, tagsInUse, type NoteFilter, type NoteOrder } from './query';
