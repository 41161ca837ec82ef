import type { JsonValue } from "@uslimato/core/connector";

/** A full sweep under way: where it stands, so a crashed run resumes it. */
export interface SweepCursor {
  /** The next link to read. */
  link: string;
  /** Items listed so far (before scope filters). */
  listed: number;
  /** `@odata.count` as announced, if it was. */
  count?: number;
  /** When the sweep started (ms). */
  startedAt: number;
}

/** The Intune connector's checkpoint. */
export interface IntuneCheckpoint {
  v: 1;
  /** The high-water mark of `lastSyncDateTime` (ms): incremental reads ask for devices synced after it. */
  mark?: number;
  /** When the last complete sweep started (ms). */
  sweptAt?: number;
  /** Devices Intune counted at the last run (`@odata.count`); a lower count later means some left. */
  total?: number;
  /** A sweep under way. */
  sweep?: SweepCursor;
}

const num = (value: JsonValue | undefined): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/** Reads a stored checkpoint; anything unrecognised means "start with a full sweep". */
export function parseIntuneCheckpoint(value: JsonValue | null): IntuneCheckpoint {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value.v !== 1) return { v: 1 };
  const out: IntuneCheckpoint = { v: 1 };
  const mark = num(value.mark);
  const sweptAt = num(value.sweptAt);
  if (mark !== undefined) out.mark = mark;
  if (sweptAt !== undefined) out.sweptAt = sweptAt;
  const total = num(value.total);
  if (total !== undefined) out.total = total;
  const sweep = value.sweep;
  if (sweep && typeof sweep === "object" && !Array.isArray(sweep) && typeof sweep.link === "string") {
    const startedAt = num(sweep.startedAt);
    const listed = num(sweep.listed);
    const count = num(sweep.count);
    if (startedAt !== undefined && listed !== undefined)
      out.sweep = { link: sweep.link, listed, startedAt, ...(count !== undefined ? { count } : {}) };
  }
  return out;
}

/** The checkpoint as JSON. */
export function checkpointJson(checkpoint: IntuneCheckpoint): JsonValue {
  return JSON.parse(JSON.stringify(checkpoint)) as JsonValue;
}
