/**
 * Which company and which metric a figure speaks of, read from its sentence and the sentences before it:
 * "Alibaba will invest RMB 380 billion (US$53bn) ... over the next three years" -> Alibaba, investment, 3 years.
 * When that cannot be told, the figure is tied to nothing rather than to a guess.
 */
import type { CompanyMatch } from '../companies/types';
import { splitSentences, type Span } from '../companies/sentences';
import type { MoneyMatch, PercentMatch } from '../figures/types';

export type AttributedMetric =
  | 'capex'
  | 'investment'
  | 'spend'
  | 'revenue'
  | 'cloud_revenue'
  | 'backlog'
  | 'valuation'
  | 'funding'
  | 'revenue_growth_pct'
  | 'cloud_revenue_growth_pct'
  | 'margin';

export interface Attribution {
  /** Index of the figure in the array given. */
  figure: number;
  companyId: string | null;
  metric: AttributedMetric | null;
  /** High: company and metric read from the figure's own sentence. */
  confidence: 'high' | 'low';
  /** The amount is spread over this many years ("over the next three years", "a three-year plan", "per year" = 1). */
  perYear?: { years: number };
}

type MoneyMetric = 'capex' | 'investment' | 'spend' | 'revenue' | 'backlog' | 'valuation' | 'funding';
type Figure = MoneyMatch | PercentMatch;

/**
 * The words attribution reads, by family. One pattern finds them all in one pass over a sentence; where two
 * families could claim the same words, the first listed wins ("capital spending" is capex, not spend).
 */
const FAMILIES = {
  capex: String.raw`capex|capital expenditures?|capital spending|capital investments?|capital outlays?|capital appropriations?|capital budget`,
  backlog: String.raw`backlog|remaining performance obligations?|RPO|order book|contracted (?:future )?revenue`,
  valuation: String.raw`valuation|valued|valuing|values|(?:is|was|now) worth|market (?:value|cap|capitali[sz]ation)`,
  funding: String.raw`rais(?:e|es|ed|ing)|funding round|funding|financing round|round of funding|series [a-h]|seed round|bond (?:sale|deal|offering)|bonds?|debt (?:sale|offering)`,
  investment: String.raw`invest(?:s|ed|ing|ment|ments)?|pour(?:s|ed|ing)?|commit(?:s|ted|ting|ment)?|pledg(?:e|es|ed|ing)|bets?|betting`,
  spend: String.raw`spend(?:s|ing)?|spent|outlays?|budget(?:ed|s)?|burn(?:s|ed|ing)? through|cash burn|(?:will|would) cost|at a cost of`,
  revenue: String.raw`(?:revenues?|(?<!share |stock |asset )sales|turnover|top line|bookings)(?! per (?:user|subscriber|customer|member|unit))`,
  margin: String.raw`margins?`,
  /** A share price, a stake, a market share: percentages that are not a company's growth. */
  not: String.raw`shares?|stocks?|stake|market share|holding|ownership|tax|interest rates?|yield|discount|premium|inflation|unemployment|prices?`,
  growth: String.raw`grow(?:s|n|ing)?|grew|growth|r[io]se|rising|increas(?:e|es|ed|ing)|jump(?:s|ed)?|climb(?:s|ed)?|gain(?:s|ed)?|surg(?:e|es|ed)|soar(?:s|ed)?|expand(?:s|ed)?|lift(?:s|ed)?|boost(?:s|ed)?|up|year[- ]over[- ]year|year[- ]on[- ]year|yoy|y/y|fell|fall(?:s|ing)?|declin(?:e|es|ed)|drop(?:s|ped)?|down|slow(?:s|ed)?|accelerat(?:e|es|ed)|change`,
  cloud: String.raw`cloud`,
  years: String.raw`(?:over|across|during|within|in)\s+(?:the\s+)?(?:next|coming|following|upcoming)?\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)\s+years?|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)-year`,
  perYear: String.raw`(?:per year|per annum|a year|annually|each year|every year|yearly)(?!\s+(?:earlier|ago|before|prior|later))`,
} as const;
type Family = keyof typeof FAMILIES;
const FAMILY_NAMES = Object.keys(FAMILIES) as Family[];
// One word boundary around the alternation, not one per family: the same matches, a third faster in V8.
const KEYWORDS = new RegExp(String.raw`\b(?:${FAMILY_NAMES.map((f) => `(${FAMILIES[f]})`).join('|')})\b`, 'gi');
const MONEY_FAMILIES: MoneyMetric[] = ['capex', 'backlog', 'valuation', 'funding', 'investment', 'spend', 'revenue'];

