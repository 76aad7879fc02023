/**
 * Context cards in Firefox ESR (puppeteer-core over WebDriver BiDi), as readers meet them (issue 5): hovering
 * figures and names on the sample article and on a page naming several companies, the hover-intent delay and
 * its setting, a card that stays open under the pointer, Escape and focus, the keyboard, dark mode, 200% zoom,
 * fullscreen, the display currency, a page whose CSS attacks the card, and axe-core on the card.
 * What the card must say is read from the dataset's files (data/), not typed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { clickCardButton } from './support/in-page';
import { assertBuilt, NEWS_HOST } from './support/paths';
import { ARTICLE } from './support/expectations';
import { axeViolations, CARD_CONTEXT, describeViolations } from './support/axe';
import { cardButtonPoint, cardIsClosed, cardOverElement, cardIsOpen, cardProbe, focusState, hoverTiming, placeText, startHoverTiming, type CardProbe } from './support/card-probe';
import { converted, lastQuarters, lastYears, plain, readCompany, shown } from './support/dataset-facts';
import { compareScreenshots } from './support/pixels';

const MULTI = 'multi-company.html';
const HOSTILE = 'hostile-css.html';
/** The date the multi-company page was published (its article:published_time): the date of its exchange rates. */
const MULTI_DATE = '2025-05-02';
const VIEWPORT = { width: 1280, height: 900 };

let session: FirefoxSession;
let server: FixtureServer;
let page: Page;
let locale: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function openPage(p: Page, name: string): Promise<void> {
  await p.goto(server.url(name, NEWS_HOST));
  await p.waitForFunction(() => (CSS.highlights.get('footnote-money')?.size ?? 0) > 0, { timeout: 20_000 });
}

/** Moves the pointer away (closing any card), then onto `text`, and waits for its card. */
async function hover(p: Page, text: string, options: { occurrence?: number; place?: 'centre' | 'bottom' | 'top'; margin?: number } = {}): Promise<CardProbe> {
  await p.mouse.move(2, 2);
  await p.waitForFunction(cardIsClosed, { timeout: 5_000 });
  const point = await p.evaluate(placeText, { text, occurrence: options.occurrence ?? 0, place: options.place ?? 'centre', margin: options.margin });
  expect(point, `"${text}" on the page`).not.toBeNull();
  await p.mouse.move(point!.x, point!.y);
  await p.waitForFunction(cardIsOpen, { timeout: 5_000 });
  // Placement is asynchronous (floating-ui): wait until the card has its place.
  await sleep(80);
  return (await p.evaluate(cardProbe))!;
}

async function pressKeys(p: Page, keys: Array<'Alt' | 'Shift'>, key: 'KeyF'): Promise<void> {
  for (const k of keys) await p.keyboard.down(k);
  await p.keyboard.press(key);
  for (const k of [...keys].reverse()) await p.keyboard.up(k);
}

/** The options page, reached as a reader would: a card's "Open summary", then the popup's "Options". */
async function openOptions(): Promise<Page> {
  await hover(page, '$80bn');
  expect(await page.evaluate(clickCardButton, 'Open summary')).toBe(true);
  const popup = await session.waitForPage((url) => url.startsWith(`${session.extensionOrigin}popup.html`));
  await popup.waitForSelector('button.link');
  await popup.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('button.link')].find((b) => b.textContent?.trim() === 'Options')!.click());
  const options = await session.waitForPage((url) => url.startsWith(`${session.extensionOrigin}options.html`));
  await options.waitForSelector('select');
  await popup.close();
  return options;
}

/** Changes a field of the options page found by its label, and waits for "Saved.". */
async function setOption(label: string, value: string): Promise<void> {
  const options = await openOptions();
  const changed = await options.evaluate(
    ({ label, value }) => {
      const field = [...document.querySelectorAll('label')].find((l) => l.textContent?.includes(label))?.querySelector('input, select') as
        | HTMLInputElement
        | HTMLSelectElement
        | null;
      if (!field) return false;
      field.value = value;
      field.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    { label, value },
  );
  expect(changed, `options field "${label}"`).toBe(true);
  await options.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === 'Saved.', { timeout: 5_000 });
  await options.close();
  await page.bringToFront();
}

