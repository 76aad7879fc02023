/**
 * The background's message router: every request is checked with zod and its sender checked before it is
 * answered. Answers are `{ ok: true, value }` or `{ ok: false, error }`.
 */
import type { Runtime } from 'webextension-polyfill';
import { Request, type PageData, type Reply } from '../shared/messages';
import { ratesFor } from '../../src/dataset/fx';
import { searchCompanies } from '../../src/dataset/search';
import type { Settings } from '../../src/settings/settings';
import type { DatasetStore, StoreStatus } from './dataset-store';
import type { NotesStore } from './notes-store';
import type { NoteFigure } from '../../src/notes';
import { ZodError } from 'zod';

export interface RouterDeps {
  store: DatasetStore;
  extensionId: string;
  /** `chrome-extension://ID/` or `moz-extension://UUID/`. */
  extensionOrigin: string;
  getSettings(): Promise<Settings>;
  openTab(url: string): Promise<void>;
  /** Adds the card's code (card.js) to a tab's frame, in the content script's world. */
  injectCardUi?(tabId: number, frameId: number): Promise<void>;
  getSyncStatus?(): Promise<unknown>;
  syncNow?(): Promise<unknown>;
  notes?: NotesStore;
}

export function createRouter(deps: RouterDeps) {
  return async function route(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
    if (sender.id !== deps.extensionId) return { ok: false, error: 'Messages are accepted from Footnote itself only.' };
    const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin);
    const fromContentScript = sender.tab !== undefined && !fromExtensionPage;
    if (!fromExtensionPage && !fromContentScript) return { ok: false, error: 'Unknown sender.' };

    const parsed = Request.safeParse(message);
    if (!parsed.success) {
      const where = parsed.error.issues[0];
      return { ok: false, error: `Malformed request${where ? ` (${where.path.join('.') || 'message'}: ${where.message})` : ''}.` };
    }
    const request = parsed.data;
    try {
      switch (request.type) {
        case 'page-data': {
          const [dataset, settings] = await Promise.all([deps.store.get(), deps.getSettings()]);
          const ids = new Set(request.companyIds);
          const companies = dataset.companies.filter((c) => ids.has(c.id));
          const value: PageData = {
            companies,
            fx: ratesFor(dataset.fx, companies, request.currencies, settings.displayCurrency),
            settings,
            datasetVersion: dataset.version,
          };
          return { ok: true, value };
        }
        case 'get-company': {
          const [dataset, settings] = await Promise.all([deps.store.get(), deps.getSettings()]);
          const company = dataset.companies.find((c) => c.id === request.companyId);
          if (!company) return { ok: false, error: `No company "${request.companyId}" in the dataset.` };
          return { ok: true, value: { company, fx: ratesFor(dataset.fx, [company], [], settings.displayCurrency), settings } };
        }
        case 'get-companies': {
          const [dataset, settings] = await Promise.all([deps.store.get(), deps.getSettings()]);
          const byId = new Map(dataset.companies.map((c) => [c.id, c]));
          const companies = request.companyIds.flatMap((id) => byId.get(id) ?? []);
          return { ok: true, value: { companies, fx: ratesFor(dataset.fx, companies, [], settings.displayCurrency), settings } };
        }
        case 'search-companies': {
          const dataset = await deps.store.get();
          return { ok: true, value: searchCompanies(dataset.companies, request.query) };
        }
        case 'get-status': {
          const [status, settings, sync] = await Promise.all([deps.store.status(), deps.getSettings(), deps.getSyncStatus?.() ?? null]);
          return { ok: true, value: { ...status, settings, sync } satisfies StoreStatus & { settings: Settings; sync: unknown } };
        }
        case 'save-note': {
          if (!deps.notes) return { ok: false, error: 'Notes are not available.' };
          const { figure, ...rest } = request.note;
          return { ok: true, value: await deps.notes.save({ ...rest, ...(figure ? { figure: figure as NoteFigure } : {}) }) };
        }
        case 'list-notes':
        case 'edit-note':
        case 'delete-note':
        case 'restore-note':
        case 'export-notes':
        case 'import-notes': {
          const notes = deps.notes;
          if (!notes) return { ok: false, error: 'Notes are not available.' };
          // Reading a page's own notes is for its content script; everything else is for Footnote's pages.
          if (!fromExtensionPage && !(request.type === 'list-notes' && request.url && request.url === sender.tab?.url)) {
            return { ok: false, error: 'Only Footnote’s own pages can change or export notes.' };
          }
          switch (request.type) {
            case 'list-notes':
              return { ok: true, value: await notes.list({ ...(request.url ? { url: request.url } : {}), includeDeleted: request.includeDeleted ?? false }) };
            case 'edit-note':
              return { ok: true, value: await notes.edit(request.id, { ...(request.comment !== undefined ? { comment: request.comment } : {}), ...(request.tags ? { tags: request.tags } : {}) }) };
            case 'delete-note':
              return { ok: true, value: await notes.delete(request.id) };
            case 'restore-note':
              return { ok: true, value: await notes.restore(request.id) };
            case 'export-notes':
              return { ok: true, value: await notes.export(request.format, request.url) };
            case 'import-notes':
              return { ok: true, value: await notes.import(request.text) };
          }
          break;
        }
        case 'sync-now': {
          if (!fromExtensionPage) return { ok: false, error: 'Only Footnote’s own pages can start a sync.' };
          if (!deps.syncNow) return { ok: false, error: 'Sync is not available.' };
          return { ok: true, value: await deps.syncNow() };
        }
        case 'load-card-ui': {
          if (!fromContentScript || sender.tab?.id === undefined) return { ok: false, error: 'Only a page’s content script loads the card.' };
          if (!deps.injectCardUi) return { ok: false, error: 'Cards are not available.' };
          await deps.injectCardUi(sender.tab.id, sender.frameId ?? 0);
          return { ok: true, value: null };
        }
        case 'open-summary': {
          const params = new URLSearchParams();
          if (request.companyId) params.set('company', request.companyId);
          if (sender.tab?.id !== undefined) params.set('tab', String(sender.tab.id));
          await deps.openTab(`${deps.extensionOrigin}popup.html?${params.toString()}`);
          return { ok: true, value: null };
        }
      }
    } catch (error) {
      if (error instanceof ZodError) {
        const issue = error.issues[0];
        return { ok: false, error: `The note is not valid${issue ? ` (${issue.path.join('.') || 'note'}: ${issue.message})` : ''}.` };
      }
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    return { ok: false, error: 'Unknown request.' };
  };
}