const CLOUD_COMPANY = /\bcloud\b|\bAWS\b|\bAzure\b|\bOCI\b|\bAliyun\b|Amazon Web Services|Google Cloud|Alibaba Cloud|Tencent Cloud|Huawei Cloud|Volcano Engine/i;
/** "shares closed at $254.43", "its Hong Kong stock, 9988.HK, closed at HK$129.30": a price. */
const SHARE_PRICE_BEFORE = /\b(?:shares|stock|ADRs|ADSs|share price)\b[^.;$€£¥]{0,30}$/i;
/** "up from $64bn", "compared with 41 per cent": the same measure at another time. */
const COMPARED_BEFORE = /(?:\bfrom|\bcompared (?:with|to)|\bversus|\bvs\.?|\bagainst)\s+(?:(?:a|the|its|their)\s+(?:previous|prior|earlier|original)\s+(?:forecast|estimate|guidance|outlook|range|target)\s+of\s+)?(?:the\s+|about\s+|around\s+|roughly\s+)?$/i;
/** Where a sentence turns to another subject. */
const CLAUSE_BREAK = /;|,?\s\bwhile\b|,?\s\bwhereas\b|,\s*but\b|,\s*and\s+(?:its|the)\b/gi;
/** A company named right after one of these is the object of the sentence, not its subject. */
const OBJECT_BEFORE = /\b(?:with|from|to|by|for|in|into|at|against|than|over)\s+(?:the\s+)?$/i;
/** "its entire Nvidia stake": a company named as what is held or bought is not the subject either. */
const OBJECT_AFTER = /^['’]?s?\s+(?:stake|shares|holding|bonds|chips|GPUs|servers)\b/i;

/** "it", "its", "the company": the sentence goes on about a company named before. */
const ANAPHOR = /\b(?:it|its|it's|they|their|the (?:company|firm|group|giant|business|unit|startup|start-up|chipmaker|retailer|e-commerce giant|tech giant|hyperscaler))\b/i;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20,
};

/** Words that end the phrase a figure heads: "$2.3bn as revenue..." does not bind "revenue" to the figure. */
const UNBINDING = new Set([
  'as', 'was', 'is', 'were', 'are', 'be', 'after', 'before', 'while', 'and', 'but', 'which', 'that', 'to', 'from',
  'with', 'by', 'when', 'since', 'than', 'it', 'its', 'their', 'his', 'her', 'giving', 'taking', 'the', 'a', 'an',
]);

interface Hit {
  start: number;
  end: number;
}

function hits(re: RegExp, text: string, offset: number): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** Whether a word after a figure belongs to it: "$80bn in capex", "$1bn budget", "11% year-over-year revenue growth". */
function boundAfter(between: string): boolean {
  const rest = between.replace(/^\s*\)/, '');
  if (/[,;:.!?()]/.test(rest)) return false;
  const words = rest.trim().split(/\s+/).filter(Boolean);
  return words.length <= 4 && words.every((w) => !UNBINDING.has(w.toLowerCase()));
}

interface Scene {
  text: string;
  figures: readonly Figure[];
  companies: readonly CompanyMatch[];
  /** Keyword hits per sentence, by family, found in one pass: a sentence with ten figures is read once. */
  memo: Map<Span, Record<Family, Hit[]>>;
  /** Clause breaks of the whole text, in order. */
  breaks: Hit[];
}

function emptyHits(): Record<Family, Hit[]> {
  return {
    capex: [], backlog: [], valuation: [], funding: [], investment: [], spend: [], revenue: [], margin: [], not: [],
    growth: [], cloud: [], years: [], perYear: [],
  };
}

