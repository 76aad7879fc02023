/**
 * The word and token classes of Latin-1 and general-punctuation characters are answered by hand-written ranges
 * (so that a page with curly quotes does not compile a Unicode-property pattern first thing): they must agree with
 * the patterns they stand for, character by character.
 */
import { describe, expect, it } from 'vitest';
import { foldText, isWordChar } from '../../../src/companies/fold';
import { CLASSES, classify } from '../../../src/figures/tokens';
import { isLetterOrDot, opensSentence } from '../../../src/companies/sentences';

const RANGES: Array<[number, number]> = [
  [0x80, 0xff],
  [0x2000, 0x206f],
  // Symbol blocks answered by hand (isSymbolOnly), with their neighbours on both sides.
  [0x2070, 0x2100],
  [0x2180, 0x2400],
  [0x24f0, 0x2710],
];

describe('character classes without Unicode-property patterns', () => {
  it('isWordChar agrees with /[\\p{L}\\p{N}\\p{M}]/u on Latin-1 and general punctuation', () => {
    const differ: string[] = [];
    for (const [from, to] of RANGES) {
      for (let c = from; c <= to; c++) {
        if (isWordChar(c) !== /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(c))) differ.push(c.toString(16));
      }
    }
    expect(differ).toEqual([]);
    expect(isWordChar(0xe9)).toBe(true); // é
    expect(isWordChar(0x2019)).toBe(false); // ’
    expect(isWordChar(0x25b2)).toBe(false); // ▲
    expect(isWordChar(0x20d0)).toBe(true); // a combining mark, just past the currency signs
  });

  it('the tokenizer classes agree with /\\s/u and /[\\p{L}\\p{M}]/u there', () => {
    const differ: string[] = [];
    for (const [from, to] of RANGES) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        const expected = /\s/u.test(ch) ? CLASSES.space : /[\p{L}\p{M}]/u.test(ch) ? CLASSES.letter : CLASSES.other;
        if (classify(c) !== expected) differ.push(c.toString(16));
      }
    }
    expect(differ).toEqual([]);
    expect(classify(0x202f)).toBe(CLASSES.space); // narrow no-break space
    expect(classify(0x2014)).toBe(CLASSES.other); // —
  });

  it('foldText lower-cases and folds typographic apostrophes and no-break spaces, keeping every offset', () => {
    const cases = ['Alibaba', 'Macy\u2019s', 'O\u02bcReilly\u00a0Media', 'A\u2007B\u202fC\u2009D', 'Ça\u2019va', 'İstanbul', ''];
    for (const text of cases) {
      const expected = text.toLowerCase().length === text.length ? text.toLowerCase() : text;
      const reference = (text.toLowerCase().length === text.length ? expected : [...text].map((ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join(''))
        .replace(/[\u2019\u02bc]/g, "'")
        .replace(/[\u00a0\u2007\u202f\u2009]/g, ' ');
      expect(foldText(text), text).toBe(reference);
      expect(foldText(text)).toHaveLength(text.length);
    }
    expect(foldText('Macy\u2019s\u00a0Inc')).toBe("macy's inc");
  });
});

describe('sentence-end classes without Unicode-property patterns', () => {
  it('opensSentence and isLetterOrDot agree with their patterns on ASCII, where they answer by hand', () => {
    const differ: string[] = [];
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      if (opensSentence(ch, 0) !== /[\p{Lu}\d"'“‘([$€£¥₹]/u.test(ch)) differ.push(`opens ${c}`);
      if (isLetterOrDot(ch, 0) !== /[\p{L}.]/u.test(ch)) differ.push(`letter ${c}`);
    }
    expect(differ).toEqual([]);
    expect(opensSentence('É', 0)).toBe(true);
    expect(opensSentence('€', 0)).toBe(true);
    expect(isLetterOrDot('é', 0)).toBe(true);
  });
});
