/** A card as plain lines: what "Copy" puts on the clipboard and what a saved note keeps as its context. */
import type { CardModel, SourceRef } from './card-model';

export interface CardLines {
  /** "US$53bn (Alibaba): ≈ $53B; about 1.5x FY2025 capex, per year". */
  summary: string;
  lines: string[];
  sources: Array<{ title: string; url: string }>;
}

export function cardAsLines(model: CardModel): CardLines {
  const lines: string[] = [];
  const sources = new Map<string, string>();
  const cite = (s: SourceRef) => {
    sources.set(s.url, s.title);
    return s.url;
  };
  const figure = model.figure;
  if (figure?.converted) lines.push(`${figure.converted}${figure.rateNote ? ` ${figure.rateNote}` : ''}${figure.rateSource ? ` (${cite(figure.rateSource)})` : ''}`);
  if (figure?.range) lines.push(figure.range);
  if (figure?.paired) lines.push(figure.paired);
  if (figure?.perYear) lines.push(figure.perYear);
  if (model.comparison) lines.push(model.comparison);
  if (!model.attribution.sure && figure) lines.push(model.company ? `Attribution to ${model.company.name} is not certain.` : 'No company could be attributed.');
  for (const f of model.keyFacts) lines.push(`${f.label}: ${f.value} (${cite(f.source)})`);
  for (const series of [model.history, model.series]) {
    if (!series) continue;
    lines.push(`${series.title}:`);
    for (const p of series.points) lines.push(`  ${p.period}: ${p.display}${p.converted ? ` (≈ ${p.converted})` : ''} (${cite(p.source)})`);
  }
  for (const c of [...model.commitments.slice(0, 3), ...model.rounds.slice(0, 3)]) lines.push(`${c.dateText}: ${c.text} (${cite(c.source)})`);
  if (model.empty) lines.push(model.empty);
  const head = model.company && model.kind !== 'company' ? `${model.heading} (${model.company.name})` : model.heading;
  const gist = [figure?.converted, model.comparison].filter(Boolean).join('; ');
  return { summary: gist ? `${head}: ${gist}` : head, lines, sources: [...sources].map(([url, title]) => ({ url, title })) };
}

/** The card as text for the clipboard, with where it was seen. */
export function cardAsText(model: CardModel, seenOn: string): string {
  const { summary, lines } = cardAsLines(model);
  return [summary, ...lines, `Seen on ${seenOn}`].join('\n');
}
