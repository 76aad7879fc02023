/**
 * Starts Firefox ESR headless with the built extension installed (puppeteer-core over WebDriver BiDi).
 * The extension gets a fixed UUID, so its pages have a known address; tests reach them through the
 * extension's own UI (Firefox does not let a test navigate to moz-extension:// directly).
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FIREFOX_DIST, firefoxPath, NEWS_HOST } from './paths';

export const GECKO_ID = 'footnote@footnote-extension.org';
export const FIREFOX_UUID = '8d3c5e1f-4a0b-4c6e-9f1d-2b7a6c5e4d3f';

export interface FirefoxSession {
  browser: Browser;
  extensionOrigin: string;
  /** The first open page whose address passes `test` (extension pages open in tabs the extension creates). */
  waitForPage(test: (url: string) => boolean, timeoutMs?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(
  options: { extraHosts?: string[]; extensionDir?: string; downloadDir?: string; /** More Firefox preferences (e.g. a forced colour scheme). */ prefs?: Record<string, unknown> } = {},
): Promise<FirefoxSession> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'footnote-firefox-'));
  const downloads = options.downloadDir
    ? {
        // Downloads go straight to this folder, as a reader's "save to Downloads" would.
        'browser.download.folderList': 2,
        'browser.download.dir': options.downloadDir,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.panel.shown': true,
      }
    : {};
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    userDataDir: profile,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // The news hostname resolves to this machine, where the fixture server listens.
      'network.dns.localDomains': [NEWS_HOST, ...(options.extraHosts ?? [])].join(','),
      'extensions.autoDisableScopes': 0,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...downloads,
      ...options.prefs,
    },
  });
  await browser.installExtension(options.extensionDir ?? FIREFOX_DIST);
  return {
    browser,
    extensionOrigin: `moz-extension://${FIREFOX_UUID}/`,
    async waitForPage(test, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        for (const p of await browser.pages()) {
          // Puppeteer's page.url() is not told of moz-extension:// navigations over BiDi: ask the page itself.
          const href = await p.evaluate(() => location.href).catch(() => p.url());
          if (test(href)) return p;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`No page opened whose address matches within ${timeoutMs} ms; open: ${(await browser.pages()).map((p) => p.url()).join(', ')}`);
    },
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