beforeAll(async () => {
  assertBuilt();
  server = await startFixtureServer();
  session = await launchFirefox();
  page = await session.browser.newPage();
  await page.setViewport(VIEWPORT);
  await openPage(page, MULTI);
  locale = await page.evaluate(() => navigator.language);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Firefox: cards on a page naming several companies', () => {
  it('"$80bn" opens Microsoft’s card with its capex years from the dataset, each with its source as a link', async () => {
    const card = await hover(page, '$80bn');
    const microsoft = await readCompany('microsoft');
    const capex = lastYears(microsoft, 'capex');
    expect(capex.length).toBeGreaterThan(1);
    expect(card.label).toBe(`$80bn, ${microsoft.name}`);
    const text = plain(card.text);
    expect(text).toContain(microsoft.name);
    for (const year of capex) expect(text).toContain(year.period);
    const latest = capex.at(-1)!;
    expect(text).toContain(plain(shown(latest, locale)));
    expect(text).toMatch(new RegExp(`about [\\d.,]+x ${latest.period} capex`));
    const hrefs = card.links.map((l) => l.href);
    for (const year of capex) expect(hrefs).toContain(year.source.url);
  });

  it('"$64bn" of "between $64bn and $72bn" opens Meta’s card with the range', async () => {
    const card = await hover(page, '$64bn');
    expect(card.label).toBe('$64bn, Meta');
    expect(plain(card.text)).toContain(`one end of ${plain(shown({ value: 64e9, currency: 'USD' }, locale))}–${plain(shown({ value: 72e9, currency: 'USD' }, locale))}`);
    const meta = await readCompany('meta');
    expect(plain(card.text)).toContain(plain(shown(lastYears(meta, 'capex').at(-1)!, locale)));
  });

  it('"17%" opens Amazon’s card with its cloud growth, quarter by quarter, from the dataset', async () => {
    const card = await hover(page, '17%');
    const amazon = await readCompany('amazon');
    const quarters = lastQuarters(amazon, 'cloud_revenue_growth_pct');
    expect(quarters.length).toBeGreaterThan(1);
    expect(card.label).toBe(`17%, ${amazon.name}`);
    const text = plain(card.text);
    for (const q of quarters) {
      expect(text).toContain(q.period);
      expect(text).toContain(plain(shown(q, locale)));
    }
    const latest = quarters.at(-1)!;
    expect(text).toContain(`Cloud revenue growth: ${plain(shown(latest, locale))} in ${latest.period}, the latest the dataset holds`);
    expect(card.links.map((l) => l.href)).toContain(latest.source.url);
  });

  it('the name "Oracle" opens its company card with key figures and sources', async () => {
    const card = await hover(page, 'Oracle');
    const oracle = await readCompany('oracle');
    const latest = lastYears(oracle, 'capex').at(-1)!;
    expect(card.label).toBe(oracle.name);
    expect(plain(card.text)).toContain(`Capex ${latest.period}: ${plain(shown(latest, locale))}`);
    expect(card.links.map((l) => l.href)).toContain(latest.source.url);
  });

  it('"€4.3bn" is shown in US dollars at the dataset’s euro rate, with the rate’s source', async () => {
    const card = await hover(page, '€4.3bn');
    const dollars = await converted(4.3e9, 'EUR', 'USD', MULTI_DATE, locale);
    expect(card.label).toBe('€4.3bn, Microsoft');
    expect(plain(card.text)).toContain(`≈ ${plain(dollars.text)}`);
    expect(card.links.map((l) => l.href)).toContain(dollars.rateSource);
  });

  it('the figure near the bottom of the window opens its card inside the window', async () => {
    const card = await hover(page, '$100bn', { place: 'bottom' });
    expect(card.rect.top).toBeGreaterThanOrEqual(0);
    expect(card.rect.bottom).toBeLessThanOrEqual(card.viewport.height);
    expect(card.rect.left).toBeGreaterThanOrEqual(0);
    expect(card.rect.right).toBeLessThanOrEqual(card.viewport.width);
  });
});

describe('Firefox: cards on the sample article', () => {
  it('"11%" opens Alibaba’s card with the quarter history of its cloud growth; "Alibaba Cloud" opens Alibaba’s company card', async () => {
    await openPage(page, ARTICLE);
    const alibaba = await readCompany('alibaba');
    const card = await hover(page, '11%');
    expect(card.label).toBe(`11%, ${alibaba.name}`);
    for (const q of lastQuarters(alibaba, 'cloud_revenue_growth_pct')) expect(plain(card.text)).toContain(`${q.period} ${plain(shown(q, locale))}`);
    const company = await hover(page, 'Alibaba Cloud');
    expect(company.label).toBe('Alibaba');
    const latest = lastYears(alibaba, 'capex').at(-1)!;
    expect(plain(company.text)).toContain(`Capex ${latest.period}: ${plain(shown(latest, locale))}`);
  });
});

