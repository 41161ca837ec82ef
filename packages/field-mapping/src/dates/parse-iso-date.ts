import { type DateFields, normalizeDateFields } from "./date-fields";

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
  if (n < 10 || text[4] !== "-" || text[7] !== "-") return false;
  out.y = digits(text, 0, 4);
  out.M = digits(text, 5, 2);
  out.d = digits(text, 8, 2);
  out.H = out.m = out.s = out.ms = out.offset = 0;
  if (out.y < 0 || out.M < 0 || out.d < 0) return false;
  let i = 10;
  if (i < n && (text[i] === "T" || text[i] === " ")) {
    out.H = digits(text, i + 1, 2);
    out.m = text[i + 3] === ":" ? digits(text, i + 4, 2) : -1;
    if (out.H < 0 || out.m < 0) return false;
    i += 6;
    if (text[i] === ":") {
      out.s = digits(text, i + 1, 2);
      if (out.s < 0) return false;
      i += 3;
      if (text[i] === "." || text[i] === ",") {
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
    const sign = text[i];
    if (sign === "Z" && i + 1 === n) i++;
    else if (sign === "+" || sign === "-") {
      const colon = text[i + 3] === ":" ? 1 : 0;
      const hh = digits(text, i + 1, 2);
      const mm = digits(text, i + 3 + colon, 2);
      if (hh < 0 || mm < 0 || i + 5 + colon !== n) return false;
      out.offset = (sign === "-" ? -1 : 1) * (hh * 60 + mm);
      i = n;
    } else return false;
  }
  return normalizeDateFields(out);
}
