/**
 * Context cards in Chromium, as readers meet them (issue 5): hovering figures and names on the sample
 * article and on a page naming several companies, the hover-intent delay and its setting, a card that stays
 * open under the pointer, Escape and focus, the keyboard, dark mode, 200% zoom, fullscreen, the display
 * currency, a page whose CSS attacks the card, and axe-core on the card, the popup and the options page.
 * What the card must say is read from the dataset's files (data/), not typed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { startFixtureServer, type FixtureServer } from './support/fixture-server';
import { assertBuilt, NEWS_HOST } from './support/paths';
import { ARTICLE } from './support/expectations';
import { axeViolations, CARD_CONTEXT, describeViolations } from './support/axe';
import { cardButtonPoint, cardIsClosed, cardOverElement, cardIsOpen, cardProbe, focusState, hoverTiming, placeText, startHoverTiming, type CardProbe } from './support/card-probe';
import { converted, lastQuarters, lastYears, plain, readCompany, shown } from './support/dataset-facts';
import { compareScreenshots } from './support/pixels';

declare const chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> } };

const MULTI = 'multi-company.html';
const HOSTILE = 'hostile-css.html';
/** The date the multi-company page was published (its article:published_time): the date of its exchange rates. */
const MULTI_DATE = '2025-05-02';

let session: ChromiumSession;
let server: FixtureServer;
let page: Page;
let locale: string;

async function openPage(p: Page, name: string): Promise<void> {
  await p.goto(server.url(name, NEWS_HOST));
  await p.waitForFunction(() => (CSS.highlights.get('footnote-money')?.size ?? 0) > 0, null, { timeout: 15_000 });
}

/** Moves the pointer away (closing any card), then onto `text`, and waits for its card. */
async function hover(p: Page, text: string, options: { occurrence?: number; place?: 'centre' | 'bottom' | 'top'; margin?: number } = {}): Promise<CardProbe> {
  await p.mouse.move(2, 2);
  await p.waitForFunction(cardIsClosed, null, { timeout: 5_000 });
  const point = await p.evaluate(placeText, { text, occurrence: options.occurrence ?? 0, place: options.place ?? 'centre', margin: options.margin });
  expect(point, `"${text}" on the page`).not.toBeNull();
  await p.mouse.move(point!.x, point!.y);
  await p.waitForFunction(cardIsOpen, null, { timeout: 5_000 });
  // Placement is asynchronous (floating-ui): wait until the card has its place.
  await p.waitForTimeout(50);
  return (await p.evaluate(cardProbe))!;
}

async function setOption(label: RegExp, change: (field: ReturnType<Page['getByLabel']>) => Promise<void>): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const field = options.getByLabel(label);
  await field.waitFor();
  await change(field);
  await options.getByRole('status').getByText('Saved.').waitFor({ timeout: 5_000 });
  await options.close();
}