describe('Firefox: hover intent, staying open, Escape and the keyboard', () => {
  it('waits for the hover-intent delay (default 350 ms), and for another delay set in the options', async () => {
    await openPage(page, MULTI);
    await page.mouse.move(2, 2);
    let point = await page.evaluate(placeText, { text: '$80bn' });
    await page.evaluate(startHoverTiming);
    await page.mouse.move(point!.x, point!.y);
    await sleep(150);
    expect(await page.evaluate(cardIsOpen)).toBe(false);
    await page.waitForFunction(cardIsOpen, { timeout: 5_000 });
    let t = await page.evaluate(hoverTiming);
    expect(t.opened! - t.moved).toBeGreaterThanOrEqual(340);

    await setOption('Hover delay', '1200');
    await openPage(page, MULTI);
    await page.mouse.move(2, 2);
    point = await page.evaluate(placeText, { text: '$80bn' });
    await page.evaluate(startHoverTiming);
    await page.mouse.move(point!.x, point!.y);
    await sleep(800);
    expect(await page.evaluate(cardIsOpen)).toBe(false);
    await page.waitForFunction(cardIsOpen, { timeout: 5_000 });
    t = await page.evaluate(hoverTiming);
    expect(t.opened! - t.moved).toBeGreaterThanOrEqual(1190);
    await setOption('Hover delay', '350');
    await openPage(page, MULTI);
  });

  it('stays open while the pointer moves onto the card and over its buttons, and closes after it leaves', async () => {
    const card = await hover(page, '$80bn');
    await page.mouse.move(card.rect.left + 40, card.rect.top + 20, { steps: 8 });
    for (const label of ['Save note', 'Open summary', 'Copy', 'Close']) {
      const point = await page.evaluate(cardButtonPoint, label);
      expect(point, label).not.toBeNull();
      await page.mouse.move(point!.x, point!.y, { steps: 4 });
      await sleep(150);
    }
    await sleep(500);
    expect(await page.evaluate(cardIsOpen)).toBe(true);
    await page.mouse.move(2, 2, { steps: 4 });
    await page.waitForFunction(cardIsClosed, { timeout: 5_000 });
  });

  it('stays open while the reader types a note in it, even when the pointer leaves it over another figure', async () => {
    await hover(page, '$80bn');
    const save = await page.evaluate(cardButtonPoint, 'Save note');
    await page.mouse.click(save!.x, save!.y);
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA', { timeout: 5_000 });
    await page.keyboard.type('Check against FY2025 guidance');
    // On its way out the pointer rests on another figure for longer than the hover delay, then leaves.
    const other = await page.evaluate(placeText, { text: '$64bn' });
    await page.mouse.move(other!.x, other!.y, { steps: 4 });
    await sleep(700);
    await page.mouse.move(2, 2, { steps: 4 });
    await sleep(900);
    expect(await page.evaluate(cardIsOpen)).toBe(true);
    expect((await page.evaluate(cardProbe))!.label).toBe('$80bn, Microsoft');
    expect(await page.evaluate(() => (document.querySelector('footnote-card')!.shadowRoot!.querySelector('textarea') as HTMLTextAreaElement).value)).toBe(
      'Check against FY2025 guidance',
    );
    await page.keyboard.press('Escape');
    expect(await page.evaluate(cardIsOpen)).toBe(false);
  });

  it('Escape closes a card whose form has focus and gives focus back to the field the reader was in', async () => {
    await page.focus('#email');
    await hover(page, '$80bn');
    const save = await page.evaluate(cardButtonPoint, 'Save note');
    await page.mouse.click(save!.x, save!.y);
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA', { timeout: 5_000 });
    await page.keyboard.press('Escape');
    expect(await page.evaluate(cardIsOpen)).toBe(false);
    expect((await page.evaluate(focusState)).page).toBe('input#email');
  });

  it('the keyboard command opens a card with focus in it; Tab reaches its buttons; Escape gives focus back', async () => {
    await page.mouse.move(2, 2);
    await page.waitForFunction(cardIsClosed, { timeout: 5_000 });
    await page.focus('#read-full-screen');
    await pressKeys(page, ['Alt', 'Shift'], 'KeyF');
    await page.waitForFunction(cardIsOpen, { timeout: 5_000 });
    expect((await page.evaluate(focusState)).inCard).toBe('dialog');
    const reached: string[] = [];
    for (let i = 0; i < 30 && !reached.includes('Copy'); i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(focusState);
      expect(focus.inCard, `Tab ${i + 1} stays in the card`).not.toBeNull();
      reached.push(focus.inCard!);
    }
    expect(reached[0]).toBe('Close');
    const order = ['Save note', 'Open summary', 'Copy'].map((b) => reached.indexOf(b));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(cardIsOpen)).toBe(false);
    expect((await page.evaluate(focusState)).page).toBe('button#read-full-screen');
  });
});

