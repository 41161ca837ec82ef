import { type DateFields, normalizeDateFields } from "./date-fields";

const DASH = 45;
const COLON = 58;
const T = 84;
const SPACE = 32;
const DOT = 46;
const COMMA = 44;
const Z = 90;
const PLUS = 43;

function digits(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Parses ISO 8601 `YYYY-MM-DD[THH:mm[:ss[.fff...]]][Z|±hh:mm]` into `out` without allocating.
 * A missing offset means UTC. Returns false for anything else, including impossible dates.
 */
export function parseIsoDate(text: string, out: DateFields): boolean {
  const n = text.length;
  if (n < 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return false;
  out.y = digits(text, 0, 4);
  out.M = digits(text, 5, 2);
  out.d = digits(text, 8, 2);
  out.H = out.m = out.s = out.ms = out.offset = 0;
  if (out.y < 0 || out.M < 0 || out.d < 0) return false;
  let i = 10;
  const t = text.charCodeAt(i);
  if (i < n && (t === T || t === SPACE)) {
    out.H = digits(text, i + 1, 2);
    out.m = text.charCodeAt(i + 3) === COLON ? digits(text, i + 4, 2) : -1;
    if (out.H < 0 || out.m < 0) return false;
    i += 6;
    if (text.charCodeAt(i) === COLON) {
      out.s = digits(text, i + 1, 2);
      if (out.s < 0) return false;
      i += 3;
      const point = text.charCodeAt(i);
      if (point === DOT || point === COMMA) {
        let scale = 100;
        i++;
        const start = i;
        for (let c = text.charCodeAt(i) - 48; c >= 0 && c <= 9; c = text.charCodeAt(++i) - 48) {
          out.ms += c * scale;
          scale /= 10;
        }
        if (i === start) return false;
        out.ms = Math.floor(out.ms);
      }
    }
  }
  if (i < n) {
    const sign = text.charCodeAt(i);
    if (sign === Z && i + 1 === n) i++;
    else if (sign === PLUS || sign === DASH) {
      const colon = text.charCodeAt(i + 3) === COLON ? 1 : 0;
      const hh = digits(text, i + 1, 2);
      const mm = digits(text, i + 3 + colon, 2);
      if (hh < 0 || mm < 0 || i + 5 + colon !== n) return false;
      out.offset = (sign === DASH ? -1 : 1) * (hh * 60 + mm);
      i = n;
    } else return false;
  }
  return normalizeDateFields(out);
}
