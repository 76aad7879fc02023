/**
 * Notes as W3C Web Annotations (Web Annotation Data Model, W3C Recommendation 2017) and back.
 *
 * A note becomes an Annotation whose target is the page with a TextQuoteSelector and a TextPositionSelector (code
 * points), whose bodies are the comment (purpose "commenting") and one TextualBody per tag (purpose "tagging").
 * What the model has no place for (the page title, the figure, the company, the card's context) travels under
 * one extension property, `footnote:note` (an absolute IRI in the "footnote" scheme, so no extra JSON-LD context
 * is needed), which makes export then import lossless. Annotations from other tools import without it.
 */
import { z } from 'zod';
import { IsoDateTime, NoteContext, NoteFigure, joinPath, type Note } from './model';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const FOOTNOTE_EXTENSION_KEY = 'footnote:note';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format?: string;
  purpose: 'commenting' | 'tagging';
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Footnote's own part of an annotation. */
export const FootnoteExtension = z
  .object({
    version: z.number().int().positive(),
    pageTitle: z.string(),
    figure: NoteFigure.optional(),
    companyId: z.string().min(1).optional(),
    companyName: z.string().min(1).optional(),
    context: NoteContext,
  })
  .strict();
export type FootnoteExtension = z.infer<typeof FootnoteExtension>;

export interface Annotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'tagging' | 'highlighting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: { source: string; selector: (TextQuoteSelector | TextPositionSelector)[] };
  [FOOTNOTE_EXTENSION_KEY]: FootnoteExtension;
}