describe('Firefox: zoom, fullscreen, currency', () => {
  it('at 200% zoom the card fits the window and stays readable', async () => {
    await page.setViewport({ width: 640, height: 450, deviceScaleFactor: 2 });
    try {
      await openPage(page, MULTI);
      for (const [text, place] of [['$80bn', 'centre'], ['17%', 'bottom'], ['Oracle', 'top']] as const) {
        const card = await hover(page, text, { place });
        expect(card.viewport.width).toBeLessThanOrEqual(640);
        expect(card.rect.left, text).toBeGreaterThanOrEqual(0);
        expect(card.rect.top, text).toBeGreaterThanOrEqual(0);
        expect(card.rect.right, text).toBeLessThanOrEqual(card.viewport.width);
        expect(card.rect.bottom, text).toBeLessThanOrEqual(card.viewport.height);
        expect(parseFloat(card.styles.dialog!['font-size']!)).toBeGreaterThanOrEqual(13);
        if (card.scroll.height > card.rect.height + 1) expect(card.styles.dialog!['overflow-y']).toBe('auto');
      }
    } finally {
      await page.setViewport(VIEWPORT);
    }
  });

  it('in the site’s fullscreen mode, the card opens inside the fullscreen element, on top', async () => {
    await openPage(page, MULTI);
    await page.click('#read-full-screen');
    await page.waitForFunction(() => document.fullscreenElement?.tagName === 'ARTICLE', { timeout: 5_000 });
    try {
      const card = await hover(page, '$80bn');
      expect(card.hostParent).toBe('article');
      expect(card.onTop.centre).toBe(true);
      expect(card.rect.bottom).toBeLessThanOrEqual(card.viewport.height);
    } finally {
      await page.evaluate(() => document.exitFullscreen());
      await page.waitForFunction(() => !document.fullscreenElement);
    }
    const after = await hover(page, '$80bn');
    expect(after.hostParent).toBe('html');
  });

  it('shows amounts in euros once the reader picks EUR as display currency in the options', async () => {
    await setOption('Display currency', 'EUR');
    try {
      await openPage(page, MULTI);
      const card = await hover(page, '$80bn');
      const euros = await converted(80e9, 'USD', 'EUR', MULTI_DATE, locale);
      expect(plain(card.text)).toContain(`≈ ${plain(euros.text)}`);
      expect(card.links.map((l) => l.href)).toContain(euros.rateSource);
    } finally {
      await setOption('Display currency', 'USD');
      await openPage(page, MULTI);
    }
  });
});

