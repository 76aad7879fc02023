/**
 * Generates the benchmark's long page: about 2 MB of news text (characters of text, not of markup) in the markup
 * real news sites use: paragraphs with nested inline elements (links, bold inside italics, spans), lists, tables
 * of figures, headings, block quotes and figure captions. Deterministic: the same page every run.
 *
 * Sentences come from the labelled news corpus (those with figures) and from prose (the corpus's sentences
 * without figures and the sample article's), mixed so that about 30% of sentences carry figures: an ordinary
 * business-news density.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface NewsSentences {
  withFigures: string[];
  prose: string[];
}

export function loadNewsSentences(root: string): NewsSentences {
  const rows = readFileSync(path.join(root, 'test/fixtures/corpus/news-sentences.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { text: string; money: unknown[]; percents: unknown[] });
  const article = readFileSync(path.join(root, '../shared/fixtures/pages/alibaba-bets-53bn.html'), 'utf8');
  const articleProse = [...article.matchAll(/<(?:p|li)[^>]*>([^<]+)<\/(?:p|li)>/g)]
    .map((m) => decodeEntities(m[1]!))
    .flatMap((p) => p.split(/(?<=[.!?])\s+/))
    .filter((s) => s.length > 40 && !/\d/.test(s));
  return {
    withFigures: rows.filter((r) => r.money.length + r.percents.length > 0).map((r) => r.text),
    prose: [...rows.filter((r) => r.money.length + r.percents.length === 0).map((r) => r.text), ...articleProse],
  };
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&nbsp;/g, '\u00a0').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** xorshift32: a small deterministic generator, so that every run reads the same page. */
export function seededRandom(seed = 0x9e3779b9): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/**
 * Wraps some words of a sentence in inline markup, as CMSs do (links, emphasis, bold inside italics), splitting
 * the text into several text nodes without changing it.
 */
function inlineMarkup(sentence: string, rand: () => number): string {
  const words = sentence.split(' ');
  if (words.length < 6 || rand() < 0.5) return escapeHtml(sentence);
  const at = 1 + Math.floor(rand() * (words.length - 4));
  const len = 1 + Math.floor(rand() * 3);
  const before = escapeHtml(words.slice(0, at).join(' '));
  const inner = escapeHtml(words.slice(at, at + len).join(' '));
  const after = escapeHtml(words.slice(at + len).join(' '));
  const kind = rand();
  const wrapped =
    kind < 0.4
      ? `<a href="#n${Math.floor(rand() * 1000)}">${inner}</a>`
      : kind < 0.65
        ? `<strong>${inner}</strong>`
        : kind < 0.85
          ? `<em>${inner.replace(/^(\S+)/, '<b>$1</b>')}</em>`
          : `<span class="kw">${inner}</span>`;
  return `${before} ${wrapped} ${after}`;
}

export interface NewsPage {
  html: string;
  /** Characters of text the page holds (text content, not markup). */
  textChars: number;
  blocks: number;
}

