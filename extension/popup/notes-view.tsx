/**
 * Saved notes: this page's or all, searchable, filterable by company and tag, editable, deletable with undo;
 * exported in four formats through the browser's normal download, and imported from a backup or Web Annotations.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ask } from '../shared/ask';
import { companiesInUse, filterNotes, sortNotes, tagsInUse, type Note, type ExportFormat } from '../../src/notes';

interface ExportedNotes {
  fileName: string;
  mimeType: string;
  content: string;
  count: number;
}

type ImportOutcome = { ok: true; format: string; added: number; updated: number; skipped: number } | { ok: false; errors: string[] };

const EXPORTS: Array<[ExportFormat, string]> = [
  ['markdown', 'Export Markdown'],
  ['csv', 'Export CSV'],
  ['json', 'Export JSON'],
  ['web-annotation', 'Export Web Annotation'],
];

/** Hands a file to the browser's normal save flow. */
function download(file: ExportedNotes): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function NoteItem({ note, detached, onChanged, onDeleted }: { note: Note; detached: boolean; onChanged(n: Note): void; onDeleted(n: Note): void }) {
  const [editing, setEditing] = useState(false);
  const [comment, setComment] = useState(note.comment);
  const [tags, setTags] = useState(note.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      onChanged(await ask<Note>({ type: 'edit-note', id: note.id, comment, tags: tags.split(',').map((t) => t.trim()).filter(Boolean) }));
      setEditing(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const quote = note.target.quote;
  return (
    <li class="note">
      <blockquote>
        <span class="muted">…{quote.prefix.slice(-40)}</span>
        <mark>{quote.exact}</mark>
        <span class="muted">{quote.suffix.slice(0, 40)}…</span>
      </blockquote>
      <p class="note-meta">
        {note.companyName ? <strong>{note.companyName}</strong> : null}
        {note.context.summary ? <span> · {note.context.summary}</span> : null}
      </p>
      <p class="note-meta muted">
        <a href={note.page.url} target="_blank" rel="noopener noreferrer">
          {note.page.title || note.page.url}
        </a>{' '}
        · {new Date(note.createdAt).toLocaleDateString()}
        {detached ? <span class="detached"> · detached: its quote is no longer on the page</span> : null}
      </p>
      {editing ? (
        <form
          class="note-edit"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label>
            <span>Comment</span>
            <textarea rows={2} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
          </label>
          <label>
            <span>Tags (comma-separated)</span>
            <input type="text" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
          </label>
          {error ? <p class="error" role="alert">{error}</p> : null}
          <div class="row">
            <button type="submit">Save changes</button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          {note.comment ? <p class="comment">{note.comment}</p> : null}
          {note.tags.length ? <p class="tags">{note.tags.map((t) => <span key={t} class="tag">#{t}</span>)}</p> : null}
          <div class="row">
            <button type="button" onClick={() => setEditing(true)} aria-label={`Edit note on ${quote.exact}`}>
              Edit
            </button>
            <button
              type="button"
              aria-label={`Delete note on ${quote.exact}`}
              onClick={() => void ask<Note>({ type: 'delete-note', id: note.id }).then(onDeleted, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))}
            >
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}

export function NotesView({ pageUrl, detached }: { pageUrl: string | null; detached: string[] }) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [unreadable, setUnreadable] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [scope, setScope] = useState<'page' | 'all'>(pageUrl ? 'page' : 'all');
  const [search, setSearch] = useState('');
  const [company, setCompany] = useState('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [undo, setUndo] = useState<Note | null>(null);
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = () =>
    ask<{ notes: Note[]; unreadable: number }>({ type: 'list-notes' }).then(
      (r) => {
        setNotes(r.notes);
        setUnreadable(r.unreadable);
        setError(null);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  useEffect(() => void load(), []);

  const shown = useMemo(
    () =>
      sortNotes(
        filterNotes(notes ?? [], {
          ...(search ? { search } : {}),
          ...(company ? { companyId: company } : {}),
          ...(tag ? { tag } : {}),
          ...(scope === 'page' && pageUrl ? { url: pageUrl } : {}),
        }),
        'newest',
      ),
    [notes, search, company, tag, scope, pageUrl],
  );

  const exportAs = async (format: ExportFormat) => {
    setStatus(null);
    try {
      const file = await ask<ExportedNotes>({ type: 'export-notes', format, ...(scope === 'page' && pageUrl ? { url: pageUrl } : {}) });
      download(file);
      setStatus(`Exported ${file.count} note${file.count === 1 ? '' : 's'} as ${file.fileName}.`);
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };

  const importFile = async (file: File) => {
    setStatus(null);
    setImportErrors([]);
    try {
      const outcome = await ask<ImportOutcome>({ type: 'import-notes', text: await file.text() });
      if (outcome.ok) {
        setStatus(`Imported ${file.name}: ${outcome.added} new, ${outcome.updated} updated, ${outcome.skipped} already here.`);
        await load();
      } else {
        setStatus(`Nothing was imported: ${file.name} is not a valid Footnote backup or Web Annotation file.`);
        setImportErrors(outcome.errors);
      }
    } catch (e) {
      setStatus(`Nothing was imported: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const companies = companiesInUse(notes ?? []);
  const tags = tagsInUse(notes ?? []);
  return (
    <section class="notes-view" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes</h2>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="filters">
        <label>
          <span class="visually-hidden">Search notes</span>
          <input type="search" placeholder="Search notes" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          <span>Show</span>
          <select value={scope} onChange={(e) => setScope((e.target as HTMLSelectElement).value as 'page' | 'all')}>
            {pageUrl ? <option value="page">This page</option> : null}
            <option value="all">All notes</option>
          </select>
        </label>
        <label>
          <span>Company</span>
          <select value={company} onChange={(e) => setCompany((e.target as HTMLSelectElement).value)}>
            <option value="">Any</option>
            {companies.map((c) => (
              <option key={c.companyId} value={c.companyId}>
                {c.companyName} ({c.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Tag</span>
          <select value={tag} onChange={(e) => setTag((e.target as HTMLSelectElement).value)}>
            <option value="">Any</option>
            {tags.map((t) => (
              <option key={t.tag} value={t.tag}>
                #{t.tag} ({t.count})
              </option>
            ))}
          </select>
        </label>
      </div>

      <div class="status-line" role="status" aria-live="polite">
        {undo ? (
          <span>
            Note deleted.{' '}
            <button
              type="button"
              class="link"
              onClick={() =>
                void ask<Note>({ type: 'restore-note', id: undo.id }).then((restored) => {
                  setNotes((list) => [...(list ?? []), restored]);
                  setUndo(null);
                })
              }
            >
              Undo
            </button>
          </span>
        ) : null}
        {status ? <span>{status}</span> : null}
      </div>
      {importErrors.length ? (
        <ul class="import-errors error" aria-label="What is wrong with the file">
          {importErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}

      {notes === null && !error ? <p class="muted">Loading notes…</p> : null}
      {notes !== null && shown.length === 0 ? (
        <p class="muted">{notes.length === 0 ? 'No notes yet. Hover a figure and choose “Save note”.' : 'No notes match.'}</p>
      ) : null}
      {unreadable > 0 ? <p class="muted">{unreadable} stored note(s) come from a newer Footnote and are kept but not shown.</p> : null}
      <ul class="note-list" aria-label="Saved notes">
        {shown.map((note) => (
          <NoteItem
            key={note.id}
            note={note}
            detached={detached.includes(note.id)}
            onChanged={(changed) => setNotes((list) => (list ?? []).map((n) => (n.id === changed.id ? changed : n)))}
            onDeleted={(deleted) => {
              setNotes((list) => (list ?? []).filter((n) => n.id !== deleted.id));
              setUndo(deleted);
            }}
          />
        ))}
      </ul>

      <div class="export row">
        {EXPORTS.map(([format, label]) => (
          <button key={format} type="button" onClick={() => void exportAs(format)}>
            {label}
          </button>
        ))}
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          class="visually-hidden"
          aria-label="Import notes from a file"
          onChange={(e) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (file) void importFile(file);
            (e.target as HTMLInputElement).value = '';
          }}
        />
      </div>
    </section>
  );
}
