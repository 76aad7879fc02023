/**
 * Notes in Chromium, as a reader uses them: save a note from a card on the sample article, find it in the
 * popup, reload the page and see it highlighted again, export every format as a real download, and import
 * the backup into a fresh profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { readFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { cardIsOpen, highlightTexts, pointOfText } from './support/in-page';
import { assertBuilt, NEWS_HOST } from './support/paths';
import { ARTICLE } from './support/expectations';

declare const chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> } };

let session: ChromiumSession;
let server: FixtureServer;
let page: Page;
const downloads = new Map<string, string>();

/** Waits until a locator matches `n` elements (the popup updates after its messages come back). */
async function waitForCount(locator: Locator, n: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await locator.count()) !== n) {
    if (Date.now() > deadline) throw new Error(`expected ${n} elements, found ${await locator.count()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function openArticle(p: Page) {
  await p.goto(server.url(ARTICLE, NEWS_HOST));
  await p.waitForFunction(() => (CSS.highlights.get('footnote-money')?.size ?? 0) > 0, null, { timeout: 15_000 });
}

async function openPopup(s: ChromiumSession, view = 'notes'): Promise<Page> {
  const tabId = await s.worker.evaluate(async (host) => (await chrome.tabs.query({ url: `*://${host}/*` }))[0]?.id, NEWS_HOST);
  const popup = await s.context.newPage();
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}&view=${view}`);
  return popup;
}

beforeAll(async () => {
  assertBuilt();
  server = await startFixtureServer();
  session = await launchChromium();
  page = await session.context.newPage();
  await openArticle(page);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Chromium: notes', () => {
  it('saves a note from the card of "US$53bn" with a comment and tags', async () => {
    const point = await page.evaluate(pointOfText, { text: 'US$53bn' });
    await page.mouse.move(point!.x, point!.y);
    await page.waitForFunction(cardIsOpen, null, { timeout: 5_000 });
    const dialog = page.getByRole('dialog', { name: /US\$53bn/ });
    await dialog.getByRole('button', { name: 'Save note' }).click();
    await dialog.getByLabel('Comment').fill('Three years of capex = RMB 380bn, "big" = 1.5x a year, @check');
    await dialog.getByLabel('Tags (comma-separated)').fill('capex, alibaba');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog.getByRole('status').textContent()).resolves.toContain('Saved as a note');
    await page.waitForFunction(() => (CSS.highlights.get('footnote-note')?.size ?? 0) === 1);
  });

  it('lists the note in the popup, searchable and filterable by company and tag', async () => {
    const popup = await openPopup(session);
    const list = popup.getByRole('list', { name: 'Saved notes' });
    await list.getByRole('listitem').first().waitFor();
    const text = await list.textContent();
    expect(text).toContain('US$53bn');
    expect(text).toContain('Alibaba');
    expect(text).toContain('#capex');
    await popup.getByLabel('Tag').selectOption('capex');
    await waitForCount(list.getByRole('listitem'), 1);
    await popup.getByPlaceholder('Search notes').fill('no such words');
    await waitForCount(list.getByRole('listitem'), 0);
    await popup.close();
  });

  it('finds the note again after a reload and highlights it as footnote-note', async () => {
    await openArticle(page);
    await page.waitForFunction(() => (CSS.highlights.get('footnote-note')?.size ?? 0) === 1, null, { timeout: 10_000 });
    expect((await page.evaluate(highlightTexts))['footnote-note']).toEqual(['US$53bn']);
  });

  it('exports every format through the popup as a real download', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('list', { name: 'Saved notes' }).getByRole('listitem').first().waitFor();
    for (const label of ['Export Markdown', 'Export CSV', 'Export JSON', 'Export Web Annotation']) {
      const [download] = await Promise.all([popup.waitForEvent('download') as Promise<Download>, popup.getByRole('button', { name: label }).click()]);
      const file = await download.path();
      downloads.set(label, await readFile(file!, 'utf8'));
      expect(download.suggestedFilename()).toMatch(/^footnote-notes-.*\.(md|csv|json|jsonld)$/);
    }
    expect(downloads.get('Export Markdown')).toContain('US$53bn');
    const csv = downloads.get('Export CSV')!;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"Three years of capex = RMB 380bn, ""big"" = 1.5x a year, @check"');
    const backup = JSON.parse(downloads.get('Export JSON')!) as { format: string; notes: unknown[] };
    expect(backup.format).toBe('footnote-notes');
    expect(backup.notes).toHaveLength(1);
    const collection = JSON.parse(downloads.get('Export Web Annotation')!) as { type: string; first: { items: Array<{ target: { selector: Array<{ type: string; exact?: string }> } }> } };
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.items[0]!.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact).toBe('US$53bn');
    await popup.close();
  });

  it('deletes a note with undo', async () => {
    const popup = await openPopup(session);
    const list = popup.getByRole('list', { name: 'Saved notes' });
    await list.getByRole('listitem').first().waitFor();
    await popup.getByRole('button', { name: /^Delete note on US\$53bn/ }).click();
    await waitForCount(list.getByRole('listitem'), 0);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await list.getByRole('listitem').first().waitFor();
    await popup.close();
  });

  it('imports the backup into a fresh profile and shows the notes; a bad file writes nothing and says why', async () => {
    const fresh = await launchChromium();
    try {
      const article = await fresh.context.newPage();
      await openArticle(article);
      const popup = await openPopup(fresh);
      await popup.getByText('No notes yet').waitFor();
      const dir = await mkdtemp(path.join(os.tmpdir(), 'footnote-import-'));
      const bad = path.join(dir, 'broken.json');
      const { writeFile } = await import('node:fs/promises');
      await writeFile(bad, JSON.stringify({ format: 'footnote-notes', version: 1, exportedAt: '2026-11-26T00:00:00Z', notes: [{ id: 'x' }] }));
      await popup.getByLabel('Import notes from a file').setInputFiles(bad);
      await popup.getByText(/Nothing was imported/).waitFor();
      await expect(popup.getByRole('list', { name: 'What is wrong with the file' }).textContent()).resolves.toMatch(/notes\[0\]/);
      await waitForCount(popup.getByRole('list', { name: 'Saved notes' }).getByRole('listitem'), 0);

      const good = path.join(dir, 'backup.json');
      await writeFile(good, downloads.get('Export JSON')!);
      await popup.getByLabel('Import notes from a file').setInputFiles(good);
      await popup.getByText(/Imported backup.json: 1 new/).waitFor();
      await expect(popup.getByRole('list', { name: 'Saved notes' }).textContent()).resolves.toContain('US$53bn');
      // Importing the same file again adds nothing.
      await popup.getByLabel('Import notes from a file').setInputFiles(good);
      await popup.getByText(/0 new, 0 updated, 1 already here/).waitFor();
      // And the imported note is found again on the page.
      await openArticle(article);
      await article.waitForFunction(() => (CSS.highlights.get('footnote-note')?.size ?? 0) === 1, null, { timeout: 10_000 });
    } finally {
      await fresh.close();
    }
  });
});