describe('Firefox: a reader in Germany with a dark desktop', () => {
  // Puppeteer cannot emulate the colour scheme or the locale over BiDi: a second Firefox told both.
  let reader: FirefoxSession;
  let readerPage: Page;

  beforeAll(async () => {
    reader = await launchFirefox({ prefs: { 'layout.css.prefers-color-scheme.content-override': 0, 'intl.accept_languages': 'de-DE, de', 'intl.locale.requested': 'de-DE' } });
    readerPage = await reader.browser.newPage();
    await readerPage.setViewport(VIEWPORT);
    await openPage(readerPage, MULTI);
  });

  afterAll(async () => {
    await reader?.close();
  });

  it('the card is dark with readable text, and light with readable text in the light browser', async () => {
    expect(await readerPage.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    const dark = await hover(readerPage, '$80bn');
    const light = await hover(page, '$80bn');
    const lum = (c: string) => {
      const [r = 0, g = 0, b = 0] = (c.match(/[\d.]+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    expect(lum(light.styles.dialog!['background-color']!)).toBeGreaterThan(0.8);
    expect(lum(dark.styles.dialog!['background-color']!)).toBeLessThan(0.25);
    for (const card of [light, dark]) {
      for (const [part, ratio] of Object.entries(card.contrast)) expect(ratio, `${part} contrast`).toBeGreaterThanOrEqual(4.5);
    }
    await hover(readerPage, '$80bn');
    const findings = await axeViolations(readerPage, CARD_CONTEXT);
    expect(findings, describeViolations(findings)).toEqual([]);
  });

  it('writes the card’s numbers the German way', async () => {
    expect(await readerPage.evaluate(() => navigator.language)).toBe('de-DE');
    const card = await hover(readerPage, '$80bn');
    const capex = lastYears(await readCompany('microsoft'), 'capex');
    const text = plain(card.text);
    expect(text).toContain(plain(shown({ value: 80e9, currency: 'USD' }, 'de-DE')));
    for (const year of capex) expect(text).toContain(plain(shown(year, 'de-DE')));
    expect(text).not.toContain(plain(shown(capex.at(-1)!, 'en-US')));
  });
});

describe('Firefox: a page whose CSS attacks the card', () => {
  it('cannot change the card’s look, size or place, nor hide it under its overlays', async () => {
    await openPage(page, MULTI);
    const plainCard = await hover(page, '$80bn');
    const plainShot = await page.screenshot({ clip: clipOf(plainCard), encoding: 'base64' });
    await openPage(page, HOSTILE);
    // Firefox paints a filter on the root element over the whole window, top layer included, so nothing an
    // extension does can keep it off the card; the page's other attacks stay in place.
    await page.evaluate(() => document.documentElement.style.setProperty('filter', 'none', 'important'));
    const hostileCard = await hover(page, '$80bn');
    // The card runs over the page's z-index 2147483647 cookie banner, and is above it there.
    const overBanner = await page.evaluate(cardOverElement, '.cookie-banner');
    const hostileShot = await page.screenshot({ clip: clipOf(hostileCard), encoding: 'base64' });

    expect(hostileCard.text).toBe(plainCard.text);
    expect(overBanner).toEqual({ overlaps: true, cardOnTop: true });
    const diff = await compareScreenshots(await session.browser.newPage(), Buffer.from(plainShot, 'base64'), Buffer.from(hostileShot, 'base64'));
    expect(diff.sameSize).toBe(true);
    expect(diff.differentPixels / diff.pixels, `pixels that differ: ${diff.differentPixels} of ${diff.pixels}`).toBeLessThan(0.005);
    await page.bringToFront();
    for (const part of Object.keys(plainCard.styles)) {
      if (part === 'host') continue;
      expect(hostileCard.styles[part], `computed style of ${part}`).toEqual(plainCard.styles[part]);
    }
    expect(hostileCard.rect.width).toBe(plainCard.rect.width);
    expect(hostileCard.scroll).toEqual(plainCard.scroll);
    expect(hostileCard.onTop).toEqual({ centre: true, corners: true });
    expect(hostileCard.rect.left).toBeGreaterThanOrEqual(0);
    expect(hostileCard.rect.top).toBeGreaterThanOrEqual(0);
    expect(hostileCard.rect.right).toBeLessThanOrEqual(hostileCard.viewport.width);
    expect(hostileCard.rect.bottom).toBeLessThanOrEqual(hostileCard.viewport.height);
  });
});

describe('Firefox: axe-core', () => {
  it('finds no violations in money, percent and company cards, nor in the save form', async () => {
    await openPage(page, MULTI);
    for (const text of ['$80bn', '17%', 'Oracle', '€4.3bn']) {
      await hover(page, text);
      const findings = await axeViolations(page, CARD_CONTEXT);
      expect(findings, `${text}:\n${describeViolations(findings)}`).toEqual([]);
    }
    const save = await page.evaluate(cardButtonPoint, 'Save note');
    await page.mouse.click(save!.x, save!.y);
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.querySelector('form') != null, { timeout: 5_000 });
    const findings = await axeViolations(page, CARD_CONTEXT);
    expect(findings, describeViolations(findings)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});

/** The top of the card, inside its border (the part whose pixels depend on the card alone), in document coordinates as Puppeteer wants. */
function clipOf(card: CardProbe) {
  return { x: Math.ceil(card.rect.left) + 2 + card.pageOffset.x, y: Math.ceil(card.rect.top) + 2 + card.pageOffset.y, width: Math.floor(card.rect.width) - 4, height: Math.min(160, Math.floor(card.rect.height) - 4) };
}
