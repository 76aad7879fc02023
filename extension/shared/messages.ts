/**
 * The typed message protocol between the content script, the extension pages and the background.
 * Requests are a discriminated union checked with zod at the background boundary; anything that does
 * not parse is refused with a readable error.
 */
import { z } from 'zod';
import type { CompanyRecord, FxRate } from '../../src/dataset/schema';
import type { Settings } from '../../src/settings/settings';

const CompanyId = z.string().min(1).max(80);

export const Request = z.discriminatedUnion('type', [
  /**
   * The content script, after its scan: everything the cards of this page need, in one answer, so that a
   * card opens without a round trip (the companies' records, the exchange rates, the reader's settings).
   */
  z.object({
    type: z.literal('page-data'),
    companyIds: z.array(CompanyId).max(500),
    currencies: z.array(z.string().regex(/^[A-Z]{3}$/)).max(100),
  }),
  /** Popup: one company's summary. */
  z.object({ type: z.literal('get-company'), companyId: CompanyId }),
  /** Popup: summaries for the companies a page names, in the page's order. */
  z.object({ type: z.literal('get-companies'), companyIds: z.array(CompanyId).max(500) }),
  /** Popup: search the dataset. */
  z.object({ type: z.literal('search-companies'), query: z.string().max(200) }),
  /** Popup and options: the dataset version, sync state and settings. */
  z.object({ type: z.literal('get-status') }),
  /** The card's "Save note": the quote as described in the page, the figure, the card's context, the reader's words. */
  z.object({
    type: z.literal('save-note'),
    note: z.object({
      page: z.object({ url: z.string().max(4096), title: z.string().max(1000) }),
      quote: z.object({ exact: z.string().max(5000), prefix: z.string().max(500), suffix: z.string().max(500) }),
      position: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
      figure: z.record(z.string(), z.unknown()).optional(),
      companyId: z.string().max(80).optional(),
      companyName: z.string().max(200).optional(),
      context: z.object({ summary: z.string().max(2000), lines: z.array(z.string().max(2000)).max(200), sources: z.array(z.object({ title: z.string(), url: z.string() })).max(200).optional() }),
      comment: z.string().max(20_000).optional(),
      tags: z.array(z.string().max(200)).max(100).optional(),
    }),
  }),
  /** Notes of a page (content script, to highlight them again) or all notes (popup). */
  z.object({ type: z.literal('list-notes'), url: z.string().max(4096).optional(), includeDeleted: z.boolean().optional() }),
  z.object({ type: z.literal('edit-note'), id: z.string().max(100), comment: z.string().max(20_000).optional(), tags: z.array(z.string().max(200)).max(100).optional() }),
  z.object({ type: z.literal('delete-note'), id: z.string().max(100) }),
  z.object({ type: z.literal('restore-note'), id: z.string().max(100) }),
  z.object({ type: z.literal('export-notes'), format: z.enum(['markdown', 'csv', 'json', 'web-annotation']), url: z.string().max(4096).optional() }),
  z.object({ type: z.literal('import-notes'), text: z.string().max(50 * 1024 * 1024) }),
  /** Options and popup: sync the dataset from the feed now. */
  z.object({ type: z.literal('sync-now') }),
  /** The card's "Open summary": opens the popup page for a company in a tab. */
  z.object({ type: z.literal('open-summary'), companyId: CompanyId.nullable() }),
  /** A content script about to show its first card: the card's code (card.js) is added to its frame. */
  z.object({ type: z.literal('load-card-ui') }),
]);
export type Request = z.infer<typeof Request>;
export type RequestInput = z.input<typeof Request>;

/** Messages the background or the popup sends to a tab's content script. */
export const TabRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page-summary') }),
  z.object({ type: z.literal('next-figure') }),
  z.object({ type: z.literal('save-note') }),
]);
export type TabRequest = z.infer<typeof TabRequest>;

/** Every answer is either `{ ok: true, value }` or `{ ok: false, error }` with a message for people. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The answer to 'page-data': what the cards of a page need (the companies asked for, their exchange rates, the settings). */
export interface PageData {
  companies: CompanyRecord[];
  fx: FxRate[];
  settings: Settings;
  datasetVersion: string;
}
