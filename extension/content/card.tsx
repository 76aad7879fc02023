/**
 * The context card: lays out a `CardModel` (src/context/card-model.ts). Every dataset number is shown with
 * its source; text from the page and the dataset is rendered as text, never as HTML.
 */
import type { CardModel } from '../../src/context/card-model';
import { SeriesChart, SourceLink } from '../shared/ui/series-chart';
import seriesCss from '../shared/ui/series-chart.css?inline';
import themeCss from '../shared/ui/theme.css?inline';

export interface CardActions {
  onClose(): void;
  onOpenSummary(companyId: string | null): void;
  onCopy(): void;
  onPickCompany(companyId: string): void;
  onSaveNote?(): void;
}

export function Card({ model, actions }: { model: CardModel; actions: CardActions }) {
  const company = model.company;
  return (
    <div class="card" role="dialog" aria-label={model.label} aria-modal="false" tabIndex={-1}>
      <header>
        <div class="titles">
          <p class="heading">{model.heading}</p>
          {company ? (
            <p class="company">
              {company.name}
              {company.tickers.length > 0 ? <span class="tickers"> · {company.tickers.join(', ')}</span> : null}
            </p>
          ) : null}
        </div>
        <button type="button" class="close" aria-label="Close" onClick={actions.onClose}>
          ×
        </button>
      </header>

      {model.figure ? (
        <section class="figure">
          {model.figure.converted ? (
            <p class="converted-line">
              <strong>{model.figure.converted}</strong>
              {model.figure.rateNote ? <span class="note"> {model.figure.rateNote}</span> : null}
            </p>
          ) : null}
          {model.figure.paired ? <p class="note">{model.figure.paired}</p> : null}
          {model.figure.perYear ? <p>{model.figure.perYear}</p> : null}
          {model.comparison ? <p class="comparison">{model.comparison}</p> : null}
        </section>
      ) : null}

      {!model.attribution.sure ? (
        <section class="unsure">
          <p>{company ? `Footnote is not sure this figure is ${company.name}'s.` : 'Footnote could not tell whose figure this is.'}</p>
          {model.candidates.length > 0 ? (
            <p class="pick">
              Show it for:{' '}
              {model.candidates.map((c) => (
                <button type="button" key={c.id} onClick={() => actions.onPickCompany(c.id)}>
                  {c.name}
                </button>
              ))}
            </p>
          ) : null}
        </section>
      ) : null}

      {model.kind === 'company' && company ? <p class="description">{company.description}</p> : null}

      {model.series ? <SeriesChart series={model.series} /> : null}

      {model.commitments.length > 0 ? (
        <section class="commitments" aria-label="Announced commitments">
          <h3>Announced</h3>
          <ul>
            {model.commitments.slice(0, 3).map((c) => (
              <li key={c.date + c.text}>
                {c.dateText}: {c.text} <SourceLink source={c.source} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {model.empty ? <p class="empty">{model.empty}</p> : null}

      <footer>
        {actions.onSaveNote ? (
          <button type="button" onClick={actions.onSaveNote}>
            Save note
          </button>
        ) : null}
        <button type="button" onClick={() => actions.onOpenSummary(company?.id ?? null)}>
          Open summary
        </button>
        <button type="button" onClick={actions.onCopy}>
          Copy
        </button>
      </footer>
    </div>
  );
}

export const CARD_STYLE = `${themeCss}
:host { all: initial; }
.card {
  box-sizing: border-box; width: min(380px, calc(100vw - 16px)); max-height: min(520px, calc(100vh - 16px)); overflow: auto;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fn-text); background: var(--fn-bg);
  border: 1px solid var(--fn-border); border-radius: 10px; box-shadow: 0 10px 30px rgba(0,0,0,.25); padding: 12px 14px;
  text-align: left; letter-spacing: normal; word-spacing: normal; text-transform: none; direction: ltr; white-space: normal;
}
.card:focus { outline: 2px solid var(--fn-focus); outline-offset: 2px; }
header { display: flex; justify-content: space-between; gap: 8px; align-items: flex-start; }
.heading { font-size: 18px; font-weight: 700; margin: 0; }
.company { margin: 2px 0 0; font-weight: 600; }
.tickers, .note { color: var(--fn-muted); font-weight: 400; }
.note { font-size: 12px; }
p { margin: 6px 0; }
h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--fn-muted); margin: 10px 0 4px; }
.comparison { font-weight: 600; }
ul { list-style: none; margin: 0; padding: 0; }
.commitments li { margin: 3px 0; }
a { color: var(--fn-link); }
button {
  font: inherit; color: var(--fn-text); background: var(--fn-bg-soft); border: 1px solid var(--fn-border); border-radius: 6px;
  padding: 4px 10px; cursor: pointer;
}
button:hover { filter: brightness(0.95); }
button:focus-visible { outline: 2px solid var(--fn-focus); outline-offset: 1px; }
.close { background: transparent; border: none; font-size: 18px; line-height: 1; padding: 2px 6px; }
footer { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 10px; }
.unsure { background: var(--fn-warn-bg); border-radius: 6px; padding: 4px 8px; }
.unsure button { margin: 2px 4px 2px 0; }
.empty { color: var(--fn-muted); font-style: italic; }
${seriesCss}
`;
