/** A closed range of ISO dates (`YYYY-MM-DD`), which compare correctly as strings. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The days a published date of birth may mean: `10 Dec 1948` one day, `Dec 1948` a month, `1948` a
 * year, `1963 to 1965` a span, `circa 1951` 1950 to 1952. Undefined for anything else.
 */
export function listedBirthRange(text: string): DateRange | undefined {
  const circa = /^circa\s+/i.test(text);
  const body = text.replace(/^circa\s+/i, '').trim();
  const [start, end, extra] = body.split(/\s+to\s+/i);
  if (start === undefined || extra !== undefined) return undefined;
  const first = publishedDay(start);
  const last = publishedDay(end ?? start);
  if (first === undefined || last === undefined || first.from > last.to) return undefined;
  return circa ? { from: shiftYear(first.from, -1), to: shiftYear(last.to, 1) } : { from: first.from, to: last.to };
}

/** The days a subject's `YYYY-MM-DD`, `YYYY-MM` or `YYYY` covers, or undefined. */
export function subjectBirthRange(text: string): DateRange | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (match?.[1] === undefined) return undefined;
  return dayRange(match[1], match[2] === undefined ? undefined : Number(match[2]), match[3] === undefined ? undefined : Number(match[3]));
}

/** Whether two ranges share a day. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

function publishedDay(text: string): DateRange | undefined {
  const parts = text.trim().split(/\s+/);
  const year = parts.at(-1);
  if (year === undefined || !/^\d{4}$/.test(year) || parts.length > 3) return undefined;
  if (parts.length === 1) return dayRange(year);
  const month = MONTHS.indexOf(parts.at(-2)?.toLowerCase() ?? '') + 1;
  if (month === 0) return undefined;
  if (parts.length === 2) return dayRange(year, month);
  return /^\d{1,2}$/.test(parts[0] ?? '') ? dayRange(year, month, Number(parts[0])) : undefined;
}

function dayRange(year: string, month?: number, day?: number): DateRange | undefined {
  if (month === undefined) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const days = DAYS_IN_MONTH[month - 1];
  if (days === undefined) return undefined;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${lastDay(Number(year), month)}` };
  if (day < 1 || day > days) return undefined;
  const date = `${year}-${mm}-${String(day).padStart(2, '0')}`;
  return { from: date, to: date };
}

function lastDay(year: number, month: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? '29' : '28') : String(DAYS_IN_MONTH[month - 1]);
}

function shiftYear(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}
