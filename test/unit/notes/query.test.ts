import { describe, expect, it } from 'vitest';
import { deleteNote } from '../../../src/notes/note-actions';
import { companiesInUse, filterNotes, groupNotesByPage, pageKey, sortNotes, tagsInUse } from '../../../src/notes/query';
import { ARTICLE_URL, sampleNotes } from './sample-notes';

const [capex, growth, plain, aws] = sampleNotes() as [ReturnType<typeof sampleNotes>[number], ...ReturnType<typeof sampleNotes>];
const notes = [capex, growth!, plain!, aws!];

describe('finding notes', () => {
  it('finds every note with no filter', () => {
    expect(filterNotes(notes)).toEqual(notes);
  });

  it('searches quotes, comments, companies, figures and context, ignoring case and accents', () => {
    expect(filterNotes(notes, { search: 'FORMULA' })).toEqual([growth]);
    expect(filterNotes(notes, { search: 'amazon' })).toEqual([aws]);
    expect(filterNotes(notes, { search: 'generation' })).toEqual([plain]);
    expect(filterNotes(notes, { search: 'RMB 76.7bn' })).toEqual([capex]);
    expect(filterNotes(notes, { search: 'preferred provider' })).toEqual([aws]); // page title
    expect(filterNotes([{ ...plain!, comment: 'Señal fuerte' }], { search: 'senal' })).toHaveLength(1);
  });

  it('needs every word of the search, in any order', () => {
    expect(filterNotes(notes, { search: 'capex alibaba' })).toEqual([capex]);
    expect(filterNotes(notes, { search: 'capex amazon' })).toEqual([]);
  });

  it('filters by company and by tag (tags ignoring case)', () => {
    expect(filterNotes(notes, { companyId: 'alibaba' })).toEqual([capex, growth]);
    expect(filterNotes(notes, { tag: 'CAPEX' })).toEqual([capex]);
    expect(filterNotes(notes, { tag: 'capex', companyId: 'amazon' })).toEqual([]);
  });

  it('filters by page, whatever #fragment the address had', () => {
    expect(filterNotes(notes, { url: `${ARTICLE_URL}#comments` })).toEqual([capex, growth, plain]);
    expect(filterNotes(notes, { url: 'https://news.example.org/grab-aws?ref=home' })).toEqual([aws]);
    expect(pageKey('https://a.example/x?y=1#z')).toBe('https://a.example/x?y=1');
  });

  it('leaves deleted notes out unless asked', () => {
    const deleted = deleteNote(plain!);
    expect(filterNotes([capex, deleted])).toEqual([capex]);
    expect(filterNotes([capex, deleted], { includeDeleted: true })).toEqual([capex, deleted]);
  });
});

describe('ordering and grouping notes', () => {
  it('sorts newest first, oldest first, or by page and place in the page', () => {
    expect(sortNotes(notes, 'newest').map((n) => n.id)).toEqual([aws!.id, plain!.id, growth!.id, capex.id]);
    expect(sortNotes(notes, 'oldest').map((n) => n.id)).toEqual([capex.id, growth!.id, plain!.id, aws!.id]);
    // Pages by address (news.example.org before www.example.com), then where each quote is on its page.
    expect(sortNotes(notes, 'page').map((n) => n.id)).toEqual([aws!.id, capex.id, plain!.id, growth!.id]);
  });

  it('groups by page in the order pages first appear, notes in reading order', () => {
    const groups = groupNotesByPage(sortNotes(notes, 'newest'));
    expect(groups.map((g) => g.url)).toEqual(['https://news.example.org/grab-aws?ref=home', ARTICLE_URL]);
    expect(groups[1]!.notes.map((n) => n.id)).toEqual([capex.id, plain!.id, growth!.id]);
    expect(groups[1]!.title).toBe(capex.page.title);
  });

  it('names a page by its latest non-empty title', () => {
    const retitled = { ...plain!, page: { ...plain!.page, title: 'Alibaba bets $53bn (updated)' }, updatedAt: '2025-05-01T00:00:00Z' };
    const untitled = { ...growth!, page: { ...growth!.page, title: '' }, updatedAt: '2025-06-01T00:00:00Z' };
    expect(groupNotesByPage([capex, retitled, untitled])[0]!.title).toBe('Alibaba bets $53bn (updated)');
  });

  it('counts tags and companies for the filters, most used first', () => {
    const extra = { ...aws!, id: 'c56a4180-65aa-42ec-a945-5fd21dec0538', tags: ['Capex', 'capex'] };
    expect(tagsInUse([...notes, extra])).toEqual([
      { tag: 'capex', count: 2 },
      { tag: 'aws', count: 1 },
      { tag: 'growth', count: 1 },
      { tag: 'revenue, quarterly', count: 1 },
      { tag: '云计算', count: 1 },
    ]);
    expect(companiesInUse(notes)).toEqual([
      { companyId: 'alibaba', companyName: 'Alibaba', count: 2 },
      { companyId: 'amazon', companyName: 'Amazon', count: 1 },
    ]);
  });
});
