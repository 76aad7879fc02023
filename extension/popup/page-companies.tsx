/** The companies Footnote found on the page, each with a line of key figures. */
import { useEffect, useState } from 'preact/hooks';
import { ask } from '../shared/ask';
import type { CompanyRecord } from '../../src/dataset/schema';
import { keyFigureLine } from '../../src/context/company-summary';

export interface PageSummaryReply {
  enabled: boolean;
  url: string;
  title: string;
  companies?: Array<{ id: string; mentions: number; figures: number }>;
  figures?: number;
  notes?: { anchored: string[]; detached: string[] };
}

export function PageCompanies({ summary, onPick }: { summary: PageSummaryReply | null | undefined; onPick(id: string): void }) {
  const [records, setRecords] = useState<Map<string, CompanyRecord>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const ids = summary?.companies?.map((c) => c.id) ?? [];

  useEffect(() => {
    if (ids.length === 0) return;
    ask<{ companies: CompanyRecord[] }>({ type: 'get-companies', companyIds: ids })
      .then((r) => setRecords(new Map(r.companies.map((c) => [c.id, c]))))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [ids.join(',')]);

  if (summary === undefined) return <p class="muted">Reading this page…</p>;
  if (summary === null) return <p class="muted">Footnote is not running on this page. Use “Enable on this site” to turn it on here, or search for a company above.</p>;
  if (!summary.enabled) return <p class="muted">Footnote is turned off on this site.</p>;
  const companies = summary.companies ?? [];
  return (
    <section class="page-companies" aria-labelledby="on-this-page">
      <h2 id="on-this-page">On this page</h2>
      {error ? <p class="error" role="alert">{error}</p> : null}
      {companies.length === 0 ? (
        <p class="muted">No companies from the dataset on this page{summary.figures ? `, ${summary.figures} figures` : ''}.</p>
      ) : (
        <ul class="company-list" aria-label="Companies on this page">
          {companies.map((c) => {
            const record = records.get(c.id);
            return (
              <li key={c.id}>
                <button type="button" class="company-row" onClick={() => onPick(c.id)}>
                  <span class="name">{record?.name ?? c.id}</span>
                  <span class="counts">
                    {c.mentions} mention{c.mentions === 1 ? '' : 's'}
                    {c.figures ? `, ${c.figures} figure${c.figures === 1 ? '' : 's'}` : ''}
                  </span>
                  {record ? <span class="key-line">{keyFigureLine(record) ?? record.description}</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
