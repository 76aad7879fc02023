/** One company's summary: what it does, its series (with sources), commitments and funding. */
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../shared/ask';
import type { CompanyRecord, FxRate } from '../../src/dataset/schema';
import type { Settings } from '../../src/settings/settings';
import { buildCompanySummary, type CompanySummary } from '../../src/context/company-summary';
import { createFxIndex } from '../../src/dataset/fx';
import { DatedList, KeyFacts, SeriesChart } from '../shared/ui/series-chart';
import { Sparkline } from '../shared/ui/sparkline';

export function CompanyView({ companyId, onBack }: { companyId: string; onBack(): void }) {
  const [summary, setSummary] = useState<CompanySummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setSummary(null);
    setError(null);
    ask<{ company: CompanyRecord; fx: FxRate[]; settings: Settings }>({ type: 'get-company', companyId })
      .then(({ company, fx, settings }) =>
        setSummary(buildCompanySummary(company, { fx: createFxIndex(fx), readerCurrency: settings.displayCurrency, locale: navigator.language || 'en' })),
      )
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [companyId]);

  return (
    <section class="company-view" aria-labelledby="company-name">
      <button type="button" class="link back" onClick={onBack}>
        ← This page
      </button>
      {error ? <p class="error" role="alert">{error}</p> : null}
      {summary ? (
        <>
          <h2 id="company-name">{summary.name}</h2>
          <p class="muted">
            {summary.legalName}
            {summary.tickers.length ? ` · ${summary.tickers.join(', ')}` : ''}
          </p>
          <p>{summary.description}</p>
          <p>
            <a href={summary.website} target="_blank" rel="noopener noreferrer">
              {summary.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
            </a>
          </p>
          <KeyFacts facts={summary.keyFacts} />
          {summary.series.map((s) => (
            <SeriesChart key={s.metric} series={s} />
          ))}
          {summary.quarterly.map((q) => (
            <Sparkline key={q.metric} series={q} />
          ))}
          <DatedList title="Announced commitments" items={summary.commitments} />
          <DatedList title="Funding and valuation" items={summary.fundingRounds} />
          {summary.series.length === 0 && summary.commitments.length === 0 && summary.fundingRounds.length === 0 ? (
            <p class="muted">The dataset has no sourced figures for {summary.name} yet.</p>
          ) : null}
        </>
      ) : !error ? (
        <p class="muted">Loading…</p>
      ) : null}
    </section>
  );
}
