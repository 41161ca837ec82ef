import { compareSapValues, type SapValue } from "./compare-sap-values";
import { type KeyLowerBound, satisfiesBound } from "./key-lower-bound";
import type { SapQuery } from "./read-sap-query";
import type { SapEntitySet, SapRow } from "./sap-entity-set";

/** Where a page starts: a row offset into the result (numeric skiptoken) or after a sort tuple (cursor). */
export type SapPosition =
  | { kind: "offset"; offset: number }
  | { kind: "cursor"; after: SapValue[]; delivered: number };

/** One page of a listing. */
export interface SapPage {
  rows: SapRow[];
  /** Whether rows remain within `$top` after this page. */
  more: boolean;
  /** Matches of the filter, when `$count` / `$inlinecount` asked for it. */
  count?: number;
  /** The sort tuple of the last row (for a cursor). */
  last?: SapValue[];
}

/** The sort columns: `$orderby`, then the keys for a total order. */
function sortColumns(set: SapEntitySet, query: SapQuery): Array<{ property: string; desc: boolean }> {
  const columns = [...query.order];
  for (const key of set.keys)
    if (!columns.some((c) => c.property === key)) columns.push({ property: key, desc: false });
  return columns;
}

function compareRows(columns: ReturnType<typeof sortColumns>, a: SapRow, b: SapRow): number {
  for (const { property, desc } of columns) {
    const c = compareSapValues(a[property], b[property]);
    if (c !== 0) return desc ? -c : c;
  }
  return 0;
}

function compareToTuple(columns: ReturnType<typeof sortColumns>, row: SapRow, tuple: SapValue[]): number {
  for (let i = 0; i < columns.length; i++) {
    const { property, desc } = columns[i] as { property: string; desc: boolean };
    const c = compareSapValues(row[property], tuple[i] ?? null);
    if (c !== 0) return desc ? -c : c;
  }
  return 0;
}

/** The first unit that may hold a row at or above the bound (units are in key order). */
function seek(set: SapEntitySet, bound: KeyLowerBound): number {
  const atOrAbove = (unit: number): boolean => {
    for (let u = unit; u < set.count(); u++) {
      const rows = set.rows(u);
      const last = rows[rows.length - 1];
      if (last) return satisfiesBound(last, set.keys, bound);
    }
    return true;
  };
  let lo = 0;
  let hi = set.count();
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (atOrAbove(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Lists one page of an entity set under a query. In key order (no `$orderby`, or one that is a prefix of the
 * keys, ascending) it scans units from the filter's key bound; any other order sorts all matches. An offset
 * position skips that many matching rows of the current data, so rows inserted or deleted before it since the
 * previous page shift the page (rows repeated or skipped), as numeric skiptokens do on SAP.
 */
export function listSapRows(
  set: SapEntitySet,
  query: SapQuery,
  position: SapPosition,
  pageSize: number,
): SapPage {
  const columns = sortColumns(set, query);
  const keyOrder = columns.every((c, i) => !c.desc && c.property === set.keys[i]);
  const delivered = position.kind === "offset" ? position.offset : position.delivered;
  const limit = query.top === undefined ? Number.POSITIVE_INFINITY : query.top - delivered;
  const size = Math.max(0, Math.min(pageSize, limit));
  let toSkip = position.kind === "offset" ? query.skip + position.offset : delivered === 0 ? query.skip : 0;
  const after = position.kind === "cursor" && position.after.length > 0 ? position.after : undefined;
  const accept = (row: SapRow): boolean =>
    query.predicate(row) && (!after || compareToTuple(columns, row, after) > 0);
  const rows: SapRow[] = [];
  let more = false;
  let count: number | undefined;
  if (keyOrder) {
    const bounds = [query.bound, after ? { values: after, strict: true } : undefined].filter(
      (b): b is KeyLowerBound => !!b,
    );
    const start = bounds.reduce((s, b) => Math.max(s, seek(set, b)), 0);
    const total = set.count();
    scan: for (let u = start; u < total; u++) {
      for (const row of set.rows(u)) {
        if (!accept(row)) continue;
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        if (rows.length < size) rows.push(row);
        else {
          more = rows.length < limit;
          break scan;
        }
      }
    }
    if (query.count) {
      const counting = query.bound ? seek(set, query.bound) : 0;
      count = 0;
      for (let u = counting; u < total; u++) for (const row of set.rows(u)) if (query.predicate(row)) count++;
    }
  } else {
    const all: SapRow[] = [];
    let matching = 0;
    const total = set.count();
    for (let u = query.bound ? seek(set, query.bound) : 0; u < total; u++) {
      for (const row of set.rows(u)) {
        if (!query.predicate(row)) continue;
        matching++;
        if (!after || compareToTuple(columns, row, after) > 0) all.push(row);
      }
    }
    all.sort((a, b) => compareRows(columns, a, b));
    rows.push(...all.slice(toSkip, toSkip + size));
    more = all.length > toSkip + size && rows.length < limit;
    if (query.count) count = matching;
  }
  const lastRow = rows[rows.length - 1];
  return {
    rows,
    more,
    ...(count !== undefined ? { count } : {}),
    ...(lastRow ? { last: columns.map((c) => lastRow[c.property] ?? null) } : {}),
  };
}
