import { compareSapValues } from "./compare-sap-values";
import type { FilterNode } from "./parse-odata-filter";
import type { SapRow } from "./sap-entity-set";

/** A compiled `$filter`: a row predicate. */
export type RowPredicate = (row: SapRow) => boolean;

/** Turns a parsed filter into a predicate (comparisons with `null` are false except `eq`/`ne`). */
export function filterPredicate(node: FilterNode): RowPredicate {
  switch (node.type) {
    case "and": {
      const l = filterPredicate(node.left);
      const r = filterPredicate(node.right);
      return (row) => l(row) && r(row);
    }
    case "or": {
      const l = filterPredicate(node.left);
      const r = filterPredicate(node.right);
      return (row) => l(row) || r(row);
    }
    case "not": {
      const inner = filterPredicate(node.inner);
      return (row) => !inner(row);
    }
    case "fn": {
      const { property, value } = node;
      const test =
        node.name === "startswith"
          ? (s: string) => s.startsWith(value)
          : node.name === "endswith"
            ? (s: string) => s.endsWith(value)
            : (s: string) => s.includes(value);
      return (row) => typeof row[property] === "string" && test(row[property] as string);
    }
    case "cmp": {
      const { property, op, value } = node;
      if (op === "eq") return (row) => (row[property] ?? null) === value;
      if (op === "ne") return (row) => (row[property] ?? null) !== value;
      const accept =
        op === "gt"
          ? (c: number) => c > 0
          : op === "ge"
            ? (c: number) => c >= 0
            : op === "lt"
              ? (c: number) => c < 0
              : (c: number) => c <= 0;
      return (row) => {
        const actual = row[property] ?? null;
        return actual !== null && value !== null && accept(compareSapValues(actual, value));
      };
    }
  }
}
