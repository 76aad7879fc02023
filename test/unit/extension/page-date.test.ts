// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findArticleDate, toIsoDate } from '../../../extension/content/page-date';

describe('the article’s date', () => {
  it('comes from article:published_time first', () => {
    document.head.innerHTML = '<meta property="article:published_time" content="2025-02-25T07:15:00Z">';
    document.body.innerHTML = '<time datetime="2024-01-01">old</time>';
    expect(findArticleDate(document)).toBe('2025-02-25');
  });

  it('then from JSON-LD datePublished, including inside @graph, and survives broken JSON-LD', () => {
    document.head.innerHTML =
      '<script type="application/ld+json">{ broken</script>' +
      '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-11-03T10:00:00+08:00"}]}</script>';
    document.body.innerHTML = '';
    expect(findArticleDate(document)).toBe('2024-11-03');
  });

  it('then from a <time datetime> element, and is null when the page says nothing', () => {
    document.head.innerHTML = '';
    document.body.innerHTML = '<article><time datetime="2023-07-09">9 July</time></article>';
    expect(findArticleDate(document)).toBe('2023-07-09');
    document.body.innerHTML = '<p>no date</p>';
    expect(findArticleDate(document)).toBeNull();
  });

  it('reads date-only and full date-time strings, and refuses nonsense', () => {
    expect(toIsoDate('2025-02-25')).toBe('2025-02-25');
    expect(toIsoDate('Tue, 25 Feb 2025 07:15:00 GMT')).toBe('2025-02-25');
    expect(toIsoDate('soon')).toBeNull();
  });
});
