import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorQuote, describeQuote } from '../../../src/notes/anchoring';

/** The article's paragraphs as the content script would read them: text only, one paragraph per line. */
function articleText(): string {
  const html = readFileSync(resolve(process.cwd(), '../shared/fixtures/pages/alibaba-bets-53bn.html'), 'utf8');
  const paragraphs = [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&nbsp;/g, '\u00a0').replace(/\s+/g, ' ').trim(),
  );
  return paragraphs.join('\n');
}

const QUOTE = 'RMB 380 billion (US$53bn)';

function saved(text: string, exact: string) {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`fixture no longer contains ${exact}`);
  const described = describeQuote(text, start, start + exact.length);
  return { quote: { exact: described.exact, prefix: described.prefix, suffix: described.suffix }, position: described.position };
}

describe('describing a quote', () => {
  it('keeps the exact words, up to 32 characters either side, and the position', () => {
    const text = articleText();
    const start = text.indexOf(QUOTE);
    const described = describeQuote(text, start, start + QUOTE.length);
    expect(described.exact).toBe(QUOTE);
    expect(described.prefix).toBe(text.slice(start - 32, start));
    expect(described.prefix.endsWith('Alibaba will invest ')).toBe(true);
    expect(described.suffix).toBe(text.slice(start + QUOTE.length, start + QUOTE.length + 32));
    expect(described.position).toEqual({ start, end: start + QUOTE.length }); // all BMP text before it
  });

  it('counts the position in code points when an emoji comes before the quote', () => {
    const text = '🚀 Big news: Alibaba will invest RMB 380 billion (US$53bn) in cloud';
    const start = text.indexOf(QUOTE); // UTF-16: the rocket is two units
    const described = describeQuote(text, start, start + QUOTE.length);
    expect(described.position).toEqual({ start: start - 1, end: start - 1 + QUOTE.length });
    expect([...text].slice(described.position.start, described.position.end).join('')).toBe(QUOTE);
  });

  it('never cuts an emoji in half, in the quote or in its context', () => {
    // 32 units back from the quote, and 32 on from its end, land between the two halves of a rocket.
    const text = `🚀${'x'.repeat(31)}${QUOTE}${'y'.repeat(31)}🚀`;
    const start = text.indexOf(QUOTE);
    const described = describeQuote(text, start, start + QUOTE.length);
    expect(described.prefix).toBe('x'.repeat(31));
    expect(described.suffix).toBe('y'.repeat(31));
    const halfEmoji = describeQuote('a🚀b', 2, 4); // starts between the two halves
    expect(halfEmoji.exact).toBe('🚀b');
  });

  it('refuses an empty or out-of-range quote', () => {
    expect(() => describeQuote('abc', 2, 2)).toThrow(RangeError);
    expect(() => describeQuote('abc', 1, 9)).toThrow(RangeError);
  });
});

