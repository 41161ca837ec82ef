import { MappingError } from "../errors/mapping-error";
import { type DateFields, normalizeDateFields } from "./date-fields";

type Field = "y" | "M" | "d" | "H" | "m" | "s" | "ms";
type Segment =
  | { kind: "literal"; text: string }
  | {
      kind: "number";
      field: Field;
      width: number;
      fixed: boolean;
      scale?: number;
      twelve?: boolean;
      yy?: boolean;
    }
  | { kind: "ampm" }
  | { kind: "offset"; z: boolean };

const numberTokens: Record<string, Omit<Extract<Segment, { kind: "number" }>, "kind">> = {
  yyyy: { field: "y", width: 4, fixed: true },
  yy: { field: "y", width: 2, fixed: true, yy: true },
  MM: { field: "M", width: 2, fixed: true },
  M: { field: "M", width: 1, fixed: false },
  dd: { field: "d", width: 2, fixed: true },
  d: { field: "d", width: 1, fixed: false },
  HH: { field: "H", width: 2, fixed: true },
  H: { field: "H", width: 1, fixed: false },
  hh: { field: "H", width: 2, fixed: true, twelve: true },
  h: { field: "H", width: 1, fixed: false, twelve: true },
  mm: { field: "m", width: 2, fixed: true },
  m: { field: "m", width: 1, fixed: false },
  ss: { field: "s", width: 2, fixed: true },
  s: { field: "s", width: 1, fixed: false },
  fff: { field: "ms", width: 3, fixed: true, scale: 1 },
  ff: { field: "ms", width: 2, fixed: true, scale: 10 },
  f: { field: "ms", width: 1, fixed: true, scale: 100 },
};

/** A compiled date pattern: formats fields to text and parses text into fields. */
export interface DateFormat {
  format(fields: DateFields): string;
  parse(text: string, out: DateFields): boolean;
}

function tokenize(pattern: string): Segment[] {
  const segments: Segment[] = [];
  const literal = (text: string) => segments.push({ kind: "literal", text });
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw badFormat(`unterminated quote at ${i}`);
      literal(pattern.slice(i + 1, end));
      i = end + 1;
    } else if (c === "\\") {
      literal(pattern[i + 1] ?? "");
      i += 2;
    } else if (/[A-Za-z]/.test(c) && c !== "T" && c !== "Z") {
      let j = i;
      while (pattern[j] === c) j++;
      const run = pattern.slice(i, j);
      const spec = numberTokens[run];
      if (spec !== undefined) segments.push({ kind: "number", ...spec });
      else if (run === "tt") segments.push({ kind: "ampm" });
      else if (run === "K" || run === "zzz") segments.push({ kind: "offset", z: run === "K" });
      else throw badFormat(`unknown token ${JSON.stringify(run)} at ${i} (quote literal text with '...')`);
      i = j;
    } else {
      literal(c);
      i++;
    }
  }
  return segments;
}

function badFormat(message: string): MappingError {
  return new MappingError("MAPPING_BAD_DATE_FORMAT", `Date format: ${message}`);
}

const twoDigits = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
const pad = (n: number, width: number) =>
  width === 2 && n >= 0 && n < 100
    ? twoDigits[n]!
    : width === 4 && n >= 1000 && n <= 9999
      ? String(n)
      : String(n).padStart(width, "0");

type Formatter = (f: DateFields) => string;

/** The fields written as exactly two digits (`MM`, `dd`, `HH`, `mm`, `ss`). */
type TwoDigitField = "M" | "d" | "H" | "m" | "s";

/**
 * A two-digit field, formatted by table lookup once the literal that follows it in the pattern is known and
 * folded into its texts (`"07."`), so formatting it allocates nothing.
 */
interface TableField {
  field: TwoDigitField;
}

const isTableField = (part: Formatter | string | TableField): part is TableField => typeof part === "object";

/** Four-digit years as text, each made once, so formatting a year converts no number to text. */
const yearTexts: string[] = Array.from({ length: 10_000 }, () => "");
const fourDigitYear = (n: number): string => {
  if (!(n >= 1000 && n <= 9999)) return String(n).padStart(4, "0");
  let text = yearTexts[n] as string;
  if (text === "") {
    text = String(n);
    yearTexts[n] = text;
  }
  return text;
};

function segmentFormatter(seg: Segment): Formatter | string | TableField {
  if (seg.kind === "literal") return seg.text;
  if (seg.kind === "ampm") return (f) => (f.H < 12 ? "AM" : "PM");
  if (seg.kind === "offset") return seg.z ? "Z" : "+00:00";
  const { field, width, twelve, yy, scale } = seg;
  if (!twelve && !yy && scale === undefined) {
    if (width === 2 && field !== "y" && field !== "ms") return { field };
    if (width === 4 && field === "y") return (f) => fourDigitYear(f.y);
    return width === 1 ? (f) => String(f[field]) : (f) => pad(f[field], width);
  }
  return (f) => {
    let n = f[field];
    if (twelve) n = n % 12 || 12;
    if (yy) n %= 100;
    if (scale !== undefined) n = Math.floor(n / scale);
    return width === 1 ? String(n) : pad(n, width);
  };
}

