import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UTF8_BOM, csvCell, formatCsv } from '../../../src/notes/csv';
import { CSV_COLUMNS, exportNotesAsCsv } from '../../../src/notes/export';
import { deleteNote } from '../../../src/notes/note-actions';
import { ARTICLE_TITLE, ARTICLE_URL, sampleNotes } from './sample-notes';

/**
 * An RFC 4180 reader written from the grammar (records end in CRLF; a field is either plain, without comma, quote
 * or line break, or quoted, with "" for a quote), strict enough to reject what the RFC does not allow.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const field = (): string => {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else {
            i++;
            return value;
          }
        } else {
          value += text[i++];
        }
      }
    }
    const start = i;
    while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
      if (text[i] === '"') throw new Error(`a quote inside a plain field at ${i}`);
      i++;
    }
    return text.slice(start, i);
  };
  while (i < text.length) {
    row.push(field());
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      i += 2;
      rows.push(row);
      row = [];
    } else {
      throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
    }
  }
  if (row.length > 0) throw new Error('the last record does not end with CRLF');
  return rows;
}

describe('CSV cells', () => {
  it.each([
    ['plain words', 'plain words'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1 555', "'+1 555"],
    ['-5% decline', "'-5% decline"],
    ['@analyst', "'@analyst"],
    ['\tindented', "'\tindented"],
    ['\rcarriage', "\"'\rcarriage\""],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['云计算 🚀', '云计算 🚀'],
    ['', ''],
    ['a = b, c', '"a = b, c"'],
  ])('writes %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('reads back as the same cells, formula-looking ones with their leading quote', () => {
    const rows = [
      ['Highlight', 'Note'],
      ['RMB 380 billion (US$53bn)', 'Compare, "quote" and\nnew line'],
      ['=1+1', '-2'],
      ['@x', '🚀 emoji, 中文'],
    ];
    expect(parseCsv(formatCsv(rows))).toEqual([
      ['Highlight', 'Note'],
      ['RMB 380 billion (US$53bn)', 'Compare, "quote" and\nnew line'],
      ["'=1+1", "'-2"],
      ["'@x", '🚀 emoji, 中文'],
    ]);
  });
});

describe('the notes CSV export', () => {
  const notes = sampleNotes();
  const csv = exportNotesAsCsv(notes);

  it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(() => parseCsv(csv.slice(1))).not.toThrow();
  });

  it('has the Readwise columns first, as in the Readwise reference, then Footnote’s own', () => {
    const readwise = readFileSync(resolve(process.cwd(), '../shared/reference/readwise_import.csv'), 'utf8');
    const readwiseHeader = readwise.split(/\r?\n/)[0]!.split(',');
    const header = parseCsv(csv.slice(1))[0]!;
    expect(header.slice(0, readwiseHeader.length)).toEqual(readwiseHeader);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(header.slice(readwiseHeader.length)).toEqual(['Company', 'Figure', 'Tags', 'Context']);
  });

  it('writes one row per note that reads back to the note’s quote, page, comment, time and context', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(notes.length + 1);
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const capex = rows[1]!;
    expect(capex[column('Highlight')]).toBe('RMB 380 billion (US$53bn)');
    expect(capex[column('Title')]).toBe(ARTICLE_TITLE);
    expect(capex[column('URL')]).toBe(ARTICLE_URL);
    expect(capex[column('Note')]).toBe(notes[0]!.comment);
    expect(capex[column('Location')]).toBe(String(notes[0]!.target.position!.start));
    expect(capex[column('Date')]).toBe('2025-03-01 09:30:00');
    expect(capex[column('Company')]).toBe('Alibaba');
    expect(capex[column('Figure')]).toBe('RMB 380 billion (US$53bn): 380,000,000,000 CNY, capex guidance');
    expect(capex[column('Tags')]).toBe('capex, 云计算');
    expect(capex[column('Context')]).toBe([notes[0]!.context.summary, ...notes[0]!.context.lines].join('\n'));
  });

  it('escapes comments and context lines that would run as formulas', () => {
    const rows = parseCsv(csv.slice(1));
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(rows[2]![column('Note')]).toBe("'=SUM(A1:A9) looks like a formula, and so does\n@mention");
    expect(rows[4]![column('Note')]).toBe("'-10% next quarter? +1, @analyst");
    expect(rows[4]![column('Tags')]).toBe('aws, revenue, quarterly');
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves out a note deleted and waiting for undo', () => {
    const withDeleted = exportNotesAsCsv([deleteNote(notes[0]!), ...notes.slice(1)]);
    expect(parseCsv(withDeleted.slice(1))).toHaveLength(notes.length);
  });
});
