import { compileDateFormat, type DateFormat } from "../../dates/compile-date-format";
import { createDateFields, dateToFields, fieldsToDate } from "../../dates/date-fields";
import { parseIsoDate } from "../../dates/parse-iso-date";
import { DYNAMIC, type FunctionDefinition } from "../function-definition";
import { functionFailure, isNull, kindOf, toInteger, toText } from "../value-kind";

const scratch = createDateFields();
const formatCache = new Map<string, DateFormat>();

function format(pattern: string): DateFormat {
  let compiled = formatCache.get(pattern);
  if (compiled === undefined) {
    compiled = compileDateFormat(pattern);
    if (formatCache.size > 256) formatCache.clear();
    formatCache.set(pattern, compiled);
  }
  return compiled;
}

/** CDate semantics: Dates as is, ISO 8601 text, numbers as epoch milliseconds; null stays null. */
function toDate(fn: string, value: unknown): Date | null {
  if (isNull(value)) return null;
  const date =
    value instanceof Date
      ? value
      : typeof value === "number"
        ? new Date(value)
        : typeof value === "string" && parseIsoDate(value, scratch)
          ? fieldsToDate(scratch)
          : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw functionFailure(
      fn,
      "MAPPING_TYPE_ERROR",
      `expected a date (ISO 8601), got ${kindOf(value)}`,
      value,
    );
  }
  return date;
}

function formatDateTime(source: unknown, input: DateFormat | null, output: DateFormat): string | null {
  if (isNull(source) || source === "") return null;
  if (typeof source === "string") {
    const ok = input === null ? parseIsoDate(source, scratch) : input.parse(source, scratch);
    if (!ok)
      throw functionFailure(
        "FormatDateTime",
        "MAPPING_FUNCTION_ERROR",
        "source does not match the input format",
        source,
      );
    return output.format(scratch);
  }
  const date = toDate("FormatDateTime", source);
  return date === null ? null : output.format(dateToFields(date, scratch));
}

const inputFormat = (value: unknown) => {
  const text = toText("FormatDateTime", value);
  return text === null || text === "" ? null : format(text);
};

const units: Record<string, number> = { d: 864e5, y: 864e5, w: 864e5, ww: 6048e5, h: 36e5, n: 6e4, s: 1e3 };
const months: Record<string, number> = { yyyy: 12, q: 3, m: 1 };

function interval(fn: string, value: unknown): string {
  const text = toText(fn, value);
  if (text === null || (!(text in units) && !(text in months))) {
    throw functionFailure(
      fn,
      "MAPPING_FUNCTION_ERROR",
      "interval must be yyyy, q, m, d, y, w, ww, h, n or s",
      value,
    );
  }
  return text;
}

/** Built-ins for dates. Every date is handled in UTC; formats use explicit tokens. */
export const dateFunctions: Record<string, FunctionDefinition> = {
  CDate: {
    arity: [1, 1],
    doc: "Converts ISO 8601 text or epoch milliseconds to a date.",
    nulls: "null in, null out",
    fn: (value) => toDate("CDate", value),
  },
  Now: {
    arity: [0, 0],
    pure: false,
    doc: "The current time from the clock injected into compileMapping.",
    fn: () => new Date(),
    specialize:
      ({ clock }) =>
      () =>
        clock(),
  },
  FormatDateTime: {
    arity: [3, 4],
    doc: "FormatDateTime(source, [dateTimeStyle], inputFormat, outputFormat): re-formats a date; an empty inputFormat reads ISO 8601 (dateTimeStyle is accepted and ignored).",
    nulls: 'null or "" source gives null',
    fn: (...args) => {
      const [source, input, output] = args.length === 4 ? [args[0], args[2], args[3]] : args;
      const out = toText("FormatDateTime", output);
      if (out === null)
        throw functionFailure("FormatDateTime", "MAPPING_BAD_DATE_FORMAT", "output format is null", output);
      return formatDateTime(source, inputFormat(input), format(out));
    },
    specialize: ({ constants }) => {
      const [input, output] =
        constants.length === 4 ? [constants[2], constants[3]] : [constants[1], constants[2]];
      if (input === DYNAMIC || typeof output !== "string") return undefined;
      const inFormat = inputFormat(input);
      const outFormat = compileDateFormat(output);
      return (source) => formatDateTime(source, inFormat, outFormat);
    },
  },
  DateAdd: {
    arity: [3, 3],
    doc: "DateAdd(interval, amount, date): adds whole intervals (yyyy, q, m, d, y, w, ww, h, n, s).",
    nulls: "null amount or date gives null",
    fn: (unit, amount, value) => {
      const key = interval("DateAdd", unit);
      const date = toDate("DateAdd", value);
      if (date === null || isNull(amount)) return null;
      const n = toInteger("DateAdd", amount);
      const result = new Date(date.getTime());
      const perMonth = months[key];
      if (perMonth !== undefined) result.setUTCMonth(result.getUTCMonth() + n * perMonth);
      else result.setTime(result.getTime() + n * units[key]!);
      return result;
    },
  },
  DateDiff: {
    arity: [3, 3],
    doc: "DateDiff(interval, date1, date2): whole intervals from date1 to date2 (negative when date2 is earlier).",
    nulls: "null dates give null",
    fn: (unit, first, second) => {
      const key = interval("DateDiff", unit);
      const a = toDate("DateDiff", first);
      const b = toDate("DateDiff", second);
      if (a === null || b === null) return null;
      const perMonth = months[key];
      if (perMonth === undefined) return Math.trunc((b.getTime() - a.getTime()) / units[key]!);
      const total = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
      return Math.trunc(total / perMonth);
    },
  },
};