beforeAll(async () => {
  assertBuilt();
  server = await startFixtureServer();
  session = await launchChromium();
  page = await session.context.newPage();
  await openPage(page, MULTI);
  locale = await page.evaluate(() => navigator.language);
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Chromium: cards on a page naming several companies', () => {
  it('"$80bn" opens Microsoft’s card: the figure as written, the company, its capex years from the dataset, each with its source as a link', async () => {
    const card = await hover(page, '$80bn');
    const microsoft = await readCompany('microsoft');
    const capex = lastYears(microsoft, 'capex');
    expect(capex.length).toBeGreaterThan(1);
    expect(card.label).toBe(`$80bn, ${microsoft.name}`);
    const text = plain(card.text);
    expect(text).toContain('$80bn');
    expect(text).toContain(microsoft.name);
    expect(text).toMatch(/Capex, by fiscal year/i);
    for (const year of capex) expect(text).toContain(`${year.period}\n`);
    // The latest year, as the dataset holds it, and the figure set against it.
    const latest = capex.at(-1)!;
    expect(text).toContain(plain(shown(latest, locale)));
    expect(text).toMatch(new RegExp(`about [\\d.,]+x ${latest.period} capex`));
    // Every year's source is a link to it.
    const hrefs = card.links.map((l) => l.href);
    for (const year of capex) expect(hrefs).toContain(year.source.url);
  });

  it('"$64bn" of "between $64bn and $72bn" opens Meta’s card with the range and Meta’s capex from the dataset', async () => {
    const card = await hover(page, '$64bn');
    const meta = await readCompany('meta');
    expect(card.label).toBe(`$64bn, ${meta.name}`);
    const text = plain(card.text);
    expect(text).toContain(`one end of ${plain(shown({ value: 64e9, currency: 'USD' }, locale))}–${plain(shown({ value: 72e9, currency: 'USD' }, locale))}`);
    const capex = lastYears(meta, 'capex');
    expect(capex.length).toBeGreaterThan(1);
    for (const year of capex) expect(text).toContain(`${year.period}\n`);
    expect(text).toContain(plain(shown(capex.at(-1)!, locale)));
    const hrefs = card.links.map((l) => l.href);
    for (const year of capex) expect(hrefs).toContain(year.source.url);
  });

  it('"17%" (AWS sales grew 17%) opens Amazon’s card with its cloud growth, quarter by quarter, from the dataset', async () => {
    const card = await hover(page, '17%');
    const amazon = await readCompany('amazon');
    const quarters = lastQuarters(amazon, 'cloud_revenue_growth_pct');
    expect(quarters.length).toBeGreaterThan(1);
    expect(card.label).toBe(`17%, ${amazon.name}`);
    const text = plain(card.text);
    expect(text).toMatch(/Cloud revenue growth, by quarter/i);
    for (const q of quarters) expect(text).toContain(`${q.period} ${plain(shown(q, locale))}`);
    const latest = quarters.at(-1)!;
    expect(text).toContain(`Cloud revenue growth: ${plain(shown(latest, locale))} in ${latest.period}, the latest the dataset holds`);
    expect(card.links.map((l) => l.href)).toContain(latest.source.url);
    // The history is drawn too, with every value in its accessible name.
    const sparkline = await page.evaluate(() => document.querySelector('footnote-card')!.shadowRoot!.querySelector('svg.sparkline')?.getAttribute('aria-label') ?? '');
    for (const q of quarters) expect(plain(sparkline)).toContain(`${q.period} ${plain(shown(q, locale))}`);
  });

  it('the name "Oracle" opens a company card with its key figures from the dataset, each with its source', async () => {
    const card = await hover(page, 'Oracle');
    const oracle = await readCompany('oracle');
    expect(card.label).toBe(oracle.name);
    const text = plain(card.text);
    const capex = lastYears(oracle, 'capex');
    const latest = capex.at(-1)!;
    expect(text).toContain(`Capex ${latest.period}: ${plain(shown(latest, locale))}`);
    expect(card.links.map((l) => l.href)).toContain(latest.source.url);
    expect(card.buttons).toEqual(expect.arrayContaining(['Save note', 'Open summary', 'Copy']));
  });

  it('"€4.3bn" is shown in US dollars at the dataset’s euro rate for the article’s date, with the rate’s source', async () => {
    const card = await hover(page, '€4.3bn');
    const microsoft = await readCompany('microsoft');
    expect(card.label).toBe(`€4.3bn, ${microsoft.name}`);
    const dollars = await converted(4.3e9, 'EUR', 'USD', MULTI_DATE, locale);
    const text = plain(card.text);
    expect(text).toContain(`≈ ${plain(dollars.text)}`);
    expect(text).toContain(`at the ${dollars.ratePeriod} average rate`);
    expect(card.links.map((l) => l.href)).toContain(dollars.rateSource);
  });

  it('"¥2.26tn" is read as yen for Amazon and shown in US dollars at the dataset’s rate', async () => {
    const card = await hover(page, '¥2.26tn');
    expect(card.label).toBe('¥2.26tn, Amazon');
    const dollars = await converted(2.26e12, 'JPY', 'USD', MULTI_DATE, locale);
    expect(plain(card.text)).toContain(`≈ ${plain(dollars.text)}`);
    expect(card.links.map((l) => l.href)).toContain(dollars.rateSource);
  });

  it('the figure near the bottom of the window opens its card above it, inside the window', async () => {
    const card = await hover(page, '$100bn', { place: 'bottom' });
    expect(card.label).toMatch(/^\$100bn, Amazon/);
    expect(card.rect.top).toBeGreaterThanOrEqual(0);
    expect(card.rect.bottom).toBeLessThanOrEqual(card.viewport.height);
    expect(card.rect.left).toBeGreaterThanOrEqual(0);
    expect(card.rect.right).toBeLessThanOrEqual(card.viewport.width);
  });
});