function sentenceHits(scene: Scene, span: Span, family: Family): Hit[] {
  let found = scene.memo.get(span);
  if (!found) {
    found = emptyHits();
    const sentence = scene.text.slice(span.start, span.end);
    KEYWORDS.lastIndex = 0;
    for (let m = KEYWORDS.exec(sentence); m; m = KEYWORDS.exec(sentence)) {
      let g = 1;
      while (m[g] === undefined) g++;
      found[FAMILY_NAMES[g - 1]!].push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
    }
    scene.memo.set(span, found);
  }
  return found[family];
}

function breakBetween(scene: Scene, lo: number, hi: number): boolean {
  for (const b of scene.breaks) {
    if (b.start >= hi) return false;
    if (b.start >= lo && b.end <= hi) return true;
  }
  return false;
}

const MAX_WORD_DISTANCE = 140;

/** How far a word is from a figure: words before it read naturally ("revenue of $5bn"); after it only when bound. */
function distance(scene: Scene, fig: Figure, h: Hit): number {
  const { text } = scene;
  const figStart = fig.qualifierStart ?? fig.start;
  let d: number;
  let lo: number;
  let hi: number;
  if (h.end <= figStart) {
    lo = h.end;
    hi = figStart;
    d = figStart - h.end;
  } else if (h.start >= fig.end) {
    if (!boundAfter(text.slice(fig.end, h.start))) return Infinity;
    lo = fig.end;
    hi = h.start;
    d = (h.start - fig.end) * 0.5;
  } else return Infinity; // inside the figure or its qualifier ("up to")
  // Another figure, another company or a clause break in between: the word has a better claim elsewhere.
  if (d > MAX_WORD_DISTANCE) return d;
  for (const o of scene.figures) if (o !== fig && o.kind === fig.kind && o.start >= lo && o.end <= hi) d += 80;
  for (const c of scene.companies) if (c.start >= lo && c.end <= hi) d += 60;
  if (breakBetween(scene, lo, hi)) d += 80;
  return d;
}

function nearest(scene: Scene, fig: Figure, list: Hit[]): number {
  let best = Infinity;
  for (const h of list) best = Math.min(best, distance(scene, fig, h));
  return best;
}

/** Whether the clause of the sentence that holds the figure speaks of the cloud. */
function cloudInClause(scene: Scene, span: Span, fig: Figure): boolean {
  let from = span.start;
  let to = span.end;
  for (const b of scene.breaks) {
    if (b.end <= fig.start && b.end > from && b.start >= span.start) from = b.end;
    else if (b.start >= fig.end && b.start < to) {
      to = b.start;
      break;
    }
  }
  for (const h of sentenceHits(scene, span, 'cloud')) if (h.start >= from && h.end <= to) return true;
  return false;
}

