/** A small bar chart of a company's annual series, each bar with its value and its source. */
import type { CardSeries, SourceRef } from '../../../src/context/card-model';

export function SourceLink({ source }: { source: SourceRef }) {
  return (
    <a class="source" href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
      {source.publisher ? `${source.publisher}, ` : ''}
      {source.published}
    </a>
  );
}

export function SeriesChart({ series, headingLevel = 3 }: { series: CardSeries; headingLevel?: 2 | 3 }) {
  if (series.points.length === 0) return null;
  // Bars compare the points on one scale: in one currency, each year at the rate of its period when the currencies differ.
  const max = Math.max(...series.points.map((p) => Math.abs(p.scale ?? 0)), Number.MIN_VALUE);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const isPercent = series.points[0]?.currency === 'pct';
  return (
    <section class="series" aria-label={series.title}>
      <Heading class="series-title">{series.title}</Heading>
      <ul class="bars">
        {series.points.map((p) => (
          <li key={p.period}>
            <span class="period">{p.period}</span>
            <span class="bar" aria-hidden="true">
              {p.scale === null ? null : (
                <span class={`fill${p.scale < 0 ? ' negative' : ''}`} style={{ width: `${Math.max(2, (Math.abs(p.scale) / max) * 100).toFixed(1)}%` }} />
              )}
            </span>
            <span class="value">
              {p.display}
              {p.converted && !isPercent ? <span class="converted"> ≈ {p.converted}</span> : null}
            </span>
            <SourceLink source={p.source} />
          </li>
        ))}
      </ul>
      {series.points.at(-1)?.basis ? (
        <p class="basis">
          {series.points.at(-1)?.basis}
          {series.mixedBasis ? ' · the years do not all count the same thing: see each source' : ''}
        </p>
      ) : null}
      {series.scaleCurrency ? <p class="basis">The years are reported in different currencies; the bars compare them in {series.scaleCurrency}, each at the average rate of the period's end (its month, else its year).</p> : null}
    </section>
  );
}

/** Key figures of a company, each with its source. */
export function KeyFacts({ facts }: { facts: Array<{ label: string; value: string; source: SourceRef }> }) {
  if (facts.length === 0) return null;
  return (
    <ul class="key-facts" aria-label="Key figures">
      {facts.map((f) => (
        <li key={f.label}>
          <span class="label">{f.label}:</span> <strong>{f.value}</strong> <SourceLink source={f.source} />
        </li>
      ))}
    </ul>
  );
}

/** Dated items (commitments, funding rounds), each with its source. */
export function DatedList({ title, items, limit }: { title: string; items: Array<{ dateText: string; text: string; source: SourceRef }>; limit?: number }) {
  if (items.length === 0) return null;
  return (
    <section class="dated" aria-label={title}>
      <h3 class="series-title">{title}</h3>
      <ul class="plain">
        {items.slice(0, limit ?? items.length).map((c) => (
          <li key={c.dateText + c.text}>
            {c.dateText}: {c.text} <SourceLink source={c.source} />
          </li>
        ))}
      </ul>
    </section>
  );
}