describe('Chromium: cards on the sample article', () => {
  it('"11%" opens Alibaba’s card with the quarter history of its cloud growth', async () => {
    await openPage(page, ARTICLE);
    const card = await hover(page, '11%');
    const alibaba = await readCompany('alibaba');
    const quarters = lastQuarters(alibaba, 'cloud_revenue_growth_pct');
    expect(card.label).toBe(`11%, ${alibaba.name}`);
    const text = plain(card.text);
    for (const q of quarters) expect(text).toContain(`${q.period} ${plain(shown(q, locale))}`);
    expect(card.links.map((l) => l.href)).toContain(quarters.at(-1)!.source.url);
  });

  it('the name "Alibaba Cloud" opens Alibaba’s company card', async () => {
    const card = await hover(page, 'Alibaba Cloud');
    expect(card.label).toBe('Alibaba');
    const alibaba = await readCompany('alibaba');
    const latest = lastYears(alibaba, 'capex').at(-1)!;
    expect(plain(card.text)).toContain(`Capex ${latest.period}: ${plain(shown(latest, locale))}`);
  });
});

describe('Chromium: hover intent, staying open, Escape and the keyboard', () => {
  it('waits for the hover-intent delay before opening a card (the default: 350 ms)', async () => {
    await openPage(page, MULTI);
    await page.mouse.move(2, 2);
    const point = await page.evaluate(placeText, { text: '$80bn' });
    await page.evaluate(startHoverTiming);
    await page.mouse.move(point!.x, point!.y);
    await page.waitForTimeout(150);
    expect(await page.evaluate(cardIsOpen)).toBe(false);
    await page.waitForFunction(cardIsOpen, null, { timeout: 5_000 });
    const t = await page.evaluate(hoverTiming);
    expect(t.opened! - t.moved).toBeGreaterThanOrEqual(340);
  });

  it('honours another delay set in the options page’s "Hover delay" field', async () => {
    await setOption(/Hover delay/, (field) => field.fill('1200').then(() => field.press('Tab')));
    await openPage(page, MULTI);
    await page.mouse.move(2, 2);
    const point = await page.evaluate(placeText, { text: '$80bn' });
    await page.evaluate(startHoverTiming);
    await page.mouse.move(point!.x, point!.y);
    await page.waitForTimeout(800);
    expect(await page.evaluate(cardIsOpen)).toBe(false);
    await page.waitForFunction(cardIsOpen, null, { timeout: 5_000 });
    const t = await page.evaluate(hoverTiming);
    expect(t.opened! - t.moved).toBeGreaterThanOrEqual(1190);
    // A pointer passing over a figure for less than the delay opens nothing.
    await page.mouse.move(2, 2);
    await page.waitForFunction(cardIsClosed, null, { timeout: 5_000 });
    const other = await page.evaluate(placeText, { text: '$64bn' });
    await page.mouse.move(other!.x, other!.y);
    await page.waitForTimeout(600);
    await page.mouse.move(2, 2);
    await page.waitForTimeout(900);
    expect(await page.evaluate(cardIsOpen)).toBe(false);
    await setOption(/Hover delay/, (field) => field.fill('350').then(() => field.press('Tab')));
    await openPage(page, MULTI);
  });

  it('stays open while the pointer moves from the figure onto the card and over its buttons, and closes after it leaves', async () => {
    const card = await hover(page, '$80bn');
    // Across the gap between the figure and the card, into the card, then over its buttons.
    await page.mouse.move(card.rect.left + 40, card.rect.top + 20, { steps: 8 });
    for (const label of ['Save note', 'Open summary', 'Copy', 'Close']) {
      const point = await page.evaluate(cardButtonPoint, label);
      expect(point, label).not.toBeNull();
      await page.mouse.move(point!.x, point!.y, { steps: 4 });
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(500);
    expect(await page.evaluate(cardIsOpen)).toBe(true);
    await page.mouse.move(2, 2, { steps: 4 });
    await page.waitForFunction(cardIsClosed, null, { timeout: 5_000 });
  });

  it('stays open while the reader types a note in it, even when the pointer leaves it over another figure', async () => {
    await hover(page, '$80bn');
    const save = await page.evaluate(cardButtonPoint, 'Save note');
    await page.mouse.click(save!.x, save!.y);
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA', null, { timeout: 5_000 });
    await page.keyboard.type('Check against FY2025 guidance');
    // On its way out the pointer rests on another figure for longer than the hover delay, then leaves.
    const other = await page.evaluate(placeText, { text: '$64bn' });
    await page.mouse.move(other!.x, other!.y, { steps: 4 });
    await page.waitForTimeout(700);
    await page.mouse.move(2, 2, { steps: 4 });
    await page.waitForTimeout(900);
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
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(cardIsOpen)).toBe(false);
    expect((await page.evaluate(focusState)).page).toBe('input#email');
  });

  it('the keyboard command (Alt+Shift+F) opens a card with focus in it; Tab reaches its links and buttons; Escape gives focus back', async () => {
    await page.mouse.move(2, 2);
    await page.focus('#read-full-screen');
    await page.keyboard.press('Alt+Shift+F');
    await page.waitForFunction(cardIsOpen, null, { timeout: 5_000 });
    const card = (await page.evaluate(cardProbe))!;
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
    // Every source link is on the way.
    expect(reached.length - 4).toBe(card.links.length);
    // Enter on "Save note" opens the form with the comment field focused.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect((await page.evaluate(focusState)).inCard).toBe('Save note');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(cardIsOpen)).toBe(false);
    expect((await page.evaluate(focusState)).page).toBe('button#read-full-screen');
  });
});

