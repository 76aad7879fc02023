/**
 * The typed message protocol between the content script, the extension pages and the background.
 * Requests are a discriminated union checked with zod at the background boundary; anything that does
 * not parse is refused with a readable error.
 */
import { z } from 'zod';

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
  /** Options and popup: sync the dataset from the feed now. */
  z.object({ type: z.literal('sync-now') }),
  /** The card's "Open summary": opens the popup page for a company in a tab. */
  z.object({ type: z.literal('open-summary'), companyId: CompanyId.nullable() }),
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
