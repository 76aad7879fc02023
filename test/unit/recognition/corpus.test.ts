import { describe, expect, it } from 'vitest';
import { formatScores, readCorpus, scoreCorpus } from './corpus-scorer';

/** The bar for the labelled corpus, per kind. */
const BAR = 0.97;

describe.each(['news-sentences.jsonl', 'news-sentences-heldout.jsonl'] as const)('labelled news corpus test/fixtures/corpus/%s', (file) => {
  const sentences = readCorpus(file);
  const scores = scoreCorpus(sentences);

  it('holds enough labelled sentences (150 in the main corpus, 40 held out)', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(file === 'news-sentences.jsonl' ? 150 : 40);
    console.info(`${file}: ${sentences.length} sentences\n${formatScores(scores)}`);
  });

  it('labels every figure with an attribution', () => {
    for (const s of sentences) {
      const figures = [...s.money.map((m) => m[0]), ...s.percents.map((p) => p[0])].sort();
      expect(s.attribution.map((a) => a[0]).sort(), s.id).toEqual(figures);
    }
  });

  it.each(['companies', 'money', 'percents', 'attribution'])('keeps precision and recall of %s at 0.97 or more', (kind) => {
    const s = scores.find((x) => x.kind === kind)!;
    expect(s.gold, `${kind}: nothing labelled`).toBeGreaterThan(0);
    expect(s.precision, s.errors.join('\n')).toBeGreaterThanOrEqual(BAR);
    expect(s.recall, s.errors.join('\n')).toBeGreaterThanOrEqual(BAR);
  });
});
