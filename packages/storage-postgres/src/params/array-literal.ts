const QUOTE_OR_BACKSLASH = /["\\]/;
const QUOTES_AND_BACKSLASHES = /["\\]/g;

/**
 * A PostgreSQL array literal of text values (`{"a","b\"c",NULL}`), for a `$n::text[]` parameter. The same literal
 * `pg` builds from a JS array, built in one pass: every element quoted, `"` and `\` escaped only where present,
 * `null` as `NULL`. A page sends up to a thousand values per array, several arrays per page: when no value is null
 * or needs escaping (ids, emails, most names), the literal is one `join`, a flat string `pg` writes as it is.
 */
export function textArray(values: ReadonlyArray<string | null>): string {
  if (values.length === 0) return "{}";
  let plain = true;
  for (let i = 0; i < values.length && plain; i++) {
    const value = values[i];
    plain = value !== null && value !== undefined && !value.includes('"') && !value.includes("\\");
  }
  if (plain) return `{"${values.join('","')}"}`;
  let literal = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) literal += ",";
    const value = values[i];
    if (value === null || value === undefined) literal += "NULL";
    else if (QUOTE_OR_BACKSLASH.test(value)) literal += `"${value.replace(QUOTES_AND_BACKSLASHES, "\\$&")}"`;
    else literal += `"${value}"`;
  }
  return `${literal}}`;
}

/** A PostgreSQL array literal of booleans (`{t,f,NULL}`), for a `$n::boolean[]` parameter. */
export function booleanArray(values: ReadonlyArray<boolean | null>): string {
  let literal = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) literal += ",";
    const value = values[i];
    literal += value === null || value === undefined ? "NULL" : value ? "t" : "f";
  }
  return `${literal}}`;
}
