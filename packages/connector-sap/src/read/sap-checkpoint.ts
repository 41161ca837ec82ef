import type { JsonValue } from "@uslimato/core/connector";
import { SAP_SOURCE_IDS, type SapSourceId } from "./sap-source";

/**
 * The SAP connector's checkpoint, plain JSON: where the run stands (`phase` and `source`, the `lastKey` of the
 * last row applied), the open sweep (`sweepId`, the instant it started), and per source the high-water mark of
 * changed-at stamps (ISO) applied so far. `pending` holds the highest stamp of the source being read, committed
 * to `highWater` once its listing ends, so a crash mid-source resumes from `lastKey` with the old mark.
 */
export interface SapCheckpoint {
  v: 1;
  /** `sweep` (full listing of every source), `incremental` (changes since the high-water marks) or `idle`. */
  phase: "sweep" | "incremental" | "idle";
  /** The source being read, or `null` between runs. */
  source: SapSourceId | null;
  /** Key values (ISO for dates) of the last row applied of `source`, or `null` at its start. */
  lastKey: string[] | null;
  /** The start (ISO) of the open sweep, or `null`. */
  sweepId: string | null;
  /** The start (ISO) of the last completed sweep. */
  sweptAt: string | null;
  highWater: Partial<Record<SapSourceId, string>>;
  pending: string | null;
  /** The day (`YYYY-MM-DD`, system time zone) of the last completed read, for segments that became current since. */
  day: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isoOrNull = (value: unknown): string | null =>
  typeof value === "string" && !Number.isNaN(Date.parse(value)) ? value : null;

/** Reads a stored checkpoint; anything unrecognised means "start with a sweep" (`null`). */
export function parseSapCheckpoint(value: JsonValue | null): SapCheckpoint | null {
  if (!isObject(value) || value.v !== 1) return null;
  const phase = value.phase === "sweep" || value.phase === "incremental" ? value.phase : "idle";
  const source = SAP_SOURCE_IDS.find((s) => s === value.source) ?? null;
  const highWater: SapCheckpoint["highWater"] = {};
  if (isObject(value.highWater))
    for (const id of SAP_SOURCE_IDS) {
      const mark = isoOrNull(value.highWater[id]);
      if (mark) highWater[id] = mark;
    }
  const lastKey =
    Array.isArray(value.lastKey) && value.lastKey.every((k) => typeof k === "string")
      ? (value.lastKey as string[])
      : null;
  return {
    v: 1,
    phase: source === null ? "idle" : phase,
    source: phase === "idle" ? null : source,
    lastKey: phase === "idle" ? null : lastKey,
    sweepId: isoOrNull(value.sweepId),
    sweptAt: isoOrNull(value.sweptAt),
    highWater,
    pending: isoOrNull(value.pending),
    day: typeof value.day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value.day) ? value.day : null,
  };
}

/** The checkpoint as JSON (a copy). */
export function encodeSapCheckpoint(checkpoint: SapCheckpoint): JsonValue {
  return JSON.parse(JSON.stringify(checkpoint)) as JsonValue;
}
