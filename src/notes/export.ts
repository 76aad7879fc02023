/**
 * Exports of the reader's notes, one function per format (issue 6, "Export and import"):
 *   Markdown: grouped by page, to read as it is; CSV: for spreadsheets and Readwise; JSON: the complete, versioned
 *   backup; Web Annotation: a W3C AnnotationCollection in JSON-LD, for other annotation tools.
 * Notes deleted and waiting for undo are left out of every export: what the reader deleted does not come back
 * through a backup. The JSON and Web Annotation exports import back to the same notes (see import.ts).
 */
import { UTF8_BOM, formatCsv } from './csv';
import { NOTES_FORMAT_VERSION, type Note, type NoteFigure } from './model';
import { groupNotesByPage } from './query';
import { ANNOTATION_CONTEXT, noteToAnnotation, type Annotation } from './web-annotation';

export interface ExportOptions {
  /** When the export is made (tests pass a fixed time). */
  now?: Date;
  /** Makes the UUIDs of the Web Annotation collection and page (tests pass a fixed one). */
  newId?: () => string;
}

export const BACKUP_FORMAT = 'footnote-notes';

export type ExportFormat = 'markdown' | 'csv' | 'json' | 'web-annotation';

/** What a download of each format is called and served as. */
export const EXPORT_FILES: Readonly<Record<ExportFormat, { extension: string; mimeType: string }>> = {
  markdown: { extension: 'md', mimeType: 'text/markdown;charset=utf-8' },
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  json: { extension: 'json', mimeType: 'application/json' },
  'web-annotation': { extension: 'jsonld', mimeType: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"' },
};

/** "footnote-notes-2025-03-01.csv" */
export function exportFileName(format: ExportFormat, now: Date = new Date()): string {
  return `footnote-notes-${now.toISOString().slice(0, 10)}.${EXPORT_FILES[format].extension}`;
}

function liveNotes(notes: readonly Note[]): Note[] {
  return notes.filter((note) => note.deletedAt === undefined);
}

const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** The figure in words: "RMB 380 billion (US$53bn): 380,000,000,000 CNY, capex guidance". */
export function describeFigure(figure: NoteFigure): string {
  const details: string[] = [];
  if (figure.kind === 'money' && figure.amount !== undefined) {
    details.push(`${numbers.format(figure.amount)}${figure.currency ? ` ${figure.currency}` : ''}`);
  }
  if (figure.kind === 'percent' && figure.value !== undefined) {
    const percent = `${numbers.format(figure.value)}%`;
    if (!figure.surface.replace(/\s/g, '').includes(percent)) details.push(percent);
  }
  if (figure.metric) details.push(figure.metric.replace(/_/g, ' '));
  return details.length > 0 ? `${figure.surface}: ${details.join(', ')}` : figure.surface;
}

/** "2025-03-01 09:30 UTC" */
function readableTime(iso: string, withSeconds = false): string {
  const utc = new Date(iso).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, withSeconds ? 19 : 16)}`;
}

// ---- Markdown ------------------------------------------------------------------------------------------------

/**
 * Page text and comments are data, not Markdown: characters that would format, link or open HTML are escaped
 * with a backslash (which CommonMark shows as the bare character), and so are markers that would start a heading,
 * list or quote at the beginning of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[\\`*_[\]<]/g, '\\$&')
        .replace(/^(\s*)(>|#{1,6}(?=\s|$)|[-+](?=\s|$)|=+\s*$|-+\s*$)/, '$1\\$2')
        .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2'),
    )
    .join('\n');
}

