/** A calendar instant in UTC, split into fields; reused as scratch space to avoid allocations. */
export interface DateFields {
  y: number;
  M: number;
  d: number;
  H: number;
  m: number;
  s: number;
  ms: number;
  /** Offset from UTC in minutes found while parsing; applied by {@link normalizeDateFields}. */
  offset: number;
}

/** A fresh fields object at 1970-01-01T00:00:00Z. */
export function createDateFields(): DateFields {
  return { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0, ms: 0, offset: 0 };
}

/** Fills `out` from a Date (UTC). */
export function dateToFields(date: Date, out: DateFields): DateFields {
  out.y = date.getUTCFullYear();
  out.M = date.getUTCMonth() + 1;
  out.d = date.getUTCDate();
  out.H = date.getUTCHours();
  out.m = date.getUTCMinutes();
  out.s = date.getUTCSeconds();
  out.ms = date.getUTCMilliseconds();
  out.offset = 0;
  return out;
}

/** The Date the fields describe. */
export function fieldsToDate(f: DateFields): Date {
  const date = new Date(Date.UTC(f.y, f.M - 1, f.d, f.H, f.m - f.offset, f.s, f.ms));
  if (f.y >= 0 && f.y < 100) date.setUTCFullYear(f.y);
  return date;
}

const isLeapYear = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Checks ranges (month, day of month, hour, ...) and folds a parsed UTC offset into the fields. */
export function normalizeDateFields(f: DateFields): boolean {
  if (f.M < 1 || f.M > 12 || f.d < 1 || f.H > 23 || f.m > 59 || f.s > 59) return false;
  // the leap-year rule is only needed for 29 February
  if (f.d > daysIn[f.M - 1]! && !(f.M === 2 && f.d === 29 && isLeapYear(f.y))) return false;
  if (f.offset !== 0) dateToFields(fieldsToDate(f), f);
  return true;
}
