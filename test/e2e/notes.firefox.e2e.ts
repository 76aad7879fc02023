/**
 * Notes in Firefox ESR: save a note from a card, see it in the popup (reached through the card's "Open summary"),
 * reload and see it highlighted, export every format as a real download, import the backup into a fresh profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { cardIsOpen, clickButtonByText, clickCardButton, highlightTexts, pointOfText } from './support/in-page';
import { assertBuilt, NEWS_HOST } from './support/paths';
import { ARTICLE } from './support/expectations';

let session: FirefoxSession;
let server: FixtureServer;
let page: Page;
let downloadDir: string;

async function openArticle(p: Page) {
  await p.goto(server.url(ARTICLE, NEWS_HOST));
  await p.waitForFunction(() => (CSS.highlights.get('footnote-money')?.size ?? 0) > 0, { timeout: 20_000 });
}

/** The popup, reached as a reader would from the page: a card's "Open summary", then "Notes". */
async function openNotes(s: FirefoxSession, article: Page): Promise<Page> {
  const point = await article.evaluate(pointOfText, { text: 'US$53bn' });
  await article.mouse.move(5, 5);
  await article.mouse.move(point!.x, point!.y);
  await article.waitForFunction(cardIsOpen, { timeout: 5_000 });
  await article.evaluate(clickCardButton, 'Open summary');
  const popup = await s.waitForPage((url) => url.startsWith(`${s.extensionOrigin}popup.html`));
  await popup.waitForSelector('nav.views button');
  await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('nav.views button')].find((b) => b.textContent?.trim() === 'Notes')!.click());
  await popup.waitForSelector('[aria-label="Saved notes"]');
  return popup;
}

async function clickButton(p: Page, label: string) {
  expect(await p.evaluate(clickButtonByText, label), `button "${label}"`).toBe(true);
}

async function waitForFile(dir: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const name = (await readdir(dir)).find((f) => pattern.test(f) && !f.endsWith('.part'));
    if (name) {
      const text = await readFile(path.join(dir, name), 'utf8');
      if (text.length > 0) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no download matching ${pattern} in ${dir}: ${(await readdir(dir)).join(', ')}`);
}

beforeAll(async () => {
  assertBuilt();
  downloadDir = await mkdtemp(path.join(os.tmpdir(), 'footnote-downloads-'));
  server = await startFixtureServer();
  session = await launchFirefox({ downloadDir });
  page = await session.browser.newPage();
  await openArticle(page);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Firefox: notes', () => {
  it('saves a note from the card of "US$53bn"', async () => {
    const point = await page.evaluate(pointOfText, { text: 'US$53bn' });
    await page.mouse.move(point!.x, point!.y);
    await page.waitForFunction(cardIsOpen, { timeout: 5_000 });
    await page.evaluate(clickCardButton, 'Save note');
    // The comment field has focus when the form opens: type as a reader would, then press Enter on "Save".
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.type('Compare with FY2025 capex');
    await page.keyboard.press('Tab');
    await page.keyboard.type('capex');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.querySelector('.saved') != null, { timeout: 5_000 });
    await page.waitForFunction(() => (CSS.highlights.get('footnote-note')?.size ?? 0) === 1);
  });

  it('finds it again after a reload', async () => {
    await openArticle(page);
    await page.waitForFunction(() => (CSS.highlights.get('footnote-note')?.size ?? 0) === 1, { timeout: 10_000 });
    expect((await page.evaluate(highlightTexts))['footnote-note']).toEqual(['US$53bn']);
  });

  it('lists it in the popup and exports every format as a real download', async () => {
    const popup = await openNotes(session, page);
    await popup.waitForFunction(() => document.querySelector('[aria-label="Saved notes"]')?.textContent?.includes('Compare with FY2025 capex'), { timeout: 5_000 });
    const files: Record<string, string> = {};
    for (const [label, pattern] of [
      ['Export Markdown', /\.md$/],
      ['Export CSV', /\.csv$/],
      ['Export JSON', /\.json$/],
      ['Export Web Annotation', /\.jsonld$/],
    ] as const) {
      await clickButton(popup, label);
      files[label] = await waitForFile(downloadDir, pattern);
    }
    expect(files['Export Markdown']).toContain('US$53bn');
    expect(files['Export CSV']!.charCodeAt(0)).toBe(0xfeff);
    expect(JSON.parse(files['Export JSON']!).notes).toHaveLength(1);
    expect(JSON.parse(files['Export Web Annotation']!).type).toBe('AnnotationCollection');
    await popup.close();
  });

  it('imports the backup into a fresh profile', async () => {
    const backup = (await readdir(downloadDir)).find((f) => f.endsWith('.json'))!;
    const fresh = await launchFirefox();
    try {
      const article = await fresh.browser.newPage();
      await openArticle(article);
      const popup = await openNotes(fresh, article);
      await popup.waitForFunction(() => document.body.textContent?.includes('No notes yet'), { timeout: 5_000 });
      const input = await popup.$('input[type="file"]');
      const copy = path.join(await mkdtemp(path.join(os.tmpdir(), 'footnote-backup-')), 'backup.json');
      await writeFile(copy, await readFile(path.join(downloadDir, backup)));
      await input!.uploadFile(copy);
      await popup.waitForFunction(() => document.body.textContent?.includes('Imported backup.json: 1 new'), { timeout: 10_000 });
      await popup.waitForFunction(() => document.querySelector('[aria-label="Saved notes"]')?.textContent?.includes('US$53bn'), { timeout: 5_000 });
    } finally {
      await fresh.close();
    }
  });
});