/** One line: headings and list items must not break across lines. */
function oneLine(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

function markdownLink(title: string, url: string): string {
  return `[${oneLine(title || url)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

function noteAsMarkdown(note: Note): string {
  const lines: string[] = [];
  for (const quoteLine of note.target.quote.exact.split(/\r?\n/)) lines.push(`> ${escapeMarkdown(quoteLine)}`.trimEnd());
  lines.push('');
  const facts: string[] = [];
  if (note.target.figure) facts.push(`- Figure: ${oneLine(describeFigure(note.target.figure))}`);
  if (note.companyName || note.companyId) facts.push(`- Company: ${oneLine(note.companyName ?? note.companyId ?? '')}`);
  if (note.context.summary || note.context.lines.length > 0) {
    facts.push(`- Context: ${oneLine(note.context.summary)}`.trimEnd());
    for (const line of note.context.lines) facts.push(`  - ${oneLine(line)}`);
  }
  if (note.context.sources && note.context.sources.length > 0) {
    facts.push(`- Sources: ${note.context.sources.map((s) => markdownLink(s.title, s.url)).join(', ')}`);
  }
  if (note.tags.length > 0) facts.push(`- Tags: ${note.tags.map(oneLine).join(', ')}`);
  facts.push(`- Saved: ${readableTime(note.createdAt)} UTC${note.updatedAt !== note.createdAt ? `, edited ${readableTime(note.updatedAt)} UTC` : ''}`);
  lines.push(...facts);
  if (note.comment.trim()) {
    lines.push('', escapeMarkdown(note.comment.replace(/\r\n?/g, '\n').trim()));
  }
  return lines.join('\n');
}

/** Markdown to read as it is: a section per page, each note with its quote, figure, company, context and comment. */
export function exportNotesAsMarkdown(notes: readonly Note[], options: ExportOptions = {}): string {
  const live = liveNotes(notes);
  const pages = groupNotesByPage([...live].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)));
  const now = options.now ?? new Date();
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const out: string[] = [
    '# Footnote notes',
    '',
    `Exported ${readableTime(now.toISOString())} UTC: ${count(live.length, 'note')} from ${count(pages.length, 'page')}.`,
  ];
  for (const page of pages) {
    out.push('', `## ${oneLine(page.title || page.url)}`, '', `<${page.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
    for (const [index, note] of page.notes.entries()) {
      if (index > 0) out.push('', '---');
      out.push('', noteAsMarkdown(note));
    }
  }
  return `${out.join('\n')}\n`;
}

// ---- CSV -----------------------------------------------------------------------------------------------------

/** Readwise's import columns first (Highlight is the one it requires), then what only Footnote knows. */
export const CSV_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date', 'Company', 'Figure', 'Tags', 'Context'] as const;

function csvRow(note: Note): string[] {
  const context = [note.context.summary, ...note.context.lines].filter((line) => line !== '').join('\n');
  return [
    note.target.quote.exact,
    note.page.title,
    '', // the article's author: not something a note knows
    note.page.url,
    note.comment,
    note.target.position ? String(note.target.position.start) : '',
    readableTime(note.createdAt, true),
    note.companyName ?? note.companyId ?? '',
    note.target.figure ? describeFigure(note.target.figure) : '',
    note.tags.join(', '),
    context,
  ];
}

/** RFC 4180 CSV with a UTF-8 byte-order mark, one row per note, cells neutralised against formula injection. */
export function exportNotesAsCsv(notes: readonly Note[]): string {
  return UTF8_BOM + formatCsv([[...CSV_COLUMNS], ...liveNotes(notes).map(csvRow)]);
}

// ---- JSON backup ---------------------------------------------------------------------------------------------

export interface NotesBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof NOTES_FORMAT_VERSION;
  exportedAt: string;
  notes: Note[];
}

export function buildNotesBackup(notes: readonly Note[], options: ExportOptions = {}): NotesBackup {
  return {
    format: BACKUP_FORMAT,
    version: NOTES_FORMAT_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    notes: liveNotes(notes),
  };
}

/** The complete backup: every field of every note, with the format's version so that later Footnotes can upgrade it. */
export function exportNotesAsJson(notes: readonly Note[], options: ExportOptions = {}): string {
  return `${JSON.stringify(buildNotesBackup(notes, options), null, 2)}\n`;
}

// ---- W3C Web Annotation --------------------------------------------------------------------------------------

export interface AnnotationPage {
  id: string;
  type: 'AnnotationPage';
  startIndex: 0;
  items: Annotation[];
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  created: string;
  total: number;
  first?: AnnotationPage;
  last?: string;
}

/** All notes as one AnnotationCollection whose embedded first (and only) page holds them. */
export function buildAnnotationCollection(notes: readonly Note[], options: ExportOptions = {}): AnnotationCollection {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const items = liveNotes(notes).map(noteToAnnotation);
  const collection: AnnotationCollection = {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${newId()}`,
    type: 'AnnotationCollection',
    label: 'Footnote notes',
    created: (options.now ?? new Date()).toISOString(),
    total: items.length,
  };
  // The model gives a collection without annotations no pages at all.
  if (items.length > 0) {
    const page: AnnotationPage = { id: `urn:uuid:${newId()}`, type: 'AnnotationPage', startIndex: 0, items };
    collection.first = page;
    collection.last = page.id;
  }
  return collection;
}

/** JSON-LD text of a W3C Web Annotation collection of the notes. */
export function exportNotesAsWebAnnotation(notes: readonly Note[], options: ExportOptions = {}): string {
  return `${JSON.stringify(buildAnnotationCollection(notes, options), null, 2)}\n`;
}
