/**
 * The popup: the companies on the current page (or `?tab=ID`), a company's summary (`?company=ID` or a
 * click), a search over the whole dataset, and the dataset's version and sync state.
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { targetTab } from './tab-target';
import { SiteToggle } from './site-toggle';
import { CompanyView } from './company-view';
import { SearchBox } from './search-box';
import { PageCompanies, type PageSummaryReply } from './page-companies';
import { StatusLine } from './status-line';
import { NotesView } from './notes-view';

export function App() {
  const params = new URLSearchParams(location.search);
  const initialCompany = params.get('company');
  const [view, setView] = useState<'page' | 'notes'>(params.get('view') === 'notes' ? 'notes' : 'page');
  const [tab, setTab] = useState<Tabs.Tab | null | undefined>(undefined);
  const [summary, setSummary] = useState<PageSummaryReply | null | undefined>(undefined);
  const [company, setCompany] = useState<string | null>(initialCompany);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    void targetTab().then(setTab);
  }, []);

  useEffect(() => {
    if (!tab?.id) {
      if (tab === null) setSummary(null);
      return;
    }
    setSummary(undefined);
    let tries = 0;
    const load = () =>
      browser.tabs
        .sendMessage(tab.id!, { type: 'page-summary' })
        .then((reply) => setSummary(reply as PageSummaryReply))
        // Footnote is not running on this tab (not a news site, or not enabled here yet).
        .catch(() => (++tries < 3 && reload > 0 ? setTimeout(load, 300) : setSummary(null)));
    void load();
  }, [tab?.id, reload]);

  return (
    <main class="popup">
      <header class="top">
        <h1>Footnote</h1>
        <SearchBox onPick={setCompany} />
      </header>
      <nav class="views" aria-label="Footnote views">
        <button type="button" aria-current={view === 'page' && !company ? 'page' : undefined} onClick={() => { setCompany(null); setView('page'); }}>
          This page
        </button>
        <button type="button" aria-current={view === 'notes' && !company ? 'page' : undefined} onClick={() => { setCompany(null); setView('notes'); }}>
          Notes
        </button>
      </nav>
      {company ? (
        <CompanyView companyId={company} onBack={() => setCompany(null)} />
      ) : view === 'notes' ? (
        <NotesView pageUrl={summary?.url ?? tab?.url ?? null} detached={summary?.notes?.detached ?? []} />
      ) : (
        <>
          {tab?.id !== undefined && tab.url ? <SiteToggle tabId={tab.id} url={tab.url} onChange={() => setReload((n) => n + 1)} /> : null}
          <PageCompanies summary={summary} onPick={setCompany} />
        </>
      )}
      <StatusLine />
    </main>
  );
}
