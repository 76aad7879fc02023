/**
 * The signed feed in Firefox ESR, against real local feed servers. The options page is reached as a reader
 * reaches it: the popup's "Options" (opened from a card's "Open summary", since Firefox does not let a test
 * navigate to moz-extension:// directly).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { cardIsOpen, cardState, clickButtonByText, clickCardButton, pointOfText } from './support/in-page';
import { assertBuilt, NEWS_HOST } from './support/paths';
import { ARTICLE } from './support/expectations';
import { FAILURES, GOOD_VERSION, prepareFeeds, TEST_COMMITMENT_TEXT, type TestFeeds } from './support/feeds';

let session: FirefoxSession;
let server: FixtureServer;
let feeds: TestFeeds;
let article: Page;
let options: Page;

async function hoverFigure(p: Page): Promise<string> {
  await p.mouse.move(5, 5);
  const point = await p.evaluate(pointOfText, { text: 'US$53bn' });
  await p.mouse.move(point!.x, point!.y);
  await p.waitForFunction(cardIsOpen, { timeout: 5_000 });
  return (await p.evaluate(cardState)).text;
}

async function openArticle(p: Page) {
  await p.goto(server.url(ARTICLE, NEWS_HOST));
  await p.waitForFunction(() => (CSS.highlights.get('footnote-money')?.size ?? 0) > 0, { timeout: 20_000 });
}

async function clickButton(p: Page, label: string) {
  expect(await p.evaluate(clickButtonByText, label), `button "${label}"`).toBe(true);
}

/** Sets an input's value as typing would (select all, type). */
async function fill(p: Page, selector: string, value: string) {
  await p.click(selector, { count: 3 });
  await p.evaluate((s) => {
    const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(s)!;
    el.select();
  }, selector);
  await p.keyboard.press('Backspace');
  await p.type(selector, value);
}

async function useFeed(url: string, key: JsonWebKey) {
  await fill(options, '.feed-form input[type="url"]', url);
  await fill(options, '.feed-form textarea', JSON.stringify(key));
  await clickButton(options, 'Save feed');
  await options.waitForFunction(() => document.querySelector('.saved')?.textContent === 'Saved.', { timeout: 10_000 });
}

async function syncNow(): Promise<string> {
  await clickButton(options, 'Sync now');
  await options.waitForFunction(
    () => {
      const text = document.querySelector('.last-sync')?.textContent ?? '';
      return !text.includes('syncing') && !text.endsWith('never.');
    },
    { timeout: 40_000 },
  );
  return options.$eval('.last-sync', (el) => el.textContent ?? '');
}

/** The version the options page shows (it re-reads the status after every sync; Puppeteer cannot wait for a reload of a moz-extension:// page over BiDi). */
async function heldVersion(): Promise<string> {
  await options.waitForSelector('.dataset-version');
  const text = await options.$eval('.dataset-version', (el) => el.textContent ?? '');
  return /Dataset version (\d+(?:\.\d+)+)/.exec(text)?.[1] ?? '';
}

beforeAll(async () => {
  assertBuilt();
  feeds = await prepareFeeds();
  server = await startFixtureServer();
  session = await launchFirefox();
  article = await session.browser.newPage();
  await openArticle(article);
  await hoverFigure(article);
  await article.evaluate(clickCardButton, 'Open summary');
  const popup = await session.waitForPage((url) => url.startsWith(`${session.extensionOrigin}popup.html`));
  await popup.waitForSelector('footer.status button');
  await clickButton(popup, 'Options');
  options = await session.waitForPage((url) => url.startsWith(`${session.extensionOrigin}options.html`));
  await options.waitForSelector('.feed-form');
}, 120_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
  await feeds?.close();
});

describe('Firefox: the feed', () => {
  it('applies a good update: the new figure shows in a card without reinstalling', async () => {
    expect(await hoverFigure(article)).not.toContain(TEST_COMMITMENT_TEXT);
    const good = await feeds.serve(feeds.dirs.good);
    await useFeed(good.url, feeds.publicKey);
    expect(await syncNow()).toContain(`Updated to dataset ${GOOD_VERSION}`);
    expect(await heldVersion()).toBe(GOOD_VERSION);
    await openArticle(article);
    expect(await hoverFigure(article)).toContain(TEST_COMMITMENT_TEXT);
  });

  for (const failure of FAILURES) {
    it(`keeps the previous dataset and says why after ${failure.name}`, async () => {
      const feed = await feeds.serve(feeds.dirs[failure.dir], failure.mode);
      if (failure.timeoutSeconds) {
        await fill(options, 'input[type="number"][max="120"]', String(failure.timeoutSeconds));
        await options.keyboard.press('Tab');
      }
      await useFeed(feed.url, feeds.publicKey);
      const outcome = await syncNow();
      expect(outcome).toContain('failed');
      expect(outcome).toMatch(failure.message);
      expect(await heldVersion()).toBe(GOOD_VERSION);
      if (failure.timeoutSeconds) {
        await fill(options, 'input[type="number"][max="120"]', '15');
        await options.keyboard.press('Tab');
      }
    });
  }

  it('still shows the good update’s figure after all of that', async () => {
    await openArticle(article);
    expect(await hoverFigure(article)).toContain(TEST_COMMITMENT_TEXT);
  });
});
