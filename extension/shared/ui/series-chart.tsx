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
  const max = Math.max(...series.points.map((p) => Math.abs(p.value)), Number.MIN_VALUE);
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
              <span class={`fill${p.value < 0 ? ' negative' : ''}`} style={{ width: `${Math.max(2, (Math.abs(p.value) / max) * 100).toFixed(1)}%` }} />
            </span>
            <span class="value">
              {p.display}
              {p.converted && !isPercent ? <span class="converted"> ≈ {p.converted}</span> : null}
            </span>
            <SourceLink source={p.source} />
          </li>
        ))}
      </ul>
      {series.points.at(-1)?.basis ? <p class="basis">{series.points.at(-1)?.basis}</p> : null}
    </section>
  );
}