describe('finding a quote again', () => {
  const text = articleText();
  const selector = saved(text, QUOTE);

  it('finds it where it was on an unchanged page', () => {
    const start = text.indexOf(QUOTE);
    expect(anchorQuote(text, selector)).toEqual({ start, end: start + QUOTE.length });
  });

  it('finds it after text was inserted before it', () => {
    const changed = `Update, 26 Feb: this story now includes comments from analysts.\n${text}`;
    const found = anchorQuote(changed, selector);
    expect(found).not.toBeNull();
    expect(changed.slice(found!.start, found!.end)).toBe(QUOTE);
    expect(found!.start).toBe(changed.indexOf(QUOTE));
  });

  it('finds it after a word inside it changed', () => {
    const changed = text.replace(QUOTE, 'RMB 380 bn (US$53bn)');
    const found = anchorQuote(changed, selector);
    expect(found).not.toBeNull();
    expect(changed.slice(found!.start, found!.end)).toBe('RMB 380 bn (US$53bn)');
  });

  it('finds a longer sentence after a word in it changed and text moved it', () => {
    const sentence = 'This investment surpasses Alibaba’s total spending on cloud and AI in the past decade';
    const longSelector = saved(text, sentence);
    const changed = `A new first paragraph.\n${text.replace('total spending', 'overall spending')}`;
    const found = anchorQuote(changed, longSelector);
    expect(found).not.toBeNull();
    expect(changed.slice(found!.start, found!.end)).toBe(sentence.replace('total', 'overall'));
  });

  it('reports the quote as gone (detached) when it was removed', () => {
    const changed = text.replace(/Alibaba will invest[^.]*\./, 'Alibaba announced a plan.');
    expect(changed).not.toContain('380');
    expect(anchorQuote(changed, selector)).toBeNull();
  });

  it('picks the occurrence whose surrounding words match, not merely the nearest one', () => {
    const page = 'Cloud revenue grew 11% in the quarter. Later: the AI unit grew 11% again, analysts said.';
    const first = page.indexOf('11%');
    const second = page.indexOf('11%', first + 1);
    const remembered = saved(page, 'the AI unit grew 11%');
    const target = { quote: { ...remembered.quote }, position: remembered.position };
    // Remember only "11%" with the second occurrence's context, and a position hint pointing at the first.
    target.quote = { exact: '11%', prefix: page.slice(second - 20, second), suffix: page.slice(second + 3, second + 20) };
    target.position = { start: first, end: first + 3 };
    const moved = `Note: figures revised. ${page}`;
    expect(anchorQuote(moved, target)).toEqual({ start: second + 23, end: second + 26 });
  });

  it('uses the position to choose between identical occurrences with identical context', () => {
    const page = 'capex rose. capex rose. capex rose.';
    const third = page.lastIndexOf('capex');
    const target = { quote: { exact: 'capex', prefix: '', suffix: '' }, position: { start: third + 1, end: third + 6 } };
    expect(anchorQuote(page, target)).toEqual({ start: third, end: third + 5 });
  });

  it('finds a quote after an emoji by its code point position', () => {
    const page = '🚀🚀 Capex 11% and revenue 11% higher';
    const second = page.lastIndexOf('11%');
    const target = { quote: { exact: '11%', prefix: '', suffix: '' }, position: { start: second - 2, end: second + 1 } };
    expect(anchorQuote(page, target)).toEqual({ start: second, end: second + 3 });
  });

  it('finds a quote in a 2 MB page after a small edit', () => {
    const filler = 'Cloud providers keep spending on data centres while analysts debate returns. ';
    const big = filler.repeat(Math.ceil(2_000_000 / filler.length));
    const page = `${big.slice(0, 1_000_000)}${text}${big.slice(1_000_000)}`;
    const quoteAt = page.indexOf(QUOTE);
    const remembered = describeQuote(page, quoteAt, quoteAt + QUOTE.length);
    const edited = page.replace(QUOTE, 'RMB 390 billion (US$53bn)');
    const found = anchorQuote(edited, { quote: remembered, position: remembered.position });
    expect(found).toEqual({ start: quoteAt, end: quoteAt + QUOTE.length });
  });

  it('can leave the whole-text search of an edited quote for later, finding it only near where it was', () => {
    const edited = text.replace(QUOTE, 'RMB 380 bn (US$53bn)');
    const farAway = `${'Filler text that pushes everything down the page. '.repeat(400)}${edited}`;
    expect(anchorQuote(edited, selector, { wholeText: false })).not.toBeNull();
    expect(anchorQuote(farAway, selector, { wholeText: false })).toBeNull();
    const found = anchorQuote(farAway, selector);
    expect(found && farAway.slice(found.start, found.end)).toBe('RMB 380 bn (US$53bn)');
  });

  it('works from the quote alone when a note has no position', () => {
    const found = anchorQuote(text, { quote: selector.quote });
    expect(found?.start).toBe(text.indexOf(QUOTE));
  });
});
