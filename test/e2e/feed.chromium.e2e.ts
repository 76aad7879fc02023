/**
 * The signed feed in Chromium, against real local feed servers: a good update shows a new figure in a card
 * without reinstalling; every kind of bad feed leaves the previous dataset in place and shows why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { cardState, pointOfText } from './support/in-page';
import { assertBuilt, NEWS_HOST } from './support/paths';
import { ARTICLE } from './support/expectations';
import { FAILURES, GOOD_VERSION, prepareFeeds, TEST_COMMITMENT_TEXT, TEST_COMPANY_ALIAS, type TestFeeds } from './support/feeds';

let session: ChromiumSession;
let server: FixtureServer;
let feeds: TestFeeds;
let options: Page;

async function useFeed(url: string, key: JsonWebKey) {
  await options.getByLabel('Feed URL').fill(url);
  await options.getByLabel(/Feed public key/).fill(JSON.stringify(key));
  await options.getByRole('button', { name: 'Save feed' }).click();
  await options.getByRole('status').filter({ hasText: 'Saved.' }).first().waitFor();
}

async function syncNow(): Promise<string> {
  await options.getByRole('button', { name: 'Sync now' }).click();
  const status = options.locator('.last-sync');
  await options.waitForFunction(() => {
    const text = document.querySelector('.last-sync')?.textContent ?? '';
    return !text.includes('syncing') && !text.endsWith('never.');
  }, null, { timeout: 40_000 });
  return (await status.textContent()) ?? '';
}

async function heldVersion(): Promise<string> {
  await options.reload();
  const text = await options.locator('.dataset-version').textContent();
  return /Dataset version (\d+(?:\.\d+)+)/.exec(text ?? '')?.[1] ?? '';
}

async function alibabaCardText(): Promise<string> {
  const page = await session.context.newPage();
  await page.goto(server.url(ARTICLE, NEWS_HOST));
  await page.waitForFunction(() => (CSS.highlights.get('footnote-money')?.size ?? 0) > 0, null, { timeout: 15_000 });
  const point = await page.evaluate(pointOfText, { text: 'US$53bn' });
  await page.mouse.move(point!.x, point!.y);
  await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]') != null, null, { timeout: 5_000 });
  const { text } = await page.evaluate(cardState);
  await page.close();
  return text;
}

beforeAll(async () => {
  assertBuilt();
  feeds = await prepareFeeds();
  server = await startFixtureServer();
  session = await launchChromium();
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Sync now' }).waitFor();
}, 120_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
  await feeds?.close();
});

describe('Chromium: the feed', () => {
  it('applies a good update: the new figure shows in a card without reinstalling', async () => {
    expect(await alibabaCardText()).not.toContain(TEST_COMMITMENT_TEXT);
    const good = await feeds.serve(feeds.dirs.good);
    await useFeed(good.url, feeds.publicKey);
    const outcome = await syncNow();
    expect(outcome).toContain(`Updated to dataset ${GOOD_VERSION}`);
    expect(await heldVersion()).toBe(GOOD_VERSION);
    expect(await alibabaCardText()).toContain(TEST_COMMITMENT_TEXT);
    // A company only the new dataset knows is now recognised on the page.
    const page = await session.context.newPage();
    await page.goto(server.url(ARTICLE, NEWS_HOST));
    await page.waitForFunction((alias) => {
      const h = CSS.highlights.get('footnote-company');
      return h ? [...(h as unknown as Iterable<AbstractRange>)].some((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString() === alias;
      }) : false;
    }, TEST_COMPANY_ALIAS, { timeout: 10_000 });
    await page.close();
    // A second sync sends the ETag and is answered 304: up to date.
    expect(await syncNow()).toContain('up to date');
    expect(good.requests().some((r) => r.status === 304 && r.ifNoneMatch)).toBe(true);
  });

  for (const failure of FAILURES) {
    it(`keeps the previous dataset and says why after ${failure.name}`, async () => {
      const feed = await feeds.serve(feeds.dirs[failure.dir], failure.mode);
      if (failure.timeoutSeconds) await options.getByLabel('Feed request timeout (seconds)').fill(String(failure.timeoutSeconds));
      if (failure.timeoutSeconds) await options.getByLabel('Feed request timeout (seconds)').press('Tab');
      await useFeed(feed.url, feeds.publicKey);
      const outcome = await syncNow();
      expect(outcome).toContain('failed');
      expect(outcome).toMatch(failure.message);
      expect(await heldVersion()).toBe(GOOD_VERSION);
      if (failure.timeoutSeconds) {
        await options.getByLabel('Feed request timeout (seconds)').fill('15');
        await options.getByLabel('Feed request timeout (seconds)').press('Tab');
      }
    });
  }

  it('still shows the good update’s figure after all of that', async () => {
    expect(await alibabaCardText()).toContain(TEST_COMMITMENT_TEXT);
  });
});
