/**
 * A reader's first article, in Firefox ESR (puppeteer-core over WebDriver BiDi): highlights, the card on
 * hover and from the keyboard, the popup (reached through the card's "Open summary"), no IndexedDB in the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { cardIsOpen, cardState, clickCardButton, highlightTexts, pointOfText } from './support/in-page';
import { assertBuilt, NEWS_HOST } from './support/paths';
import { ARTICLE, EXPECTED_COMPANIES, EXPECTED_FIGURES } from './support/expectations';

let session: FirefoxSession;
let server: FixtureServer;
let page: Page;

beforeAll(async () => {
  assertBuilt();
  server = await startFixtureServer();
  session = await launchFirefox();
  page = await session.browser.newPage();
  await page.goto(server.url(ARTICLE, NEWS_HOST));
  await page.waitForFunction(() => (CSS.highlights.get('footnote-money')?.size ?? 0) > 0, { timeout: 20_000 });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Firefox: the sample article', () => {
  it('highlights the companies and figures of the article, not the hard negatives', async () => {
    const texts = await page.evaluate(highlightTexts);
    for (const company of EXPECTED_COMPANIES) expect(texts['footnote-company']).toContain(company);
    for (const figure of EXPECTED_FIGURES.money) expect(texts['footnote-money']).toContain(figure);
    for (const figure of EXPECTED_FIGURES.percent) expect(texts['footnote-percent']).toContain(figure);
    expect(texts['footnote-company']!.filter((t) => t === 'Grab')).toHaveLength(1);
    expect(texts['footnote-company']).not.toContain('Meta');
    expect(texts['footnote-money']!.filter((t) => t === 'RMB 380 billion')).toHaveLength(1);
  });

  it('opens the card for "US$53bn" on hover, closes it on leaving and on Escape', async () => {
    const point = await page.evaluate(pointOfText, { text: 'US$53bn' });
    await page.mouse.move(point!.x, point!.y);
    await page.waitForFunction(cardIsOpen, { timeout: 5_000 });
    const card = await page.evaluate(cardState);
    expect(card.label).toMatch(/US\$53bn.*Alibaba/);
    expect(card.text).toMatch(/\$53(\.0)?B/);
    expect(card.text).toMatch(/Capex/i);
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => !document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]'), { timeout: 5_000 });
    await page.mouse.move(point!.x, point!.y);
    await page.waitForFunction(cardIsOpen, { timeout: 5_000 });
    await page.keyboard.press('Escape');
    expect((await page.evaluate(cardState)).open).toBe(false);
  });

  it('moves to the next figure with the keyboard command and opens its card', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyF');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await page.waitForFunction(cardIsOpen, { timeout: 5_000 });
    expect((await page.evaluate(cardState)).focused).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('lists the companies of the page in the popup, opened from the card', async () => {
    const point = await page.evaluate(pointOfText, { text: 'US$53bn' });
    await page.mouse.move(point!.x, point!.y);
    await page.waitForFunction(cardIsOpen, { timeout: 5_000 });
    expect(await page.evaluate(clickCardButton, 'Open summary')).toBe(true);
    const popup = await session.waitForPage((url) => url.startsWith(`${session.extensionOrigin}popup.html`));
    // The company view first; "This page" lists the page's companies.
    await popup.waitForSelector('#company-name', { timeout: 10_000 });
    expect(await popup.$eval('#company-name', (el) => el.textContent)).toBe('Alibaba');
    await popup.click('button.back');
    await popup.waitForSelector('[aria-label="Companies on this page"]', { timeout: 10_000 });
    const names = await popup.$$eval('[aria-label="Companies on this page"] .name', (els) => els.map((e) => e.textContent));
    for (const name of ['Alibaba', 'Apple', 'Amazon', 'Alphabet', 'Grab', 'Prudential', 'Microsoft']) expect(names).toContain(name);
    await popup.close();
  });

  it('creates no IndexedDB database in the page’s origin', async () => {
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  });
});
