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
  if (n === 20 || n === 10) {
    const fixed = parseFixedIsoDate(text, n, out);
    if (fixed !== undefined) return fixed;
  }
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

/** Whether a char code minus 48 is not a digit; one comparison (negatives wrap to huge). Never NaN here. */
const notDigit = (x: number): boolean => x >>> 0 > 9;

/**
 * The two shapes nearly every API sends, `YYYY-MM-DD` and `YYYY-MM-DDTHH:mm:ssZ` (Graph's timestamps), read
 * at fixed positions in one pass. `undefined` when a separator differs (the general parser then decides);
 * otherwise the same answer as the general parser.
 */
function parseFixedIsoDate(text: string, n: number, out: DateFields): boolean | undefined {
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
  if (n === 20) {
    const separators =
      text.charCodeAt(10) === T &&
      text.charCodeAt(13) === COLON &&
      text.charCodeAt(16) === COLON &&
      text.charCodeAt(19) === Z;
    if (!separators) return undefined;
  }
  const y0 = text.charCodeAt(0) - 48;
  const y1 = text.charCodeAt(1) - 48;
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const M0 = text.charCodeAt(5) - 48;
  const M1 = text.charCodeAt(6) - 48;
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  if (notDigit(y0) || notDigit(y1) || notDigit(y2) || notDigit(y3)) return false;
  if (notDigit(M0) || notDigit(M1) || notDigit(d0) || notDigit(d1)) return false;
  out.y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  out.M = M0 * 10 + M1;
  out.d = d0 * 10 + d1;
  out.H = out.m = out.s = out.ms = out.offset = 0;
  if (n === 20) {
    const H0 = text.charCodeAt(11) - 48;
    const H1 = text.charCodeAt(12) - 48;
    const m0 = text.charCodeAt(14) - 48;
    const m1 = text.charCodeAt(15) - 48;
    const s0 = text.charCodeAt(17) - 48;
    const s1 = text.charCodeAt(18) - 48;
    if (notDigit(H0) || notDigit(H1) || notDigit(m0) || notDigit(m1) || notDigit(s0) || notDigit(s1)) {
      return false;
    }
    out.H = H0 * 10 + H1;
    out.m = m0 * 10 + m1;
    out.s = s0 * 10 + s1;
  }
  return normalizeDateFields(out);
}
