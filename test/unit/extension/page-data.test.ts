import { describe, expect, it, vi } from 'vitest';
import { PageDataLoader } from '../../../extension/content/page-data';
import type { PageData } from '../../../extension/shared/messages';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import type { CompanyRecord } from '../../../src/dataset/schema';

/** A background that answers from a tiny dataset and records what it was asked. */
function background(version = '2026.11.26') {
  const asked: Array<{ ids: string[]; currencies: string[] }> = [];
  const state = { version, fail: false };
  const request = vi.fn(async (ids: string[], currencies: string[]): Promise<PageData> => {
    asked.push({ ids: [...ids].sort(), currencies: [...currencies].sort() });
    if (state.fail) throw new Error('Footnote’s background did not answer.');
    return {
      companies: ids.map((id) => ({ id, name: id.toUpperCase() }) as unknown as CompanyRecord),
      fx: currencies.map((currency) => ({ currency, period: '2025', unitsPerUsd: 2 }) as PageData['fx'][number]),
      settings: DEFAULT_SETTINGS,
      datasetVersion: state.version,
    };
  });
  return { asked, state, request };
}

describe('PageDataLoader', () => {
  it('asks only for the companies and currencies it has not asked for, and keeps what it had', async () => {
    const bg = background();
    const seen: PageData[] = [];
    const loader = new PageDataLoader(bg.request, (d) => seen.push(d));
    await loader.load(['amazon', 'alibaba'], ['CNY']);
    const again = await loader.load(['alibaba', 'amazon'], ['CNY']);
    expect(bg.asked).toHaveLength(1);
    const more = await loader.load(['amazon', 'alibaba', 'nvidia'], ['CNY', 'EUR']);
    expect(bg.asked).toEqual([
      { ids: ['alibaba', 'amazon'], currencies: ['CNY'] },
      { ids: ['nvidia'], currencies: ['EUR'] },
    ]);
    expect(again?.companies.map((c) => c.id).sort()).toEqual(['alibaba', 'amazon']);
    expect(more?.companies.map((c) => c.id).sort()).toEqual(['alibaba', 'amazon', 'nvidia']);
    expect(more?.fx.map((r) => r.currency).sort()).toEqual(['CNY', 'EUR']);
    expect(seen.at(-1)).toEqual(more);
  });

  it('asks for a currency that appears later, though no new company does', async () => {
    const bg = background();
    const loader = new PageDataLoader(bg.request, () => undefined);
    await loader.load(['amazon'], []);
    const data = await loader.load(['amazon'], ['JPY']);
    expect(bg.asked.at(-1)).toEqual({ ids: [], currencies: ['JPY'] });
    expect(data?.fx.map((r) => r.currency)).toEqual(['JPY']);
  });

  it('asks for everything again when the dataset was updated under the page', async () => {
    const bg = background('2026.11.01');
    const loader = new PageDataLoader(bg.request, () => undefined);
    await loader.load(['amazon'], ['CNY']);
    bg.state.version = '2026.11.26';
    const data = await loader.load(['amazon', 'nvidia'], ['CNY']);
    expect(bg.asked.at(-1)).toEqual({ ids: ['amazon', 'nvidia'], currencies: ['CNY'] });
    expect(data?.datasetVersion).toBe('2026.11.26');
    expect(data?.companies.map((c) => c.id).sort()).toEqual(['amazon', 'nvidia']);
  });

  it('after a failed answer, resolves null and asks for everything at the next load', async () => {
    const bg = background();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const loader = new PageDataLoader(bg.request, () => undefined);
    bg.state.fail = true;
    expect(await loader.load(['amazon'], [])).toBeNull();
    expect(warn).toHaveBeenCalled();
    bg.state.fail = false;
    const data = await loader.load(['amazon'], []);
    expect(data?.companies.map((c) => c.id)).toEqual(['amazon']);
    expect(bg.asked).toHaveLength(2);
    warn.mockRestore();
  });

  it('after reset(), asks for everything again, and an answer to an older request is not used', async () => {
    const bg = background();
    const seen: PageData[] = [];
    const loader = new PageDataLoader(bg.request, (d) => seen.push(d));
    await loader.load(['amazon'], []);
    const stale = loader.load(['amazon', 'nvidia'], []);
    loader.reset();
    const fresh = await loader.load(['amazon', 'nvidia'], []);
    await stale;
    // The request made before the reset is dropped: only the first load and the one after the reset were sent.
    expect(bg.asked).toEqual([
      { ids: ['amazon'], currencies: [] },
      { ids: ['amazon', 'nvidia'], currencies: [] },
    ]);
    expect(fresh?.companies).toHaveLength(2);
    expect(seen.at(-1)).toBe(fresh);
  });
});
