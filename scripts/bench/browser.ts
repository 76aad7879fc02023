/**
 * The benchmark's browsers: Debian's Chromium, headless, with the same flags as the end-to-end tests, once with the
 * built extension loaded and once without any extension (the "without" runs and the baselines).
 */
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromiumArgs } from '../../test/e2e/support/chromium';
import { CHROME_DIST, chromePath, NEWS_HOST } from '../../test/e2e/support/paths';

export interface BenchBrowser {
  context: BrowserContext;
  /** The extension's id, or null for the browser without it. */
  extensionId: string | null;
  /** The extension's service worker (null without the extension). */
  worker: Worker | null;
  /** A fresh tab with a DevTools Protocol session on it. */
  newTab(): Promise<{ page: Page; cdp: CDPSession }>;
  close(): Promise<void>;
}

export async function launchBenchBrowser(withExtension: boolean): Promise<BenchBrowser> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'footnote-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: false,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    // --expose-gc gives window.gc, so that heap readings are taken after a full collection.
    args: chromiumArgs({ extensionDir: withExtension ? CHROME_DIST : undefined, hosts: [NEWS_HOST], extra: ['--js-flags=--expose-gc'] }),
    viewport: { width: 1280, height: 900 },
  });
  let extensionId: string | null = null;
  let worker: Worker | null = null;
  if (withExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
  }
  // Start from one blank tab, so that runs do not share a renderer with leftovers.
  for (const p of context.pages()) await p.close();
  return {
    context,
    extensionId,
    worker,
    async newTab() {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      return { page, cdp };
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
