/**
 * What the cards of a page need from the background (companies, exchange rates, settings), asked for in parts:
 * a feed that names a new company in each story it appends asks for that company alone, not for all of the
 * page's companies again (each answer is structured-cloned into the page, some 35 KB per company with sources).
 */
import type { PageData } from '../shared/messages';

/** An earlier answer and a later one for more companies and currencies, as one: the later settings win. */
export function mergePageData(earlier: PageData, later: PageData): PageData {
  const ids = new Set(earlier.companies.map((c) => c.id));
  const rates = new Set(earlier.fx.map((r) => `${r.currency} ${r.period}`));
  return {
    companies: [...earlier.companies, ...later.companies.filter((c) => !ids.has(c.id))],
    fx: [...earlier.fx, ...later.fx.filter((r) => !rates.has(`${r.currency} ${r.period}`))],
    settings: later.settings,
    datasetVersion: later.datasetVersion,
  };
}

export type PageDataRequest = (companyIds: string[], currencies: string[]) => Promise<PageData>;

export class PageDataLoader {
  private readonly askedIds = new Set<string>();
  private readonly askedCurrencies = new Set<string>();
  private current: Promise<PageData | null> | null = null;
  /** Counts resets: an answer to a request made before one is not used. */
  private generation = 0;

  constructor(
    private readonly request: PageDataRequest,
    /** Called with each complete answer (the page keeps it for its cards). */
    private readonly onData: (data: PageData) => void,
  ) {}

  /**
   * The data for these companies and currencies, merged with what was loaded before: asks only for those not
   * asked for yet. Resolves null when the background could not answer (the next call asks for everything).
   */
  load(companyIds: Iterable<string>, currencies: Iterable<string>): Promise<PageData | null> {
    const newIds = [...companyIds].filter((id) => !this.askedIds.has(id));
    const newCurrencies = [...currencies].filter((c) => !this.askedCurrencies.has(c));
    if (this.current && newIds.length === 0 && newCurrencies.length === 0) return this.current;
    for (const id of newIds) this.askedIds.add(id);
    for (const c of newCurrencies) this.askedCurrencies.add(c);
    const before = this.current;
    const generation = this.generation;
    const everything = (): Promise<PageData> => this.request([...this.askedIds], [...this.askedCurrencies]);
    const next: Promise<PageData | null> = (async () => {
      const earlier = before ? await before : null;
      // Reset meanwhile: the load made after the reset asks for everything; this one answers with that.
      if (generation !== this.generation) return this.current;
      if (!earlier) return everything();
      const later = await this.request(newIds, newCurrencies);
      // The dataset was updated under the page: what was loaded before is stale, so all of it is asked for again.
      return later.datasetVersion === earlier.datasetVersion ? mergePageData(earlier, later) : everything();
    })().then(
      (data) => {
        if (data && generation === this.generation) this.onData(data);
        return data;
      },
      (error: unknown) => {
        console.warn('Footnote: could not load the data for this page', error);
        if (generation === this.generation) this.reset();
        return null;
      },
    );
    this.current = next;
    return next;
  }

  /** Forgets what was asked for (the reader changed a setting): the next `load` asks for everything. */
  reset(): void {
    this.generation++;
    this.current = null;
    this.askedIds.clear();
    this.askedCurrencies.clear();
  }
}