describe('Chromium: dark mode, zoom, fullscreen, currency', () => {
  it('is dark with readable text when the system is in dark mode, and light otherwise', async () => {
    const light = await hover(page, '$80bn');
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await hover(page, '$80bn');
    await page.emulateMedia({ colorScheme: 'light' });
    const lum = (c: string) => {
      const [r = 0, g = 0, b = 0] = (c.match(/[\d.]+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    expect(lum(light.styles.dialog!['background-color']!)).toBeGreaterThan(0.8);
    expect(lum(dark.styles.dialog!['background-color']!)).toBeLessThan(0.25);
    for (const card of [light, dark]) {
      for (const [part, ratio] of Object.entries(card.contrast)) expect(ratio, `${part} contrast`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('at 200% zoom (half the CSS pixels, twice the device pixels) the card fits the window and its text stays readable', async () => {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 450, deviceScaleFactor: 2, mobile: false });
    try {
      await openPage(page, MULTI);
      for (const [text, place] of [['$80bn', 'centre'], ['17%', 'bottom'], ['Oracle', 'top'], ['$42bn', 'bottom']] as const) {
        const card = await hover(page, text, { place });
        expect(card.viewport.width).toBeLessThanOrEqual(640);
        expect(card.rect.left, text).toBeGreaterThanOrEqual(0);
        expect(card.rect.top, text).toBeGreaterThanOrEqual(0);
        expect(card.rect.right, text).toBeLessThanOrEqual(card.viewport.width);
        expect(card.rect.bottom, text).toBeLessThanOrEqual(card.viewport.height);
        expect(parseFloat(card.styles.dialog!['font-size']!)).toBeGreaterThanOrEqual(13);
        // What does not fit scrolls inside the card rather than running off-screen.
        if (card.scroll.height > card.rect.height + 1) expect(card.styles.dialog!['overflow-y']).toBe('auto');
        expect(card.scroll.width).toBeLessThanOrEqual(Math.ceil(card.rect.width));
      }
    } finally {
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await cdp.detach();
    }
  });

  it('in the site’s fullscreen mode, the card opens inside the fullscreen element, on top; it goes back when fullscreen ends', async () => {
    await openPage(page, MULTI);
    await page.click('#read-full-screen');
    await page.waitForFunction(() => document.fullscreenElement?.tagName === 'ARTICLE');
    const card = await hover(page, '$80bn');
    expect(card.hostParent).toBe('article');
    expect(card.onTop.centre).toBe(true);
    expect(card.rect.top).toBeGreaterThanOrEqual(0);
    expect(card.rect.bottom).toBeLessThanOrEqual(card.viewport.height);
    await page.evaluate(() => document.exitFullscreen());
    await page.waitForFunction(() => !document.fullscreenElement);
    const after = await hover(page, '$80bn');
    expect(after.hostParent).toBe('html');
    expect(after.onTop.centre).toBe(true);
  });

  it('shows amounts in euros once the reader picks EUR as display currency in the options', async () => {
    await setOption(/Display currency/, (field) => field.selectOption('EUR').then(() => undefined));
    try {
      await openPage(page, MULTI);
      const card = await hover(page, '$80bn');
      const euros = await converted(80e9, 'USD', 'EUR', MULTI_DATE, locale);
      const text = plain(card.text);
      expect(text).toContain(`≈ ${plain(euros.text)}`);
      expect(text).toContain(`at the ${euros.ratePeriod} average rate`);
      expect(card.links.map((l) => l.href)).toContain(euros.rateSource);
      // Each capex year in euros too, at its own period's rate.
      const microsoft = await readCompany('microsoft');
      for (const year of lastYears(microsoft, 'capex')) {
        const inEuros = await converted(year.value, year.currency, 'EUR', year.periodEnd, locale);
        expect(text).toContain(`≈ ${plain(inEuros.text)}`);
      }
      const yen = await hover(page, '¥2.26tn');
      expect(plain(yen.text)).toContain(`≈ ${plain((await converted(2.26e12, 'JPY', 'EUR', MULTI_DATE, locale)).text)}`);
    } finally {
      await setOption(/Display currency/, (field) => field.selectOption('USD').then(() => undefined));
      await openPage(page, MULTI);
    }
  });
});

describe('Chromium: a reader whose browser speaks German', () => {
  it('writes the card’s numbers the German way', async () => {
    const cdp = await session.context.newCDPSession(page);
    // What Playwright's `locale` option does, for one page of a running browser.
    await cdp.send('Emulation.setLocaleOverride', { locale: 'de-DE' });
    await cdp.send('Emulation.setUserAgentOverride', { userAgent: await page.evaluate(() => navigator.userAgent), acceptLanguage: 'de-DE' });
    try {
      await openPage(page, MULTI);
      expect(await page.evaluate(() => navigator.language)).toBe('de-DE');
      const card = await hover(page, '$80bn');
      const microsoft = await readCompany('microsoft');
      const capex = lastYears(microsoft, 'capex');
      const text = plain(card.text);
      expect(text).toContain(plain(shown({ value: 80e9, currency: 'USD' }, 'de-DE'))); // "80 Mrd. $"
      for (const year of capex) expect(text).toContain(plain(shown(year, 'de-DE')));
      expect(text).not.toContain(plain(shown(capex.at(-1)!, 'en-US')));
      const growth = await hover(page, '17%');
      const quarters = lastQuarters(await readCompany('amazon'), 'cloud_revenue_growth_pct');
      for (const q of quarters) expect(plain(growth.text)).toContain(`${q.period} ${plain(shown(q, 'de-DE'))}`);
    } finally {
      await cdp.send('Emulation.setLocaleOverride', {});
      await cdp.send('Emulation.setUserAgentOverride', { userAgent: await page.evaluate(() => navigator.userAgent), acceptLanguage: locale });
      await cdp.detach();
      await openPage(page, MULTI);
    }
  });
});

describe('Chromium: a page whose CSS attacks the card', () => {
  it('cannot change the card’s look, size or place, nor hide it under its overlays', async () => {
    await openPage(page, MULTI);
    const plainCard = await hover(page, '$80bn');
    const plainShot = await page.screenshot({ clip: clipOf(plainCard) });
    await openPage(page, HOSTILE);
    const hostileCard = await hover(page, '$80bn');
    // The card runs over the page's z-index 2147483647 cookie banner, and is above it there.
    const overBanner = await page.evaluate(cardOverElement, '.cookie-banner');
    const hostileShot = await page.screenshot({ clip: clipOf(hostileCard) });

    expect(hostileCard.text).toBe(plainCard.text);
    expect(overBanner).toEqual({ overlaps: true, cardOnTop: true });
    // It looks the same, pixel for pixel: no filter, transform or colour from the page reaches it.
    const diff = await compareScreenshots(await session.context.newPage(), plainShot, hostileShot);
    expect(diff.sameSize).toBe(true);
    expect(diff.differentPixels / diff.pixels, `pixels that differ: ${diff.differentPixels} of ${diff.pixels}`).toBeLessThan(0.005);
    for (const part of Object.keys(plainCard.styles)) {
      if (part === 'host') continue;
      expect(hostileCard.styles[part], `computed style of ${part}`).toEqual(plainCard.styles[part]);
    }
    expect(hostileCard.rect.width).toBe(plainCard.rect.width);
    expect(hostileCard.scroll).toEqual(plainCard.scroll);
    expect(hostileCard.styles.host!.display).toBe('block');
    expect(hostileCard.styles.host!.visibility).toBe('visible');
    // The root's filter and the body's transform do not reach the card: it is in the top layer (or has no such ancestor).
    expect(hostileCard.topLayer || hostileCard.ancestorEffects.length === 0, hostileCard.ancestorEffects.join(', ')).toBe(true);
    // On top of the page's z-index 2147483647 header, banner and overlay, and inside the window.
    expect(hostileCard.onTop).toEqual({ centre: true, corners: true });
    expect(hostileCard.rect.left).toBeGreaterThanOrEqual(0);
    expect(hostileCard.rect.top).toBeGreaterThanOrEqual(0);
    expect(hostileCard.rect.right).toBeLessThanOrEqual(hostileCard.viewport.width);
    expect(hostileCard.rect.bottom).toBeLessThanOrEqual(hostileCard.viewport.height);
  });

  it('the hostile page’s card still opens on a percentage and from the keyboard, and Escape closes it', async () => {
    const card = await hover(page, '17%');
    expect(card.label).toBe('17%, Amazon');
    expect(card.onTop.centre).toBe(true);
    await page.mouse.move(2, 2);
    await page.waitForFunction(cardIsClosed, null, { timeout: 5_000 });
    await page.keyboard.press('Alt+Shift+F');
    await page.waitForFunction(cardIsOpen, null, { timeout: 5_000 });
    expect((await page.evaluate(focusState)).inCard).toBe('dialog');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(cardIsOpen)).toBe(false);
  });
});

describe('Chromium: axe-core', () => {
  it('finds no violations in money, percent and company cards, in light and dark mode', async () => {
    await openPage(page, MULTI);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const text of ['$80bn', '17%', 'Oracle', '€4.3bn']) {
        await hover(page, text);
        const findings = await axeViolations(page, CARD_CONTEXT);
        expect(findings, `${text} (${scheme}):\n${describeViolations(findings)}`).toEqual([]);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('finds no violations in the card’s save form', async () => {
    await hover(page, '$80bn');
    const save = await page.evaluate(cardButtonPoint, 'Save note');
    await page.mouse.click(save!.x, save!.y);
    await page.waitForFunction(() => document.querySelector('footnote-card')?.shadowRoot?.querySelector('form') != null);
    const findings = await axeViolations(page, CARD_CONTEXT);
    expect(findings, describeViolations(findings)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('finds no violations in the popup and the options page', async () => {
    const tabId = await session.worker.evaluate(async (host) => (await chrome.tabs.query({ url: `*://${host}/*` }))[0]?.id, NEWS_HOST);
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('list', { name: 'Companies on this page' }).waitFor({ timeout: 10_000 });
    const popupFindings = await axeViolations(popup);
    expect(popupFindings, `popup:\n${describeViolations(popupFindings)}`).toEqual([]);
    await popup.close();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByLabel(/Display currency/).waitFor();
    const optionsFindings = await axeViolations(options);
    expect(optionsFindings, `options:\n${describeViolations(optionsFindings)}`).toEqual([]);
    await options.close();
  });
});

/** The top of the card, inside its border (the part whose pixels depend on the card alone). */
function clipOf(card: CardProbe) {
  return { x: Math.ceil(card.rect.left) + 2, y: Math.ceil(card.rect.top) + 2, width: Math.floor(card.rect.width) - 4, height: Math.min(160, Math.floor(card.rect.height) - 4) };
}
