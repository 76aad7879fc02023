/** A sparkline of a percentage's recent history (the last eight quarters), with every value written out. */
import type { CardSeries } from '../../../src/context/card-model';
import { SourceLink } from './series-chart';

const WIDTH = 240;
const HEIGHT = 44;
const PAD = 5;

export function Sparkline({ series }: { series: CardSeries }) {
  const points = series.points;
  if (points.length === 0) return null;
  const values = points.map((p) => p.value);
  const min = Math.min(0, ...values);
  const max = Math.max(...values, min + 1);
  const x = (i: number) => PAD + (points.length === 1 ? (WIDTH - 2 * PAD) / 2 : (i * (WIDTH - 2 * PAD)) / (points.length - 1));
  const y = (v: number) => HEIGHT - PAD - ((v - min) / (max - min)) * (HEIGHT - 2 * PAD);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const last = points.at(-1)!;
  return (
    <section class="history" aria-label={series.title}>
      <h3 class="series-title">{series.title}</h3>
      <svg class="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={`${series.title}: ${points.map((p) => `${p.period} ${p.display}`).join(', ')}`}>
        {min < 0 ? <line x1={PAD} x2={WIDTH - PAD} y1={y(0)} y2={y(0)} class="zero" /> : null}
        <path d={path} class="line" />
        {points.map((p, i) => (
          <circle key={p.period} cx={x(i)} cy={y(p.value)} r={i === points.length - 1 ? 3 : 2} class="dot" />
        ))}
      </svg>
      <ol class="history-values">
        {points.map((p) => (
          <li key={p.period}>
            <span class="period">{p.period}</span> <strong>{p.display}</strong>
          </li>
        ))}
      </ol>
      <p class="basis">
        {last.basis} · latest: <SourceLink source={last.source} />
        {series.mixedBasis ? ' · the periods do not all count the same thing: see each source' : ''}
      </p>
    </section>
  );
}
