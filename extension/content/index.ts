/**
 * The content script's entry: one classic script, injected at document_idle on the default news sites and
 * on sites the reader turned on. Starts Footnote on the page unless the reader turned this site off.
 */
import browser from 'webextension-polyfill';
import bundled from 'virtual:footnote/alias-table';
import { ALIAS_TABLE_KEY, createCompanyMatcher, feedAliasTable, type PublishedAliasTable } from '../../src/companies';
import { recognizeBlock } from '../../src/context/block-items';
import { isSiteDisabled } from '../../src/settings/site-rules';
import type { TabRequest } from '../shared/messages';
import { ask } from '../shared/ask';
import { FootnotePage } from './footnote-page';
import type { PageData } from '../shared/messages';
import { loadedCardUi, type CardUi } from './card-ui';
import { yieldToPage } from './scheduling';
import type { Note } from '../../src/notes/model';

const STARTED = Symbol.for('footnote.content.started');

async function main(): Promise<void> {
  // The reader's switch for this site (and a feed's alias table, if any) is in storage, which takes a while to
  // answer: the page is read meanwhile with the bundled table, and shown only once the site is known to be on.
  const stored = browser.storage.local.get(['settings', ALIAS_TABLE_KEY]);
  // A dataset from the feed brings its own alias table (checked once here); the bundled one answers otherwise.
  const fromFeed = stored.then((s) => feedAliasTable(s[ALIAS_TABLE_KEY], bundled.datasetVersion), () => null);

  let page: FootnotePage | null = null;
  let controller: AbortController | null = null;

  const start = (aliases: PublishedAliasTable, shown?: Promise<boolean>) => {
    if (page) return;
    const matcher = createCompanyMatcher(aliases.table);
    const knownCompanyIds = new Set<string>();
    page = new FootnotePage(document, {
      recognize: (text) => recognizeBlock(text, matcher, { knownCompanyIds }),
      requestPageData: (companyIds, currencies) => ask<PageData>({ type: 'page-data', companyIds, currencies }),
      openSummary: (companyId) => ask({ type: 'open-summary', companyId }),
      copyText: (text) => navigator.clipboard.writeText(text),
      saveNote: (note) => ask({ type: 'save-note', note }).then(() => undefined),
      listNotes: (url) => ask<{ notes: Note[] }>({ type: 'list-notes', url }).then((r) => r.notes),
      loadCardUi,
      initialHoverDelayMs: 350,
      ...(shown ? { shown } : {}),
    });
    controller = new AbortController();
    void page.init(controller.signal);
  };
  const stop = () => {
    controller?.abort();
    controller = null;
    page = null;
  };

  // Compiling and evaluating this script is one task; building the matcher and reading the first screen is the next
  // (together they made a 50 ms task on a 2 MB page).
  await yieldToPage();
  start(bundled, Promise.all([stored, fromFeed]).then(
    ([s, feed]) => !isSiteDisabled(s.settings, location.hostname) && !feed,
    () => false,
  ));
  let settings: Record<string, unknown>;
  try {
    settings = await stored;
  } catch (error) {
    stop();
    console.warn('Footnote: could not read its settings; not running on this page', error);
    return;
  }
  const aliases = (await fromFeed) ?? bundled;
  if (isSiteDisabled(settings.settings, location.hostname)) stop();
  else if (aliases !== bundled) {
    stop();
    start(aliases);
  }

  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as TabRequest | undefined;
    switch (request?.type) {
      case 'page-summary':
        return Promise.resolve(page ? { enabled: true, ...page.summary() } : { enabled: false, url: location.href, title: document.title });
      case 'next-figure':
        page?.nextFigure('command');
        return Promise.resolve(true);
      case 'save-note':
        page?.saveOpenCard();
        return Promise.resolve(true);
      default:
        return undefined;
    }
  });

  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !changes.settings) return;
    if (isSiteDisabled(changes.settings.newValue, location.hostname)) stop();
    else if (page) page.refreshSettings();
    else start(aliases);
  });
}

/** The card's code: asks the background to add card.js to this frame, once (see card-ui.ts). */
async function loadCardUi(): Promise<CardUi> {
  const loaded = loadedCardUi();
  if (loaded) return loaded;
  await ask({ type: 'load-card-ui' });
  const ui = loadedCardUi();
  if (!ui) throw new Error('card.js ran, but the card’s code is not there.');
  return ui;
}

const marker = globalThis as unknown as Record<symbol, boolean>;
if (!marker[STARTED]) {
  marker[STARTED] = true;
  void main();
}
