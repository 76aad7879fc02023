import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAnnotationCollection } from '../../../src/notes/export';
import { importNotes } from '../../../src/notes/import';
import { createNote } from '../../../src/notes/note-actions';
import { FOOTNOTE_EXTENSION_KEY, noteIdFor, noteToAnnotation } from '../../../src/notes/web-annotation';
import { sampleNotes } from './sample-notes';

const referenceText = readFileSync(resolve(process.cwd(), '../shared/reference/w3c_web_annotation.jsonld'), 'utf8');
const reference = JSON.parse(referenceText) as Record<string, unknown>;

/** Motivations defined by the Web Annotation Vocabulary (section 3.3.5 of the data model). */
const MOTIVATIONS = new Set([
  'assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting',
  'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging',
]);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Json = Record<string, unknown>;

/** The Web Annotation Data Model's rules for one Annotation as written by Footnote; returns what breaks them. */
function problemsOfAnnotation(a: Json, embedded: boolean): string[] {
  const problems: string[] = [];
  if (!embedded && a['@context'] !== 'http://www.w3.org/ns/anno.jsonld') problems.push('@context');
  if (embedded && a['@context'] !== undefined && a['@context'] !== 'http://www.w3.org/ns/anno.jsonld') problems.push('@context');
  if (typeof a.id !== 'string' || !UUID_URN.test(a.id)) problems.push('id is not a urn:uuid IRI');
  if (a.type !== 'Annotation') problems.push('type');
  if (typeof a.motivation !== 'string' || !MOTIVATIONS.has(a.motivation)) problems.push('motivation');
  for (const key of ['created', 'modified']) if (typeof a[key] !== 'string' || !ISO_TIME.test(a[key] as string)) problems.push(key);
  if (a.body !== undefined) {
    if (!Array.isArray(a.body) || a.body.length === 0) problems.push('body is not a non-empty list');
    for (const body of (Array.isArray(a.body) ? a.body : []) as Json[]) {
      if (body.type !== 'TextualBody' || typeof body.value !== 'string') problems.push('body is not a TextualBody');
      if (body.purpose !== undefined && !MOTIVATIONS.has(body.purpose as string)) problems.push('body purpose');
      if (body.format !== undefined && !/^[a-z]+\/[a-z0-9.+-]+$/.test(body.format as string)) problems.push('body format');
    }
  }
  const target = a.target as Json | undefined;
  if (!target || typeof target.source !== 'string' || !IRI.test(target.source)) problems.push('target.source');
  const selectors = (target?.selector ?? []) as Json[];
  if (!Array.isArray(selectors) || selectors.length === 0) problems.push('target.selector');
  for (const s of selectors) {
    if (s.type === 'TextQuoteSelector') {
      if (typeof s.exact !== 'string' || s.exact === '') problems.push('TextQuoteSelector.exact');
      for (const k of Object.keys(s)) if (!['type', 'exact', 'prefix', 'suffix'].includes(k)) problems.push(`TextQuoteSelector.${k}`);
    } else if (s.type === 'TextPositionSelector') {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || (s.start as number) < 0 || (s.end as number) < (s.start as number)) {
        problems.push('TextPositionSelector range');
      }
      for (const k of Object.keys(s)) if (!['type', 'start', 'end'].includes(k)) problems.push(`TextPositionSelector.${k}`);
    } else {
      problems.push(`selector type ${String(s.type)}`);
    }
  }
  return problems;
}

