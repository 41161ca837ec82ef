import type { UserDraw } from "../model/user-fields";
import type { ByteSink } from "./byte-sink";

/**
 * One piece of a compiled user writer. A `lookup` is a pure function of the draw with few outcomes: its bytes
 * are all encoded up front and picked by `key(d)` (0 to `table.length - 1`). A `write` computes its bytes per
 * user (ids, numbers).
 */
export type BytePart =
  | { kind: "lookup"; key: (d: UserDraw) => number; table: readonly Uint8Array[] }
  | { kind: "write"; write: (sink: ByteSink, d: UserDraw) => void };

/** The most outcomes a fused lookup may have (its table is encoded once per compiled `$select`). */
const MAX_FUSED_OUTCOMES = 4096;

/** A lookup with a single outcome: constant bytes. */
export const constantPart = (bytes: Uint8Array): BytePart => ({
  kind: "lookup",
  key: () => 0,
  table: [bytes],
});

/**
 * Fuses neighbouring lookups into one whose table holds every combination of their outcomes, as long as it
 * stays within {@link MAX_FUSED_OUTCOMES}: `accountEnabled`, `jobTitle` and `department` in a row become one copy
 * per user instead of three. The bytes written are the same; only the number of copies changes.
 */
export function fuseLookups(parts: readonly BytePart[]): BytePart[] {
  const fused: BytePart[] = [];
  for (const part of parts) {
    const last = fused.at(-1);
    if (
      part.kind === "lookup" &&
      last?.kind === "lookup" &&
      last.table.length * part.table.length <= MAX_FUSED_OUTCOMES
    ) {
      fused[fused.length - 1] = cross(last, part);
    } else fused.push(part);
  }
  return fused;
}

function cross(a: Extract<BytePart, { kind: "lookup" }>, b: Extract<BytePart, { kind: "lookup" }>): BytePart {
  const width = b.table.length;
  const table: Uint8Array[] = [];
  for (const left of a.table) for (const right of b.table) table.push(Buffer.concat([left, right]));
  const keyA = a.key;
  const keyB = b.key;
  const key = width === 1 ? keyA : a.table.length === 1 ? keyB : (d: UserDraw) => keyA(d) * width + keyB(d);
  return { kind: "lookup", key, table };
}
