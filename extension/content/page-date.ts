/**
 * The article's date, from the page's own metadata, so that a figure is converted at the rates of its
 * time: `article:published_time`, JSON-LD `datePublished`, other common meta tags, then the first
 * `<time datetime>` in the article.
 */
const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
];

/** An ISO date (YYYY-MM-DD) from a date or date-time string, or null. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const direct = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (direct) return direct[1]!;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

function fromJsonLd(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const queue: unknown[] = [JSON.parse(script.textContent ?? '')];
      while (queue.length > 0) {
        const item = queue.shift();
        if (Array.isArray(item)) queue.push(...item);
        else if (item && typeof item === 'object') {
          const record = item as Record<string, unknown>;
          const date = toIsoDate(typeof record.datePublished === 'string' ? record.datePublished : null);
          if (date) return date;
          if (record['@graph']) queue.push(record['@graph']);
        }
      }
    } catch {
      // A broken JSON-LD block on the page is the page's business: look elsewhere.
    }
  }
  return null;
}

export function findArticleDate(doc: Document): string | null {
  for (const selector of META_SELECTORS) {
    const date = toIsoDate(doc.querySelector(selector)?.getAttribute('content'));
    if (date) return date;
  }
  return fromJsonLd(doc) ?? toIsoDate(doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime'));
}
