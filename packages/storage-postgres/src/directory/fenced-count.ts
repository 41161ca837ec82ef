import type { LockFence } from "@uslimato/core/storage";
import type { Queryable } from "../transactions/queryable";
import { fenceCtes } from "./fence-ctes";
import { fenceRefused } from "./fence-refused";

/**
 * Runs one statement whose `changes` CTEs end in one named `changed`, and returns how many rows it changed. `values`
 * are its first parameters (`$1` is the integration id); `changes` gets the fence condition to add to every write
 * (empty when unfenced). With a fence, the lock is checked in the same statement (see {@link fenceCtes}) and nothing
 * changes unless it holds (`SYNC_LOCK_LOST`).
 */
export async function fencedCount(
  db: Queryable,
  s: string,
  values: unknown[],
  fence: LockFence | undefined,
  changes: (gate: string) => string,
): Promise<number> {
  const params = [...values];
  const $ = (value: unknown): string => `$${params.push(value)}`;
  const guard = fenceCtes(s, {}, fence, $);
  const ctes = [...(guard?.ctes ?? []), changes(guard ? `AND ${guard.gate}` : "")];
  const result = await db.query<{ count: number; fenced?: number; owned?: number }>(
    `WITH ${ctes.join(",\n")} SELECT (SELECT count(*) FROM changed)::int AS count${guard ? `, ${guard.report}` : ""}`,
    params,
  );
  const row = result.rows[0];
  if (fence && row?.fenced !== 1) throw fenceRefused(String(values[0]), fence, row);
  return row?.count ?? 0;
}
