import { describe, expect, it } from 'vitest';
import { escapeMarkdown, exportNotesAsMarkdown } from '../../../src/notes/export';
import { deleteNote } from '../../../src/notes/note-actions';
import { ARTICLE_TITLE, ARTICLE_URL, sampleNotes } from './sample-notes';

const now = new Date('2025-03-05T00:00:00Z');

describe('the Markdown export', () => {
  const notes = sampleNotes();
  const markdown = exportNotesAsMarkdown(notes, { now });
  const sections = markdown.split(/^## /m);

  it('says what it is, when it was made and how many notes from how many pages', () => {
    expect(markdown.startsWith('# Footnote notes\n\nExported 2025-03-05 00:00 UTC: 4 notes from 2 pages.\n')).toBe(true);
  });

  it('groups notes by page, with the page title as heading and the address under it', () => {
    expect(sections).toHaveLength(3);
    expect(sections[1]!.startsWith(`${escapeMarkdown(ARTICLE_TITLE)}\n\n<${ARTICLE_URL}>\n`)).toBe(true);
    // The second page's address is shown without its #fragment: one page, however it was linked.
    expect(sections[2]!.startsWith('Grab picks AWS — “preferred” provider\n\n<https://news.example.org/grab-aws?ref=home>\n')).toBe(true);
    expect(sections[1]!.match(/^> /gm)).toHaveLength(3);
    expect(sections[2]!.match(/^> /gm)).toHaveLength(1);
  });

  it('lists a page’s notes in the order their quotes appear on the page', () => {
    const quotes = [...sections[1]!.matchAll(/^> (.*)$/gm)].map((m) => m[1]);
    expect(quotes).toEqual(['RMB 380 billion (US$53bn)', 'once-in-a-generation', '11%']);
  });

  it('shows each note’s quote, figure, company, context, sources, tags, time and comment', () => {
    const capex = sections[1]!.split('\n---\n')[0]!;
    expect(capex).toContain('> RMB 380 billion (US$53bn)\n');
    expect(capex).toContain('- Figure: RMB 380 billion (US$53bn): 380,000,000,000 CNY, capex guidance\n');
    expect(capex).toContain('- Company: Alibaba\n');
    expect(capex).toContain('- Context: About 5x Alibaba’s FY2025 capex per year, over three years\n');
    expect(capex).toContain('  - Capex FY2025: RMB 76.7bn (source: Alibaba Group results, May 2025)\n');
    expect(capex).toContain('- Sources: [Alibaba Group March quarter 2025 results](<https://www.alibabagroup.com/en-US/ir-financial-reports>)\n');
    expect(capex).toContain('- Tags: capex, 云计算\n');
    expect(capex).toContain('- Saved: 2025-03-01 09:30 UTC\n');
    expect(capex).toContain('\nCompare with FY2024 capex; ~US$53bn at the article\'s FX rate.\nSee "capex, incl. leases", too.\n');
  });

  it('says when a note was edited after it was saved', () => {
    expect(sections[1]).toContain('- Saved: 2025-03-01 10:00 UTC, edited 2025-03-02 08:15 UTC\n');
  });

  it('leaves out a deleted note', () => {
    const without = exportNotesAsMarkdown([deleteNote(notes[0]!, now), ...notes.slice(1)], { now });
    expect(without).not.toContain('RMB 380 billion');
    expect(without).toContain('3 notes from 2 pages');
  });

  it('keeps page text from turning into HTML, links, emphasis or structure', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)>');
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))');
    expect(escapeMarkdown('*bold* and _em_ and `code`')).toBe('\\*bold\\* and \\_em\\_ and \\`code\\`');
    expect(escapeMarkdown('# not a heading\n> not a quote\n- not a list\n2025. not a list\n===')).toBe(
      '\\# not a heading\n\\> not a quote\n\\- not a list\n2025\\. not a list\n\\===',
    );
    // What cannot start a block stays as written, so the text reads as it is.
    expect(escapeMarkdown('-10% next quarter, +1, @analyst, =SUM(A1), #capex')).toBe('-10% next quarter, +1, @analyst, =SUM(A1), #capex');
  });

  it('keeps a quote that spans lines inside the quote block', () => {
    const [first] = notes;
    const multiLine = { ...first!, target: { ...first!.target, quote: { ...first!.target.quote, exact: 'line one\n# line two' } } };
    expect(exportNotesAsMarkdown([multiLine], { now })).toContain('> line one\n> \\# line two\n');
  });
});