describe('the Web Annotation export, checked against the Web Annotation Data Model', () => {
  const notes = sampleNotes();
  const collection = buildAnnotationCollection(notes, { now: new Date('2025-03-05T00:00:00Z') }) as unknown as Json;

  it('is an AnnotationCollection with an IRI, a label, a total and an embedded first page', () => {
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.id).toMatch(UUID_URN);
    expect(typeof collection.label).toBe('string');
    expect(collection.total).toBe(notes.length);
    const first = collection.first as Json;
    expect(first.type).toBe('AnnotationPage');
    expect(first.id).toMatch(UUID_URN);
    expect(first.id).not.toBe(collection.id);
    expect(first.startIndex).toBe(0);
    expect(collection.last).toBe(first.id);
    expect((first.items as unknown[]).length).toBe(notes.length);
  });

  it('holds annotations that follow the model: ids, types, motivations, bodies, selectors', () => {
    const items = (collection.first as Json).items as Json[];
    for (const item of items) expect(problemsOfAnnotation(item, true)).toEqual([]);
  });

  it('has a checker that does catch broken annotations', () => {
    const good = noteToAnnotation(notes[0]!) as unknown as Json;
    expect(problemsOfAnnotation(good, false)).toEqual([]);
    expect(problemsOfAnnotation({ ...good, motivation: 'saving', id: 'note-1' }, false)).toEqual(['id is not a urn:uuid IRI', 'motivation']);
    const badTarget = { ...good, target: { source: 'x', selector: [{ type: 'TextPositionSelector', start: 5, end: 2 }] } };
    expect(problemsOfAnnotation(badTarget, false)).toEqual(['target.source', 'TextPositionSelector range']);
  });

  it('says the motivation: commenting with a comment, tagging with only tags, highlighting with neither', () => {
    const [withComment, , bare] = notes;
    expect(noteToAnnotation(withComment!).motivation).toBe('commenting');
    expect(noteToAnnotation({ ...withComment!, comment: '' }).motivation).toBe('tagging');
    expect(noteToAnnotation(bare!).motivation).toBe('highlighting');
    expect(noteToAnnotation(bare!).body).toBeUndefined();
  });

  it('writes the comment as a commenting TextualBody and each tag as a tagging one', () => {
    const annotation = noteToAnnotation(notes[0]!);
    expect(annotation.body).toEqual([
      { type: 'TextualBody', value: notes[0]!.comment, format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'capex', purpose: 'tagging' },
      { type: 'TextualBody', value: '云计算', purpose: 'tagging' },
    ]);
  });

  it('counts TextPositionSelector positions in code points, so a quote after an emoji is one earlier than in UTF-16', () => {
    const text = '🚀 AWS revenue grew 19% to US$29.3bn.';
    const start = text.indexOf('US$29.3bn');
    const note = createNote({
      id: '3d594650-3436-4f2b-8e6b-2a1f0c9d8e7b',
      now: new Date('2025-03-04T07:45:00Z'),
      page: { url: 'https://news.example.org/aws', title: 'AWS' },
      text,
      start,
      end: start + 'US$29.3bn'.length,
      context: { summary: '', lines: [] },
    });
    const position = noteToAnnotation(note).target.selector.find((s) => s.type === 'TextPositionSelector');
    expect(position).toEqual({ type: 'TextPositionSelector', start: start - 1, end: start - 1 + 9 });
    expect([...text].slice(start - 1, start - 1 + 9).join('')).toBe('US$29.3bn');
  });

  it('has the shape of the reference annotation, field for field', () => {
    const selectors = (reference.target as Json).selector as Json[];
    const quote = selectors[0]!;
    const position = selectors[1]!;
    const text = `${String(quote.prefix)}${String(quote.exact)}${String(quote.suffix)}`;
    const note = createNote({
      id: '6a1f3c2e-4b7d-4c1a-9e8f-2d5b7a9c0e11',
      now: new Date(reference.created as string),
      page: { url: (reference.target as Json).source as string, title: 'Alibaba to invest RMB 380 billion in cloud and AI' },
      text,
      start: position.start as number,
      end: position.end as number,
      context: { summary: '', lines: [] },
      comment: ((reference.body as Json[])[0] as Json).value as string,
      tags: [((reference.body as Json[])[1] as Json).value as string],
    });
    const ours = noteToAnnotation(note) as unknown as Json;
    // Footnote adds `modified` and its extension; it does not know the comment's language.
    const { modified, [FOOTNOTE_EXTENSION_KEY]: extension, ...standard } = ours;
    expect(modified).toBe(ours.created);
    expect(extension).toBeDefined();
    const expected = structuredClone(reference);
    delete ((expected.body as Json[])[0] as Json).language;
    expected.created = new Date(reference.created as string).toISOString();
    expect(standard).toEqual(expected);
  });

  it('imports the reference annotation, written by another tool, as a note', () => {
    const result = importNotes(referenceText);
    expect(result).toEqual({
      ok: true,
      format: 'web-annotation',
      notes: [
        {
          version: 1,
          id: '6a1f3c2e-4b7d-4c1a-9e8f-2d5b7a9c0e11',
          createdAt: '2025-03-01T09:30:00Z',
          updatedAt: '2025-03-01T09:30:00Z',
          page: { url: 'https://example.com/news/alibaba-cloud-capex', title: '' },
          target: {
            quote: { exact: 'RMB 380 billion (US$53bn)', prefix: 'Alibaba said it will invest ', suffix: ' in cloud and AI infrastructure ' },
            position: { start: 28, end: 53 },
          },
          context: { summary: '', lines: [] },
          comment: 'Compare with FY2024 capex; ~US$53bn at the article\'s FX rate.',
          tags: ['capex'],
        },
      ],
    });
  });

  it('gives annotations from other tools a stable note id, so importing twice does not duplicate them', () => {
    const id = noteIdFor('https://hypothes.is/a/AbCdEf123');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(noteIdFor('https://hypothes.is/a/AbCdEf123')).toBe(id);
    expect(noteIdFor('https://hypothes.is/a/AbCdEf124')).not.toBe(id);
  });

  it('reads bodyValue, single bodies and targets given as a list', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example/1',
      type: 'Annotation',
      modified: '2025-01-02T03:04:05+01:00',
      bodyValue: 'Worth checking',
      body: { type: 'TextualBody', value: 'ai', purpose: 'tagging' },
      target: [
        { source: 'https://example.com/a' },
        { source: 'https://example.com/b', selector: { type: 'TextQuoteSelector', exact: 'US$53bn' } },
      ],
    };
    const result = importNotes(JSON.stringify(foreign));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notes[0]).toMatchObject({
      id: noteIdFor('https://annotations.example/1'),
      createdAt: '2025-01-02T03:04:05+01:00',
      page: { url: 'https://example.com/b', title: '' },
      target: { quote: { exact: 'US$53bn', prefix: '', suffix: '' } },
      comment: 'Worth checking',
      tags: ['ai'],
    });
    expect(result.notes[0]!.target.position).toBeUndefined();
  });
});