/** A news page of about `textChars` characters of text in varied markup. */
export function newsPage(sentences: NewsSentences, textChars: number, options: { title?: string; seed?: number } = {}): NewsPage {
  const rand = seededRandom(options.seed);
  const pick = (pool: readonly string[]) => pool[Math.floor(rand() * pool.length)]!;
  const sentence = () => (rand() < 0.3 ? pick(sentences.withFigures) : pick(sentences.prose));
  const parts: string[] = [];
  let chars = 0;
  let blocks = 0;
  let section = 0;
  const push = (html: string, text: number) => {
    parts.push(html);
    chars += text;
    blocks++;
  };
  while (chars < textChars) {
    if (blocks % 40 === 0) {
      section++;
      const heading = `Section ${section}: ${pick(sentences.prose).split(' ').slice(0, 6).join(' ')}`;
      if (section > 1) parts.push('</section>');
      parts.push('<section>');
      push(`<h2>${escapeHtml(heading)}</h2>`, heading.length);
    }
    const kind = rand();
    if (kind < 0.62) {
      const n = 3 + Math.floor(rand() * 4);
      const list = Array.from({ length: n }, sentence);
      push(`<p>${list.map((s) => inlineMarkup(s, rand)).join(' ')}</p>`, list.join(' ').length);
    } else if (kind < 0.75) {
      const list = Array.from({ length: 3 + Math.floor(rand() * 3) }, sentence);
      push(`<ul>${list.map((s) => `<li>${inlineMarkup(s, rand)}</li>`).join('')}</ul>`, list.join('').length);
    } else if (kind < 0.85) {
      // A table of figures: short cells, as in results tables.
      const rows = 3 + Math.floor(rand() * 4);
      let text = 0;
      const body: string[] = [];
      for (let r = 0; r < rows; r++) {
        const source = pick(sentences.withFigures);
        const figure = /(?:US)?\$\s?[\d.,]+\s?(?:bn|billion|million|m|trillion)?|[\d.]+%/.exec(source)?.[0] ?? '12%';
        const label = source.split(' ').slice(0, 4).join(' ');
        const year = String(2019 + Math.floor(rand() * 7));
        body.push(`<tr><th scope="row">${escapeHtml(label)}</th><td>${year}</td><td>${escapeHtml(figure)}</td></tr>`);
        text += label.length + year.length + figure.length;
      }
      push(`<table><thead><tr><th>Item</th><th>Year</th><th>Figure</th></tr></thead><tbody>${body.join('')}</tbody></table>`, text + 16);
    } else if (kind < 0.93) {
      const quote = `${sentence()} ${sentence()}`;
      push(`<blockquote><p>“${inlineMarkup(quote, rand)}”</p></blockquote>`, quote.length + 2);
    } else {
      const caption = sentence();
      push(`<figure><div class="img"></div><figcaption>${escapeHtml(caption)}</figcaption></figure>`, caption.length);
    }
  }
  parts.push('</section>');
  const title = options.title ?? 'Cloud and AI: the long read';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font-family: Georgia, serif; margin: 0 auto; max-width: 44rem; padding: 1rem 2rem; color: #222; line-height: 1.55; }
  table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid #ccc; padding: .2rem .5rem; }
  figure .img { height: 6rem; background: #8da9c4; } figcaption { font-size: .8rem; color: #666; }
  blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1rem; }
</style>
</head>
<body>
<article>
<h1>${escapeHtml(title)}</h1>
${parts.join('\n')}
</article>
</body>
</html>
`;
  return { html, textChars: chars, blocks };
}

export interface FeedOptions {
  /** Paragraphs on the page when it loads. */
  initial: number;
  /** Batches the feed appends, one each time the reader nears the bottom. */
  batches: number;
  perBatch: number;
  seed?: number;
}

/**
 * An infinite-scroll feed: a short page that appends a batch of paragraphs (each batch with figures) whenever the
 * reader scrolls near its end, as news sites' "more stories" feeds do. It records when it appended each batch
 * (`window.__feedAppends`, in performance.now() time) and sets `window.__feedDone` after the last.
 */
export function feedPage(sentences: NewsSentences, options: FeedOptions): { html: string; stories: string[] } {
  const rand = seededRandom(options.seed ?? 0x2545f491);
  const pick = (pool: readonly string[]) => pool[Math.floor(rand() * pool.length)]!;
  const paragraph = (withFigure: boolean) => {
    const n = 3 + Math.floor(rand() * 3);
    const list = Array.from({ length: n }, (_, i) => (withFigure && i === 0 ? pick(sentences.withFigures) : rand() < 0.3 ? pick(sentences.withFigures) : pick(sentences.prose)));
    return `<p>${list.map((s) => inlineMarkup(s, rand)).join(' ')}</p>`;
  };
  const story = (count: number) => {
    const headline = pick(sentences.prose).split(' ').slice(0, 8).join(' ');
    return `<article class="story"><h2>${escapeHtml(headline)}</h2>${Array.from({ length: count }, (_, i) => paragraph(i === 0)).join('')}</article>`;
  };
  const first = Array.from({ length: Math.ceil(options.initial / options.perBatch) }, () => story(options.perBatch));
  const initial = first.join('\n');
  const batches = Array.from({ length: options.batches }, () => story(options.perBatch));
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Latest in cloud and AI</title>
<style>
  body { font-family: Georgia, serif; margin: 0 auto; max-width: 44rem; padding: 1rem 2rem; color: #222; line-height: 1.55; }
  .story { border-bottom: 1px solid #ddd; padding-bottom: 1rem; }
</style>
</head>
<body>
<h1>Latest in cloud and AI</h1>
<main id="feed">
${initial}
</main>
<p id="loading">Loading more stories…</p>
<script>
  const batches = ${JSON.stringify(batches).replace(/</g, '\\u003c')};
  window.__feedAppends = [];
  window.__feedDone = false;
  const feed = document.getElementById('feed');
  let next = 0;
  let pending = false;
  function appendBatch() {
    pending = false;
    if (next >= batches.length) return;
    const holder = document.createElement('div');
    holder.innerHTML = batches[next++];
    feed.append(...holder.childNodes);
    window.__feedAppends.push(performance.now());
    if (next >= batches.length) {
      window.__feedDone = true;
      document.getElementById('loading').remove();
    }
  }
  addEventListener('scroll', () => {
    if (pending || window.__feedDone) return;
    if (scrollY + innerHeight > document.documentElement.scrollHeight - 2 * innerHeight) {
      pending = true;
      // As feeds do: the next stories arrive a moment after the reader nears the end.
      setTimeout(appendBatch, 30);
    }
  }, { passive: true });
</script>
</body>
</html>
`;
  return { html, stories: [...first, ...batches] };
}
