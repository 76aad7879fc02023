/**
 * Notes to test exports and imports with, saved the way the card saves them (createNote) from the real article
 * fixture, and chosen to be awkward: an emoji before a quote, commas, double quotes and line breaks in comments,
 * a comment that looks like a formula, non-Latin tags, notes without a figure or company, two pages.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Note } from '../../../src/notes/model';
import { createNote, editNote } from '../../../src/notes/note-actions';

export const ARTICLE_URL = 'https://www.example.com/cloud/alibaba-bets-53bn';
export const ARTICLE_TITLE = 'Alibaba bets $53bn on cloud and AI | Cloud and AI news';

/** The article's paragraphs as text, one per line. */
export function articleText(): string {
  const html = readFileSync(resolve(process.cwd(), '../shared/fixtures/pages/alibaba-bets-53bn.html'), 'utf8');
  return [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
    .map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim())
    .join('\n');
}

function quoteAt(text: string, exact: string): { start: number; end: number } {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`the fixture no longer contains "${exact}"`);
  return { start, end: start + exact.length };
}

export function sampleNotes(): Note[] {
  const text = articleText();
  const page = { url: ARTICLE_URL, title: ARTICLE_TITLE };
  const otherText = '🚀 Grab names AWS its preferred cloud provider; AWS revenue grew 19% to US$29.3bn, up from last year.';
  const otherPage = { url: 'https://news.example.org/grab-aws?ref=home#top', title: 'Grab picks AWS — “preferred” provider' };

  const capex = createNote({
    id: '6a1f3c2e-4b7d-4c1a-9e8f-2d5b7a9c0e11',
    now: new Date('2025-03-01T09:30:00Z'),
    page,
    text,
    ...quoteAt(text, 'RMB 380 billion (US$53bn)'),
    figure: { surface: 'RMB 380 billion (US$53bn)', kind: 'money', amount: 380_000_000_000, currency: 'CNY', metric: 'capex_guidance' },
    companyId: 'alibaba',
    companyName: 'Alibaba',
    context: {
      summary: 'About 5x Alibaba’s FY2025 capex per year, over three years',
      lines: ['Capex FY2025: RMB 76.7bn (source: Alibaba Group results, May 2025)', 'Cloud revenue growth: 11% (latest quarter)'],
      sources: [{ title: 'Alibaba Group March quarter 2025 results', url: 'https://www.alibabagroup.com/en-US/ir-financial-reports' }],
    },
    comment: 'Compare with FY2024 capex; ~US$53bn at the article\'s FX rate.\nSee "capex, incl. leases", too.',
    tags: ['capex', '云计算'],
  });

  const growth = editNote(
    createNote({
      id: '0b6e2d1c-8f3a-4e5b-9c7d-1a2b3c4d5e6f',
      now: new Date('2025-03-01T10:00:00Z'),
      page,
      text,
      ...quoteAt(text, '11%'),
      figure: { surface: '11%', kind: 'percent', value: 11 },
      companyId: 'alibaba',
      companyName: 'Alibaba',
      context: { summary: 'Cloud intelligence revenue growth', lines: ['Cloud revenue growth: 11% (quarter to Dec 2024)'] },
      comment: '=SUM(A1:A9) looks like a formula',
      tags: ['growth'],
    }),
    { comment: '=SUM(A1:A9) looks like a formula, and so does\n@mention' },
    new Date('2025-03-02T08:15:30.250Z'),
  );

  const plain = createNote({
    id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
    now: new Date('2025-03-03T12:00:00Z'),
    page,
    text,
    ...quoteAt(text, 'once-in-a-generation'),
    context: { summary: '', lines: [] },
  });

  const afterEmoji = createNote({
    id: '3d594650-3436-4f2b-8e6b-2a1f0c9d8e7b',
    now: new Date('2025-03-04T07:45:00Z'),
    page: otherPage,
    text: otherText,
    ...quoteAt(otherText, 'US$29.3bn'),
    figure: { surface: 'US$29.3bn', kind: 'money', amount: 29_300_000_000, currency: 'USD' },
    companyId: 'amazon',
    companyName: 'Amazon',
    context: { summary: 'AWS quarterly revenue', lines: ['-5% would be a decline', '+19% year on year', '\tindented'] },
    comment: '-10% next quarter? +1, @analyst',
    tags: ['aws', 'revenue, quarterly'],
  });

  return [capex, growth, plain, afterEmoji];
}
