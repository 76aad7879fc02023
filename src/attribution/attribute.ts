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

/** Words that name what an amount is, in the order they are tried when two overlap ("capital spending" is capex). */
const MONEY_WORDS: [RegExp, MoneyMetric][] = [
  [/\b(?:capex|capital expenditures?|capital spending|capital investments?|capital outlays?)\b/gi, 'capex'],
  [/\b(?:backlog|remaining performance obligations?|RPO|order book|contracted (?:future )?revenue)\b/gi, 'backlog'],
  [/\b(?:valuation|valued|valuing|values? (?:it|the company)|market (?:value|cap|capitali[sz]ation)|worth)\b/gi, 'valuation'],
  [/\b(?:rais(?:e|es|ed|ing)|funding|funding round|financing round|round of funding|series [a-h]\b|seed round)\b/gi, 'funding'],
  [/\b(?:invest(?:s|ed|ing|ment|ments)?|pour(?:s|ed|ing)?|commit(?:s|ted|ting|ment)?|pledg(?:e|es|ed|ing)|bets?|betting)\b/gi, 'investment'],
  [/\b(?:spend(?:s|ing)?|spent|outlays?|budget(?:ed|s)?)\b/gi, 'spend'],
  [/\b(?:revenues?|sales|turnover|top line|brought in|bookings)\b/gi, 'revenue'],
];
const REVENUE_WORD = /\b(?:revenues?|sales|turnover|top line)\b/gi;
const GROWTH_WORD = /\b(?:grow(?:s|n|ing)?|grew|growth|r[io]se|rising|increas(?:e|es|ed|ing)|jump(?:s|ed)?|climb(?:s|ed)?|gain(?:s|ed)?|surg(?:e|es|ed)|soar(?:s|ed)?|expand(?:s|ed)?|up|year[- ]over[- ]year|year[- ]on[- ]year|yoy|y\/y|fell|fall(?:s|ing)?|declin(?:e|es|ed)|drop(?:s|ped)?|down|slow(?:s|ed)?|accelerat(?:e|es|ed))\b/gi;
const MARGIN_WORD = /\bmargins?\b/gi;
/** A percentage of the share price, a stake, a market share: not a growth rate of the company's revenue. */
const NOT_GROWTH_WORD = /\b(?:shares?|stocks?|stake|market share|holding|ownership|tax|interest rate|yield|discount|premium|inflation|unemployment)\b/gi;
const CLOUD_CONTEXT = /\bcloud\b|\bAWS\b|\bAzure\b|\bOCI\b|\bAliyun\b|Amazon Web Services|Google Cloud|Alibaba Cloud|Tencent Cloud|Huawei Cloud/i;

/** "it", "its", "the company": the sentence goes on about a company named before. */
const ANAPHOR = /\b(?:it|its|it's|they|their|the (?:company|firm|group|giant|business|unit|startup|start-up|chipmaker|retailer|e-commerce giant|tech giant|hyperscaler))\b/i;

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20,
};
const YEARS_SPAN = /\b(?:over|across|during|within|in)\s+(?:the\s+)?(?:next|coming|following|upcoming)?\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)\s+years?\b|\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)-year\b/gi;
const PER_YEAR = /\b(?:per year|per annum|a year|annually|each year|every year|yearly)\b(?!\s+(?:earlier|ago|before|prior|later))/gi;

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

type Figure = MoneyMatch | PercentMatch;

/** How far a word is from a figure: words before it read naturally ("revenue of $5bn"); after it only when joined by "in"/"of". */
function distance(text: string, fig: Figure, h: Hit, others: readonly Figure[]): number {
  const figStart = fig.kind === 'money' && fig.qualifierStart !== undefined ? fig.qualifierStart : fig.start;
  let d: number;
  let lo: number;
  let hi: number;
  if (h.end <= figStart) {
    lo = h.end;
    hi = figStart;
    d = figStart - h.end;
  } else if (h.start >= fig.end) {
    lo = fig.end;
    hi = h.start;
    const between = text.slice(fig.end, h.start);
    // "$80bn in capex", "$5bn of capital expenditures", "11% year-over-year revenue growth"
    d = /^[\s)]*(?:(?:in|of|for|on|worth of|a year in|of new|in new|in annual|in quarterly)\s+)?(?:[\w-]+\s+){0,3}$/i.test(between)
      ? (h.start - fig.end) * 0.5
      : (h.start - fig.end) * 1.6 + 20;
  } else return 0;
  // Another figure in between has the better claim on this word; so does a clause break.
  for (const o of others) if (o !== fig && o.start >= lo && o.end <= hi && fig.kind === o.kind) d += 60;
  if (/[;:]|\bwhile\b|\bwhereas\b|\bbut\b/.test(text.slice(lo, hi))) d += 80;
  return d;
}

function nearest(text: string, fig: Figure, list: Hit[], others: readonly Figure[]): { hit: Hit; d: number } | null {
  let best: { hit: Hit; d: number } | null = null;
  for (const h of list) {
    const d = distance(text, fig, h, others);
    if (!best || d < best.d) best = { hit: h, d };
  }
  return best;
}

const MAX_WORD_DISTANCE = 140;

function moneyMetric(text: string, span: Span, fig: MoneyMatch, others: readonly Figure[], cloud: boolean): MoneyMetric | 'cloud_revenue' | null {
  const sentence = text.slice(span.start, span.end);
  let best: { metric: MoneyMetric; d: number } | null = null;
  for (const [re, metric] of MONEY_WORDS) {
    const n = nearest(text, fig, hits(re, sentence, span.start), others);
    if (n && n.d <= MAX_WORD_DISTANCE && (!best || n.d < best.d)) best = { metric, d: n.d };
  }
  if (!best) return null;
  if (best.metric === 'revenue' && cloud) return 'cloud_revenue';
  return best.metric;
}