/** One note as an Annotation. */
export function noteToAnnotation(note: Note): Annotation {
  const body: TextualBody[] = [];
  if (note.comment) body.push({ type: 'TextualBody', value: note.comment, format: 'text/plain', purpose: 'commenting' });
  for (const tag of note.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: note.target.quote.exact };
  if (note.target.quote.prefix) quote.prefix = note.target.quote.prefix;
  if (note.target.quote.suffix) quote.suffix = note.target.quote.suffix;
  const selector: (TextQuoteSelector | TextPositionSelector)[] = [quote];
  if (note.target.position) selector.push({ type: 'TextPositionSelector', ...note.target.position });
  const extension: FootnoteExtension = { version: note.version, pageTitle: note.page.title, context: note.context };
  if (note.target.figure) extension.figure = note.target.figure;
  if (note.companyId !== undefined) extension.companyId = note.companyId;
  if (note.companyName !== undefined) extension.companyName = note.companyName;
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${note.id}`,
    type: 'Annotation',
    motivation: note.comment ? 'commenting' : note.tags.length > 0 ? 'tagging' : 'highlighting',
    created: note.createdAt,
    modified: note.updatedAt,
    ...(body.length > 0 ? { body } : {}),
    target: { source: note.page.url, selector },
    [FOOTNOTE_EXTENSION_KEY]: extension,
  };
}

// ---- Reading annotations, from Footnote or from other tools -------------------------------------------------

/** `type` may be one value or a list of them (JSON-LD); either way it has to include `name`. */
const hasType = (name: string) =>
  z.union([z.string(), z.array(z.string())]).refine((t) => (Array.isArray(t) ? t.includes(name) : t === name), {
    message: `expected type "${name}"`,
  });

const AnySelector = z.looseObject({ type: z.string() });
const QuoteFromFile = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'the quote is empty'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const PositionFromFile = z
  .looseObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((p) => p.end >= p.start, { message: 'end comes before start' });
const TargetFromFile = z.looseObject({
  source: z.string().min(1),
  selector: z.union([AnySelector, z.array(AnySelector)]).optional(),
});
const BodyFromFile = z.union([
  z.string(), // a link to a body elsewhere: nothing a note can show
  z.looseObject({ value: z.string(), purpose: z.union([z.string(), z.array(z.string())]).optional() }),
  z.looseObject({}),
]);

export const AnnotationFromFile = z.looseObject({
  id: z.string().min(1),
  type: hasType('Annotation'),
  created: IsoDateTime.optional(),
  modified: IsoDateTime.optional(),
  body: z.union([BodyFromFile, z.array(BodyFromFile)]).optional(),
  bodyValue: z.string().optional(),
  target: z.union([TargetFromFile, z.array(TargetFromFile).min(1)], {
    error: 'expected a target with a source page and a TextQuoteSelector',
  }),
  [FOOTNOTE_EXTENSION_KEY]: FootnoteExtension.optional(),
});
type AnnotationFromFile = z.infer<typeof AnnotationFromFile>;

const UUID_URN = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * A note id for an annotation: the UUID of a `urn:uuid:` id, or else a UUID derived from the id (the same id
 * always gives the same UUID, so importing one file twice does not duplicate its notes).
 */
export function noteIdFor(annotationId: string): string {
  const urn = UUID_URN.exec(annotationId);
  if (urn?.[1]) return urn[1];
  // Four independently seeded 32-bit FNV-1a style hashes make 128 bits; then the UUID version 8 and variant bits.
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => {
    let h = seed >>> 0;
    for (let i = 0; i < annotationId.length; i++) {
      h = Math.imul(h ^ annotationId.charCodeAt(i), 0x01000193) >>> 0;
      h = (h ^ (h >>> 15)) >>> 0;
    }
    return Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  });
  const hex = lanes.map((h) => h.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function purposesOf(body: { purpose?: string | string[] | undefined }): string[] {
  if (body.purpose === undefined) return [];
  return Array.isArray(body.purpose) ? body.purpose : [body.purpose];
}

/**
 * Turns a checked annotation into a raw note (to be migrated and validated like any stored note), or says what is
 * missing. `at` is where the annotation sits in the file, for the messages.
 */
export function annotationToRawNote(annotation: AnnotationFromFile, at: string): { ok: true; note: Record<string, unknown> } | { ok: false; error: string } {
  const targets = Array.isArray(annotation.target) ? annotation.target : [annotation.target];
  const withQuote = targets.map((target, index) => {
    const selectors = target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector];
    return { target, index, selectors, quote: selectors.find((s) => s.type === 'TextQuoteSelector') };
  });
  const chosen = withQuote.find((t) => t.quote !== undefined);
  if (!chosen || !chosen.quote) {
    return { ok: false, error: `${joinPath(at, ['target'])}: no TextQuoteSelector, so there is no quote to find on the page` };
  }
  const targetPath = Array.isArray(annotation.target) ? joinPath(at, ['target', chosen.index]) : joinPath(at, ['target']);
  const quote = QuoteFromFile.safeParse(chosen.quote);
  if (!quote.success) {
    return { ok: false, error: `${targetPath}.selector (TextQuoteSelector): ${quote.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` };
  }
  const rawPosition = chosen.selectors.find((s) => s.type === 'TextPositionSelector');
  let position: { start: number; end: number } | undefined;
  if (rawPosition) {
    const parsed = PositionFromFile.safeParse(rawPosition);
    if (!parsed.success) {
      return { ok: false, error: `${targetPath}.selector (TextPositionSelector): ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`.trim()).join('; ')}` };
    }
    position = { start: parsed.data.start, end: parsed.data.end };
  }

  const created = annotation.created ?? annotation.modified;
  if (!created) return { ok: false, error: `${joinPath(at, ['created'])}: required (the note needs the time it was made)` };

  const bodies = annotation.body === undefined ? [] : Array.isArray(annotation.body) ? annotation.body : [annotation.body];
  const comments: string[] = [];
  const tags: string[] = [];
  if (annotation.bodyValue) comments.push(annotation.bodyValue);
  for (const body of bodies) {
    if (typeof body === 'string' || typeof body.value !== 'string') continue;
    const text = body.value;
    if (purposesOf(body as { purpose?: string | string[] }).includes('tagging')) {
      if (text.trim()) tags.push(text);
    } else if (text) {
      comments.push(text);
    }
  }

  const extension = annotation[FOOTNOTE_EXTENSION_KEY];
  const note: Record<string, unknown> = {
    version: extension?.version ?? 1,
    id: noteIdFor(annotation.id),
    createdAt: created,
    updatedAt: annotation.modified ?? created,
    page: { url: chosen.target.source, title: extension?.pageTitle ?? '' },
    target: {
      quote: { exact: quote.data.exact, prefix: quote.data.prefix ?? '', suffix: quote.data.suffix ?? '' },
      ...(position ? { position } : {}),
      ...(extension?.figure ? { figure: extension.figure } : {}),
    },
    ...(extension?.companyId !== undefined ? { companyId: extension.companyId } : {}),
    ...(extension?.companyName !== undefined ? { companyName: extension.companyName } : {}),
    context: extension?.context ?? { summary: '', lines: [] },
    comment: comments.join('\n\n'),
    tags,
  };
  return { ok: true, note };
}