/**
 * The formatter of a two-digit field followed by `literal`: a table of its 100 texts. One function per field,
 * so each reads its property at a site that only ever sees that property.
 */
function tableFormatter(field: TwoDigitField, literal: string): Formatter {
  const texts = twoDigits.map((t) => t + literal);
  const other = (n: number) => pad(n, 2) + literal;
  switch (field) {
    case "M":
      return (f) => texts[f.M] ?? other(f.M);
    case "d":
      return (f) => texts[f.d] ?? other(f.d);
    case "H":
      return (f) => texts[f.H] ?? other(f.H);
    case "m":
      return (f) => texts[f.m] ?? other(f.m);
    case "s":
      return (f) => texts[f.s] ?? other(f.s);
  }
}

/**
 * One formatter for a whole pattern: adjacent literals merged and folded into the two-digit field before them,
 * each field formatter followed by the literal after it (`dd.MM.yyyy` is `d(f) + (M(f) + y(f))` with `d` and
 * `M` looked up as `"07."`), so every call site has one target.
 */
function joinFormatters(parts: ReadonlyArray<Formatter | string | TableField>): Formatter {
  const merged: Array<Formatter | string> = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Formatter | string | TableField;
    if (isTableField(part)) {
      let literal = "";
      while (typeof parts[i + 1] === "string") literal += parts[++i] as string;
      merged.push(tableFormatter(part.field, literal));
      continue;
    }
    const last = merged.at(-1);
    if (typeof part === "string" && typeof last === "string") merged[merged.length - 1] = last + part;
    else if (part !== "") merged.push(part);
  }
  return joinMerged(merged);
}

function joinMerged(parts: ReadonlyArray<Formatter | string>): Formatter {
  // field formatters only (literals folded into tables), as in `dd.MM.yyyy`: one flat concatenation
  if (parts.length <= 3 && parts.every((p) => typeof p === "function")) {
    const [a, b, c] = parts as Formatter[];
    if (a && b && c) return (f) => a(f) + b(f) + c(f);
    if (a && b) return (f) => a(f) + b(f);
  }
  const [head, next, ...rest] = parts;
  if (head === undefined) return () => "";
  if (typeof head === "string") {
    if (next === undefined) return () => head;
    const tail = joinMerged(parts.slice(1));
    return (f) => head + tail(f);
  }
  if (next === undefined) return head;
  if (typeof next === "string") {
    if (rest.length === 0) return (f) => head(f) + next;
    const tail = joinMerged(rest);
    return (f) => head(f) + next + tail(f);
  }
  const tail = joinMerged(parts.slice(1));
  return (f) => head(f) + tail(f);
}

function parseSegments(segments: Segment[], text: string, out: DateFields): boolean {
  out.y = 1970;
  out.M = out.d = 1;
  out.H = out.m = out.s = out.ms = out.offset = 0;
  let pm: boolean | undefined;
  let i = 0;
  for (const seg of segments) {
    if (seg.kind === "literal") {
      if (!text.startsWith(seg.text, i)) return false;
      i += seg.text.length;
    } else if (seg.kind === "ampm") {
      const t = text.slice(i, i + 2).toUpperCase();
      if (t !== "AM" && t !== "PM") return false;
      pm = t === "PM";
      i += 2;
    } else if (seg.kind === "offset") {
      if (text[i] === "Z") {
        i++;
        continue;
      }
      const m = /^([+-])(\d\d):?(\d\d)/.exec(text.slice(i, i + 6));
      if (m === null) return false;
      out.offset = (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
      i += m[0].length;
    } else {
      let n = 0;
      let len = 0;
      const max = seg.fixed ? seg.width : 2;
      while (len < max) {
        const c = text.charCodeAt(i + len) - 48;
        if (!(c >= 0 && c <= 9)) break;
        n = n * 10 + c;
        len++;
      }
      if (len === 0 || (seg.fixed && len < seg.width)) return false;
      i += len;
      if (seg.yy) n += 2000;
      if (seg.scale !== undefined) n *= seg.scale;
      if (seg.twelve && (n < 1 || n > 12)) return false;
      out[seg.field] = n;
    }
  }
  if (i !== text.length) return false;
  if (pm !== undefined) out.H = (out.H % 12) + (pm ? 12 : 0);
  return normalizeDateFields(out);
}

/**
 * Compiles an explicit-token date pattern (`yyyy-MM-dd'T'HH:mm:ss`, `dd.MM.yyyy`, `yyyyMMddHHmmss.fZ`).
 * Tokens: yyyy yy MM M dd d HH H hh h mm m ss s fff ff f tt K zzz; `T`, `Z` and non-letters are literal;
 * `'...'` and `\x` quote literals. All times are UTC.
 *
 * @throws {MappingError} `MAPPING_BAD_DATE_FORMAT` for an unknown token (such as `YYYY`).
 */
export function compileDateFormat(pattern: string): DateFormat {
  const segments = tokenize(pattern);
  return {
    format: joinFormatters(segments.map(segmentFormatter)),
    parse: (text, out) => parseSegments(segments, text, out),
  };
}
