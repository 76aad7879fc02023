/**
 * Fiscal periods in a company's own terms (`FY2025`, `FY2025-Q3`, `FY2025-H1`) and the calendar dates they
 * should end on, given the company's usual fiscal-year end and how it labels its years.
 *
 * Many companies close their books on a weekday rule (Apple: last Saturday of September; Nvidia: last
 * Sunday of January), so a real period end drifts a few days around the usual date; callers compare
 * with a tolerance (`PERIOD_END_TOLERANCE_DAYS`).
 */

export type PeriodKind = 'year' | 'quarter' | 'half';

export interface FiscalPeriod {
  /** The fiscal year's label: 2025 for `FY2025-Q3`. */
  year: number;
  kind: PeriodKind;
  /** 1-4 for quarters, 1-2 for halves, 4 (the whole year ends with the fourth quarter) for years. */
  index: number;
}

export interface FiscalCalendar {
  /** `MM-DD` of the usual fiscal-year end. */
  fiscalYearEnd: string;
  /** Whether `FY2025` is the year that ends in 2025 (`end`) or starts in 2025 (`start`). */
  fiscalYearLabel: 'end' | 'start';
}

/** 52/53-week fiscal calendars move a period end by up to six days around its usual date. */
export const PERIOD_END_TOLERANCE_DAYS = 7;

const PERIOD_PATTERN = /^FY(\d{4})(?:-(Q[1-4]|H[12]))?$/;

export function parsePeriod(period: string): FiscalPeriod | null {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const part = match[2];
  if (!part) return { year, kind: 'year', index: 4 };
  const index = Number(part.slice(1));
  return part.startsWith('Q') ? { year, kind: 'quarter', index } : { year, kind: 'half', index };
}

export function formatPeriod(period: FiscalPeriod): string {
  if (period.kind === 'year') return `FY${period.year}`;
  return `FY${period.year}-${period.kind === 'quarter' ? 'Q' : 'H'}${period.index}`;
}

/** The same period one fiscal year earlier: the base of a year-over-year comparison. */
export function yearEarlier(period: string): string | null {
  const parsed = parsePeriod(period);
  return parsed ? formatPeriod({ ...parsed, year: parsed.year - 1 }) : null;
}

/** Parses `MM-DD`; null when it is not a real day of a (leap) year. */
export function parseMonthDay(monthDay: string): { month: number; day: number } | null {
  const match = /^(\d{2})-(\d{2})$/.exec(monthDay);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) return null;
  return { month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/**
 * The usual last day of `period` under `calendar`, as an ISO date; null when the period or the
 * calendar cannot be read. Quarters and halves are counted back from the year end in whole months;
 * a year end on the last day of its month keeps quarters on month ends (31 May -> 31 Aug, 30 Nov,
 * 28/29 Feb).
 */
export function expectedPeriodEnd(period: string, calendar: FiscalCalendar): string | null {
  const parsed = parsePeriod(period);
  const yearEnd = parseMonthDay(calendar.fiscalYearEnd);
  if (!parsed || !yearEnd) return null;
  // The calendar year in which the labelled fiscal year ends. A year labelled by its start only differs
  // when the year does not end on 31 December.
  const endsInNextYear = calendar.fiscalYearLabel === 'start' && !(yearEnd.month === 12 && yearEnd.day === 31);
  const endYear = parsed.year + (endsInNextYear ? 1 : 0);
  const quartersBeforeEnd = parsed.kind === 'year' ? 0 : parsed.kind === 'quarter' ? 4 - parsed.index : (2 - parsed.index) * 2;
  const monthsBack = quartersBeforeEnd * 3;
  let month = yearEnd.month - monthsBack;
  let year = endYear;
  while (month < 1) {
    month += 12;
    year -= 1;
  }
  const monthEnd = yearEnd.day === daysInMonth(endYear, yearEnd.month) || (yearEnd.month === 2 && yearEnd.day >= 28);
  const day = monthEnd ? daysInMonth(year, month) : Math.min(yearEnd.day, daysInMonth(year, month));
  return isoDate(year, month, day);
}

/** Whole days from `a` to `b` (ISO dates): positive when `b` is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
