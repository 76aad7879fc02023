/**
 * The context card: lays out a `CardModel` (src/context/card-model.ts). Every dataset number is shown with
 * its source; text from the page and the dataset is rendered as text, never as HTML.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardModel } from '../../src/context/card-model';
import { DatedList, KeyFacts, SeriesChart, SourceLink } from '../shared/ui/series-chart';
import { Sparkline } from '../shared/ui/sparkline';
import seriesCss from '../shared/ui/series-chart.css?inline';
import themeCss from '../shared/ui/theme.css?inline';

export interface CardActions {
  onClose(): void;
  onOpenSummary(companyId: string | null): void;
  onCopy(): void;
  onPickCompany(companyId: string): void;
  onSaveNote?(comment: string, tags: string[]): Promise<void>;
}

type SaveState = { step: 'form' } | { step: 'saving' } | { step: 'saved' } | { step: 'error'; message: string };

/** "Save note": a comment and tags, then saved; or saved at once from the keyboard command. */
function SaveNote({ onSave, onCancel, saveRequest }: { onSave: (comment: string, tags: string[]) => Promise<void>; onCancel(): void; saveRequest: number }) {
  const [state, setState] = useState<SaveState>(saveRequest > 0 ? { step: 'saving' } : { step: 'form' });
  const [comment, setComment] = useState('');
  const [tags, setTags] = useState('');
  const commentRef = useRef<HTMLTextAreaElement>(null);

  const save = async (withComment: string, withTags: string) => {
    setState({ step: 'saving' });
    try {
      await onSave(withComment.trim(), withTags.split(',').map((t) => t.trim()).filter(Boolean));
      setState({ step: 'saved' });
    } catch (error) {
      setState({ step: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  useEffect(() => {
    if (saveRequest > 0) void save(comment, tags);
  }, [saveRequest]);
  useEffect(() => {
    if (state.step === 'form') commentRef.current?.focus();
  }, [state.step]);

  if (state.step === 'saved') {
    return (
      <p class="saved" role="status">
        Saved as a note. Find it in Footnote’s popup.
      </p>
    );
  }
  if (state.step === 'form' || state.step === 'saving' || state.step === 'error') {
    return (
      <form
        class="save-form"
        onSubmit={(e) => {
          e.preventDefault();
          // Read the fields themselves: a click can come before the last keystroke's re-render.
          const data = new FormData(e.currentTarget as HTMLFormElement);
          void save(String(data.get('comment') ?? comment), String(data.get('tags') ?? tags));
        }}
      >
        <label>
          <span>Comment</span>
          <textarea ref={commentRef} name="comment" rows={2} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
        </label>
        <label>
          <span>Tags (comma-separated)</span>
          <input type="text" name="tags" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
        </label>
        {state.step === 'error' ? (
          <p class="error" role="alert">
            {state.message}
          </p>
        ) : null}
        <div class="row">
          <button type="submit" disabled={state.step === 'saving'}>
            {state.step === 'saving' ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return null;
}


export function Card({ model, actions, saveRequest = 0 }: { model: CardModel; actions: CardActions; saveRequest?: number }) {
  const company = model.company;
  const figure = model.figure;
  const [saveOpen, setSaveOpen] = useState(false);
  return (
    <div class="card fn-theme" role="dialog" aria-label={model.label} aria-modal="false" tabIndex={-1}>
      {/* Not <header>/<footer>: inside a dialog those would be page-level banner and contentinfo landmarks. */}
      <div class="top">
        <div class="titles">
          <p class="heading">{model.heading}</p>
          {company ? (
            <p class="company">
              {company.name}
              {company.tickers.length > 0 ? <span class="tickers"> · {company.tickers.join(', ')}</span> : null}
            </p>
          ) : null}
          {model.attribution.metricLabel && figure && model.attribution.sure ? (
            <p class="note">Read as: {model.attribution.metricLabel.toLowerCase()}</p>
          ) : null}
        </div>
        <button type="button" class="close" aria-label="Close" onClick={actions.onClose}>
          ×
        </button>
      </div>

      {figure ? (
        <section class="figure">
          {figure.converted ? (
            <p class="converted-line">
              <strong>{figure.converted}</strong>
              {figure.rateNote ? <span class="note"> {figure.rateNote}</span> : null}
              {figure.rateSource ? (
                <span class="note">
                  {' '}
                  (<SourceLink source={figure.rateSource} />)
                </span>
              ) : null}
            </p>
          ) : null}
          {figure.range ? <p class="note">{figure.range}</p> : null}
          {figure.paired ? <p class="note">{figure.paired}</p> : null}
          {figure.perYear ? <p>{figure.perYear}</p> : null}
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
      <KeyFacts facts={model.keyFacts} />
      {model.history ? <Sparkline series={model.history} /> : null}
      {model.series ? <SeriesChart series={model.series} /> : null}
      <DatedList title="Announced" items={model.commitments} limit={model.kind === 'company' ? 1 : 3} />
      <DatedList title="Funding and valuation" items={model.rounds} limit={3} />

      {model.empty ? <p class="empty">{model.empty}</p> : null}

      {actions.onSaveNote && (saveOpen || saveRequest > 0) ? <SaveNote onSave={actions.onSaveNote} onCancel={() => setSaveOpen(false)} saveRequest={saveRequest} /> : null}

      <div class="actions">
        {actions.onSaveNote && !saveOpen && saveRequest === 0 ? (
          <button type="button" onClick={() => setSaveOpen(true)}>
            Save note
          </button>
        ) : null}
        <button type="button" onClick={() => actions.onOpenSummary(company?.id ?? null)}>
          Open summary
        </button>
        <button type="button" onClick={actions.onCopy}>
          Copy
        </button>
      </div>
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
.top { display: flex; justify-content: space-between; gap: 8px; align-items: flex-start; }
.heading { font-size: 18px; font-weight: 700; margin: 0; }
.company { margin: 2px 0 0; font-weight: 600; }
.tickers, .note { color: var(--fn-muted); font-weight: 400; }
.note { font-size: 12px; }
p { margin: 6px 0; }
h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--fn-muted); margin: 10px 0 4px; }
.comparison { font-weight: 600; }
ul { list-style: none; margin: 0; padding: 0; }
a { color: var(--fn-link); }
button {
  font: inherit; color: var(--fn-text); background: var(--fn-bg-soft); border: 1px solid var(--fn-border); border-radius: 6px;
  padding: 4px 10px; cursor: pointer;
}
button:hover { filter: brightness(0.95); }
button:focus-visible { outline: 2px solid var(--fn-focus); outline-offset: 1px; }
.close { background: transparent; border: none; font-size: 18px; line-height: 1; padding: 2px 6px; }
/* The actions stay in sight at the bottom of a card that scrolls (a tall card in a short window). */
.actions {
  display: flex; gap: 6px; flex-wrap: wrap; margin: 10px -14px -12px; padding: 8px 14px 12px;
  position: sticky; bottom: -12px; background: var(--fn-bg); border-top: 1px solid var(--fn-bg-soft);
}
.unsure { background: var(--fn-warn-bg); border-radius: 6px; padding: 4px 8px; }
.unsure button { margin: 2px 4px 2px 0; }
.empty { color: var(--fn-muted); font-style: italic; }
.save-form { display: flex; flex-direction: column; gap: 6px; margin-top: 8px; }
.save-form label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--fn-muted); }
.save-form textarea, .save-form input { font: inherit; font-size: 13px; color: var(--fn-text); background: var(--fn-bg); border: 1px solid var(--fn-border); border-radius: 6px; padding: 4px 6px; }
.save-form .row { display: flex; gap: 6px; }
.saved { color: var(--fn-text); background: var(--fn-bg-soft); border-radius: 6px; padding: 4px 8px; }
.error { color: var(--fn-error); }
${seriesCss}
`;
