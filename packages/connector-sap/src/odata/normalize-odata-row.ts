import { parseODataDate, parseODataDuration } from "./parse-odata-date";

/** A row with OData's envelope removed and its values in plain JSON: ISO dates, `HH:MM:SS` times, exact decimals. */
export type ODataRow = Record<string, unknown>;

const SLASH = 47;
const P = 80;

function normalizeValue(value: unknown): unknown {
  if (typeof value === "string") {
    // Most strings are neither: one character decides before any prefix test or regular expression.
    const first = value.charCodeAt(0);
    if (first === SLASH && value.startsWith("/Date(")) return parseODataDate(value) ?? value;
    if (first === P && (value.startsWith("PT") || /^P\d+DT/.test(value)))
      return parseODataDuration(value) ?? value;
    return value;
  }
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value !== null && typeof value === "object") {
    const object = value as Record<string, unknown>;
    if ("__deferred" in object) return undefined;
    if (Array.isArray(object.results)) return object.results.map(normalizeValue);
    return normalizeODataRow(object);
  }
  return value;
}

/**
 * One row of a v2 or v4 response as plain JSON: `__metadata`, deferred navigations and `@odata.*` annotations
 * dropped, v2 `/Date()/` values as ISO instants and `Edm.Time` durations as `HH:MM:SS`, expanded v2
 * `{results: [...]}` as arrays. Decimals stay as the strings the service sent (v2, and v4 with
 * `IEEE754Compatible=true`), so no digit is lost.
 */
export function normalizeODataRow(row: Record<string, unknown>): ODataRow {
  // A flat row (no nested value, no annotation, nothing inherited: nearly every row) is copied in one step and only
  // its dates and durations are rewritten; a key-by-key copy of a wide row cost three times its JSON.parse.
  // A v2 row read without `$select` also carries a deferred link per navigation (`to_Partner: {__deferred}`): with
  // one or two, the row stays on this path and is copied once more per link, without it (a rest copy; `delete`
  // would turn the row into a slow dictionary object for everything downstream).
  const { __metadata: _metadata, ...out } = row;
  let deferred: string[] | undefined;
  for (const name in out) {
    if (name.includes("@") || name === "__proto__" || !Object.hasOwn(out, name)) return normalizeByKey(row);
    const value = out[name];
    if (typeof value === "string") {
      const first = value.charCodeAt(0);
      if (first === SLASH || first === P) out[name] = normalizeValue(value);
    } else if (value !== null && typeof value === "object") {
      if (Array.isArray(value) || !("__deferred" in value)) return normalizeByKey(row);
      deferred ??= [];
      deferred.push(name);
    }
  }
  if (deferred === undefined) return out;
  if (deferred.length > 2) return normalizeByKey(row);
  let linkless = out;
  for (const name of deferred) {
    const { [name]: _link, ...rest } = linkless;
    linkless = rest;
  }
  return linkless;
}

/** The key-by-key form of {@link normalizeODataRow}, for rows with nested values or annotations. */
function normalizeByKey(row: Record<string, unknown>): ODataRow {
  const out: ODataRow = {};
  for (const name in row) {
    if (!Object.hasOwn(row, name) || name === "__metadata" || name.includes("@odata.")) continue;
    const normalized = normalizeValue(row[name]);
    if (normalized !== undefined) out[name] = normalized;
  }
  return out;
}
