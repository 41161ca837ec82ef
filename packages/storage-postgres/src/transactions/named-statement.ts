import { createHash } from "node:crypto";
import type { QueryConfig } from "pg";

const names = new Map<string, string>();
/** Statement texts whose names are kept; a page has a handful of shapes, so this is never reached in practice. */
const MAX_NAMES = 1_000;

/**
 * A named statement for `text`, named after a hash of it: `pg` prepares it once per connection, and PostgreSQL
 * parses it once and, after a few runs, plans it once (a generic plan) instead of on every page. A page's head
 * has several data-modifying CTEs over arrays of a thousand values, and planning it each time cost a few
 * milliseconds of the server's time per page.
 */
export function namedStatement(text: string, values: ReadonlyArray<unknown>): QueryConfig {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `uslimato_${createHash("sha256").update(text).digest("base64url").slice(0, 32)}`;
    names.set(text, name);
  }
  return { name, text, values: [...values] };
}