function percentMetric(text: string, span: Span, fig: PercentMatch, others: readonly Figure[], cloudCompany: boolean, cloudWord: boolean): AttributedMetric | null {
  if (fig.unit !== 'percent' && fig.unit !== 'points') return null;
  const sentence = text.slice(span.start, span.end);
  const near = (re: RegExp): number => nearest(text, fig, hits(re, sentence, span.start), others)?.d ?? Infinity;
  const margin = near(MARGIN_WORD);
  const revenue = near(REVENUE_WORD);
  const growth = near(GROWTH_WORD);
  const not = near(NOT_GROWTH_WORD);
  if (margin < 60 && margin <= revenue) return 'margin';
  if (not < Math.min(revenue, growth)) return null;
  if (fig.unit === 'points') return null;
  if (revenue <= MAX_WORD_DISTANCE && growth <= MAX_WORD_DISTANCE) return cloudWord || cloudCompany ? 'cloud_revenue_growth_pct' : 'revenue_growth_pct';
  // "Azure grew 33%": a cloud business growing is its revenue growing.
  if (cloudCompany && growth <= 40) return 'cloud_revenue_growth_pct';
  return null;
}

function perYearOf(text: string, span: Span, fig: Figure): { years: number } | undefined {
  const sentence = text.slice(span.start, span.end);
  let best: { years: number; d: number } | undefined;
  YEARS_SPAN.lastIndex = 0;
  for (let m = YEARS_SPAN.exec(sentence); m; m = YEARS_SPAN.exec(sentence)) {
    const w = (m[1] ?? m[2] ?? '').toLowerCase();
    const years = /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w];
    if (!years || years > 30) continue;
    const at = span.start + m.index;
    const d = at >= fig.end ? at - fig.end : fig.start - (at + m[0].length);
    if (!best || Math.abs(d) < best.d) best = { years, d: Math.abs(d) };
  }
  if (best) return { years: best.years };
  for (const h of hits(PER_YEAR, sentence, span.start)) if (h.start >= fig.end && h.start - fig.end <= 40) return { years: 1 };
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

/** The company a figure speaks of, from its sentence: the nearest one named before it, else the nearest after. */
function companyInSentence(text: string, fig: Figure, inSentence: CompanyMatch[]): CompanyMatch | null {
  let before: CompanyMatch | null = null;
  let after: CompanyMatch | null = null;
  for (const c of inSentence) {
    if (c.end <= fig.start) before = c;
    else if (c.start >= fig.end && !after) after = c;
  }
  if (!before) return after;
  if (!after) return before;
  // "Google's $50bn", "Microsoft said it would spend $80bn": the company before reads first; one after wins only
  // when it owns the figure ("$10bn from Microsoft" does not: a source of money is not its subject).
  const gapAfter = text.slice(fig.end, after.start);
  if (/^\s*(?:by|for)\s+$/i.test(gapAfter) && text.slice(before.end, fig.start).length > 40) return after;
  return before;
}

export function attributeFigures(text: string, companies: readonly CompanyMatch[], figures: readonly Figure[]): Attribution[] {
  const spans = splitSentences(text);
  const bySentence: CompanyMatch[][] = spans.map(() => []);
  for (const c of companies) bySentence[sentenceIndex(spans, c.start)]!.push(c);
  const out: Attribution[] = [];
  const money = figures.filter((f): f is MoneyMatch => f.kind === 'money');
  figures.forEach((fig, index) => {
    const si = sentenceIndex(spans, fig.start);
    const span = spans[si]!;
    const sentence = text.slice(span.start, span.end);
    const here = bySentence[si]!;
    let company = companyInSentence(text, fig, here);
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
    const cloudCompany = !!company && CLOUD_CONTEXT.test(company.surface);
    const cloudWord = /\bcloud\b/i.test(sentence);
    let metric: AttributedMetric | null;
    if (fig.kind === 'money') {
      metric = fig.perShare ? null : moneyMetric(text, span, fig, money, cloudWord || cloudCompany);
    } else {
      metric = percentMetric(text, span, fig, figures, cloudCompany, cloudWord);
    }
    if (!metric) confidence = 'low';
    const a: Attribution = { figure: index, companyId: company?.companyId ?? null, metric, confidence };
    if (fig.kind === 'money' && metric && metric !== 'valuation') {
      const years = perYearOf(text, span, fig);
      if (years) a.perYear = years;
    }
    out.push(a);
  });
  // A figure restated in another currency, and the high end of a range, speak of what the figure before them does.
  const moneyIndex = new Map<Figure, number>();
  money.forEach((m, i) => moneyIndex.set(m, i));
  figures.forEach((fig, index) => {
    if (fig.kind !== 'money') return;
    const own = moneyIndex.get(fig)!;
    const partner = fig.sameAmountAs ?? (fig.range?.role === 'high' ? fig.range.other : undefined);
    if (partner === undefined || partner >= own) return;
    const from = out[figures.indexOf(money[partner]!)];
    if (!from) return;
    const a = out[index]!;
    a.companyId = from.companyId;
    a.metric = from.metric;
    a.confidence = from.confidence;
    if (from.perYear) a.perYear = from.perYear;
    else delete a.perYear;
  });
  return out;
}