/** "AWS grew 20.2% to $33 billion": the level a business named as the subject grew to is its revenue. */
const GREW_TO_AFTER_COMPANY = /^(?:['’]s?)?\s+(?:grew|rose|climbed|jumped|increased|surged|soared|expanded)\b[^;,$€£¥]{0,20}\bto\s+(?:about\s+|around\s+|roughly\s+)?$/i;

function moneyMetric(scene: Scene, span: Span, fig: MoneyMatch, cloud: boolean, company: CompanyMatch | null): AttributedMetric | null {
  const { text } = scene;
  if (fig.perShare) return null;
  const before = text.slice(Math.max(span.start, fig.start - 45), fig.qualifierStart ?? fig.start);
  if (SHARE_PRICE_BEFORE.test(before)) return null;
  let best: { metric: MoneyMetric; d: number } | null = null;
  for (const metric of MONEY_FAMILIES) {
    const d = nearest(scene, fig, sentenceHits(scene, span, metric));
    if (d <= MAX_WORD_DISTANCE && (!best || d < best.d)) best = { metric, d };
  }
  if (!best) {
    const grewTo = company && company.end <= fig.start && GREW_TO_AFTER_COMPANY.test(text.slice(company.end, fig.qualifierStart ?? fig.start));
    return grewTo ? (cloud ? 'cloud_revenue' : 'revenue') : null;
  }
  // "spend $125bn on capex", "after spending 76.8 billion yuan" in a sentence about capital expenditure.
  if (best.metric === 'spend' && sentenceHits(scene, span, 'capex').length > 0) return 'capex';
  if (best.metric === 'revenue' && cloud) return 'cloud_revenue';
  return best.metric;
}

function percentMetric(scene: Scene, span: Span, fig: PercentMatch, cloudCompany: boolean, cloudClause: boolean): AttributedMetric | null {
  const near = (family: Family): number => nearest(scene, fig, sentenceHits(scene, span, family));
  const margin = near('margin');
  const revenue = near('revenue');
  const growth = near('growth');
  const not = near('not');
  if (margin <= MAX_WORD_DISTANCE && margin <= revenue && margin <= not) return 'margin';
  // "Oracle shares soared 36%", "cut prices by 85%": a word of the market nearer than any revenue word.
  if (not <= MAX_WORD_DISTANCE && not < revenue) return null;
  if (fig.unit === 'points') return null;
  const cloud = cloudClause || cloudCompany;
  if (revenue <= MAX_WORD_DISTANCE && growth <= MAX_WORD_DISTANCE) return cloud ? 'cloud_revenue_growth_pct' : 'revenue_growth_pct';
  // "Azure grew 33%", "its AI cloud business grew 27 percent": a cloud business growing is its revenue growing.
  if (cloud && growth <= 40) return 'cloud_revenue_growth_pct';
  return null;
}

function perYearOf(scene: Scene, span: Span, fig: Figure): { years: number } | undefined {
  let best: { years: number; d: number } | undefined;
  for (const h of sentenceHits(scene, span, 'years')) {
    const w = /(\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)(?=[\s-]+years?|-year)/i.exec(scene.text.slice(h.start, h.end))?.[1]?.toLowerCase() ?? '';
    const years = /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w];
    if (!years || years > 30) continue;
    const d = Math.abs(h.start >= fig.end ? h.start - fig.end : fig.start - h.end);
    if (!best || d < best.d) best = { years, d };
  }
  if (best) return { years: best.years };
  for (const h of sentenceHits(scene, span, 'perYear')) if (h.start >= fig.end && h.start - fig.end <= 40) return { years: 1 };
  return undefined;
}

function sentenceIndex(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (spans[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The company a figure speaks of, from its sentence: the nearest one named before it that is not the object of a
 * preposition ("a deal with OpenAI worth $4bn" is CoreWeave's), else the nearest after.
 */
function companyInSentence(text: string, fig: Figure, inSentence: CompanyMatch[]): CompanyMatch | null {
  const before = inSentence.filter((c) => c.end <= fig.start);
  const after = inSentence.find((c) => c.start >= fig.end) ?? null;
  const last = before[before.length - 1];
  if (!last) return after;
  const isObject = (c: CompanyMatch): boolean =>
    OBJECT_BEFORE.test(text.slice(Math.max(0, c.start - 12), c.start)) || OBJECT_AFTER.test(text.slice(c.end, c.end + 12));
  if (isObject(last)) {
    const subject = before.find((c) => c.companyId !== last.companyId && !isObject(c));
    if (subject) return subject;
  }
  return last;
}

export function attributeFigures(text: string, companies: readonly CompanyMatch[], figures: readonly Figure[]): Attribution[] {
  if (figures.length === 0) return [];
  const spans = splitSentences(text);
  const bySentence: CompanyMatch[][] = spans.map(() => []);
  for (const c of companies) bySentence[sentenceIndex(spans, c.start)]!.push(c);
  // Each sentence is its own scene: the figures, companies and clause breaks that can weaken a link are its own.
  const memo: Scene['memo'] = new Map();
  const breaks = hits(CLAUSE_BREAK, text, 0);
  const scenes = new Map<number, Scene>();
  const sceneOf = (si: number): Scene => {
    let scene = scenes.get(si);
    if (!scene) {
      const { start, end } = spans[si]!;
      const inside = <T extends { start: number }>(x: T): boolean => x.start >= start && x.start < end;
      scene = { text, figures: figures.filter(inside), companies: bySentence[si]!, memo, breaks: breaks.filter(inside) };
      scenes.set(si, scene);
    }
    return scene;
  };
  const out: Attribution[] = figures.map((fig, index) => {
    const si = sentenceIndex(spans, fig.start);
    const span = spans[si]!;
    const scene = sceneOf(si);
    const sentence = text.slice(span.start, span.end);
    let company = companyInSentence(text, fig, bySentence[si]!);
    let confidence: 'high' | 'low' = company ? 'high' : 'low';
    if (!company) {
      // "It will spend $5bn": a company named in one of the two sentences before, when this one refers back to it.
      for (let k = si - 1; k >= 0 && k >= si - 2; k--) {
        const prev = bySentence[k]!;
        if (prev.length === 0) continue;
        const ids = new Set(prev.map((c) => c.companyId));
        if (ANAPHOR.test(sentence.slice(0, Math.max(0, fig.start - span.start))) || ids.size === 1) company = prev[0]!;
        break;
      }
    }
    const cloudCompany = !!company && CLOUD_COMPANY.test(company.surface);
    const cloudClause = cloudInClause(scene, span, fig);
    const metric =
      fig.kind === 'money'
        ? moneyMetric(scene, span, fig, cloudClause || cloudCompany, company)
        : company
          ? percentMetric(scene, span, fig, cloudCompany, cloudClause)
          : null; // a growth rate or margin of no company in particular is not one Footnote can compare
    if (!metric) confidence = 'low';
    const a: Attribution = { figure: index, companyId: company?.companyId ?? null, metric, confidence };
    if (fig.kind === 'money' && metric && metric !== 'valuation') {
      const years = perYearOf(scene, span, fig);
      if (years) a.perYear = years;
    }
    return a;
  });

  // In text order: a figure compared with the one before it ("up from $64bn"), a figure restated in another
  // currency and the high end of a range speak of what their partner speaks of.
  const money = figures.filter((f): f is MoneyMatch => f.kind === 'money');
  const indexOf = new Map<Figure, number>(figures.map((f, i) => [f, i]));
  const moneyIndex = new Map<Figure, number>(money.map((f, i) => [f, i]));
  const order = figures.map((_, i) => i).sort((a, b) => figures[a]!.start - figures[b]!.start);
  const copy = (to: Attribution, from: Attribution): void => {
    to.companyId = from.companyId;
    to.metric = from.metric;
    to.confidence = from.confidence;
    if (from.perYear) to.perYear = from.perYear;
    else delete to.perYear;
  };
  const previousOfKind = new Map<string, number>();
  for (const i of order) {
    const fig = figures[i]!;
    const prev = previousOfKind.get(fig.kind);
    previousOfKind.set(fig.kind, i);
    if (fig.kind === 'money') {
      const own = moneyIndex.get(fig)!;
      const partner = fig.sameAmountAs ?? (fig.range?.role === 'high' ? fig.range.other : undefined);
      const from = partner !== undefined && partner < own ? indexOf.get(money[partner]!) : undefined;
      if (from !== undefined) {
        copy(out[i]!, out[from]!);
        continue;
      }
    } else if (fig.range?.role === 'high') {
      const low = figures.findIndex((f) => f.kind === 'percent' && f.range?.role === 'low' && f.range.other !== undefined && f.end <= fig.start && f.range.high === fig.range!.high && f.range.low === fig.range!.low);
      if (low >= 0) {
        copy(out[i]!, out[low]!);
        continue;
      }
    }
    if (prev === undefined) continue;
    const p = figures[prev]!;
    if (sentenceIndex(spans, p.start) !== sentenceIndex(spans, fig.start)) continue;
    if (COMPARED_BEFORE.test(text.slice(p.end, fig.qualifierStart ?? fig.start)) && out[prev]!.metric) copy(out[i]!, out[prev]!);
  }
  return out;
}
