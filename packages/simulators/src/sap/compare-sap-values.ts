import type { SapRow } from "./sap-entity-set";

/** A row value or a filter literal. */
export type SapValue = SapRow[string];

/** Orders two values as the database would: null first, then numbers, strings by code unit, false < true. */
export function compareSapValues(a: SapValue | undefined, b: SapValue | undefined): number {
  const x = a ?? null;
  const y = b ?? null;
  if (x === y) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
