/** Starts Debian's Chromium headless with the built extension loaded (playwright-core). */
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHROME_DIST, chromePath, NEWS_HOST } from './paths';

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * The flags every headless Chromium here starts with (end-to-end tests and `npm run bench`): with an extension
 * directory, that unpacked extension is loaded; `hosts` are mapped to the local fixture server.
 */
export function chromiumArgs(options: { extensionDir?: string; hosts: readonly string[]; extra?: readonly string[] }): string[] {
  const { extensionDir, hosts, extra = [] } = options;
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...extra,
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
  ];
}

export async function launchChromium(options: { extraHosts?: string[]; extensionDir?: string } = {}): Promise<ChromiumSession> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'footnote-chromium-'));
  const dir = options.extensionDir ?? CHROME_DIST;
  const hosts = [NEWS_HOST, ...(options.extraHosts ?? [])];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromePath(),
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs({ extensionDir: dir, hosts }),
    viewport: { width: 1280, height: 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
