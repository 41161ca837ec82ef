import { compareSapValues, type SapValue } from "./compare-sap-values";
import type { FilterNode } from "./parse-odata-filter";
import type { SapRow } from "./sap-entity-set";

/**
 * A lower bound on a key tuple implied by a `$filter`: rows whose leading keys compare `>` (strict) or `>=`
 * `values`. It lets a listing start at the right unit instead of scanning from the first one, so keyset paging
 * (`$filter=Key gt 'last'`) costs one page, not the whole set.
 */
export interface KeyLowerBound {
  values: SapValue[];
  strict: boolean;
}

function compareBounds(a: KeyLowerBound, b: KeyLowerBound): number {
  for (let i = 0; ; i++) {
    const aEnd = i >= a.values.length;
    const bEnd = i >= b.values.length;
    if (aEnd && bEnd) return a.strict === b.strict ? 0 : a.strict ? 1 : -1;
    if (aEnd) return a.strict ? 1 : -1;
    if (bEnd) return b.strict ? -1 : 1;
    const c = compareSapValues(a.values[i], b.values[i]);
    if (c !== 0) return c;
  }
}

/** Whether a row's keys lie at or above the bound. */
export function satisfiesBound(row: SapRow, keys: readonly string[], bound: KeyLowerBound): boolean {
  for (let i = 0; i < bound.values.length; i++) {
    const c = compareSapValues(row[keys[i] as string], bound.values[i]);
    if (c !== 0) return c > 0;
  }
  return !bound.strict;
}

function flattenAnd(node: FilterNode, out: FilterNode[]): FilterNode[] {
  if (node.type === "and") {
    flattenAnd(node.left, out);
    flattenAnd(node.right, out);
  } else out.push(node);
  return out;
}

const max = (a: KeyLowerBound | undefined, b: KeyLowerBound | undefined) =>
  !a ? b : !b ? a : compareBounds(a, b) >= 0 ? a : b;

/** The key lower bound a filter implies (undefined when it implies none). */
export function keyLowerBound(node: FilterNode, keys: readonly string[]): KeyLowerBound | undefined {
  if (node.type === "or") {
    const l = keyLowerBound(node.left, keys);
    const r = keyLowerBound(node.right, keys);
    return l && r ? (compareBounds(l, r) <= 0 ? l : r) : undefined;
  }
  if (node.type !== "and" && node.type !== "cmp") return undefined;
  const parts = flattenAnd(node, []);
  let bound: KeyLowerBound | undefined;
  for (const part of parts) if (part.type !== "cmp") bound = max(bound, keyLowerBound(part, keys));
  const values: SapValue[] = [];
  let strict = false;
  for (const key of keys) {
    const on = parts.filter(
      (p): p is Extract<FilterNode, { type: "cmp" }> =>
        p.type === "cmp" && p.property === key && p.value !== null,
    );
    const eq = on.find((p) => p.op === "eq");
    if (eq) {
      values.push(eq.value);
      continue;
    }
    const lower = on.filter((p) => p.op === "gt" || p.op === "ge");
    if (lower.length > 0) {
      const best = lower.reduce((a, b) =>
        compareBounds(
          { values: [a.value], strict: a.op === "gt" },
          { values: [b.value], strict: b.op === "gt" },
        ) >= 0
          ? a
          : b,
      );
      values.push(best.value);
      strict = best.op === "gt";
    }
    break;
  }
  return values.length > 0 ? max(bound, { values, strict }) : bound;
}
