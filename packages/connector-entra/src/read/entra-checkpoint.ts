import type { JsonValue } from "@uslimato/core/connector";

/** Where a delta round of one resource stands: mid-round at a nextLink, or done with a deltaLink. */
export interface DeltaCursor {
  /** The next URL to read: a nextLink mid-round, or the deltaLink when the round is done. */
  link: string;
  /** The round is the initial (full) enumeration. */
  full: boolean;
  /** `link` is a deltaLink: the round ended there. */
  done: boolean;
}

/** The Entra connector's checkpoint: one delta cursor per resource. */
export interface EntraCheckpoint {
  v: 1;
  users?: DeltaCursor;
  groups?: DeltaCursor;
}

/** Reads a stored checkpoint; anything unrecognised means "start with a full round". */
export function parseEntraCheckpoint(value: JsonValue | null): EntraCheckpoint {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value.v !== 1) return { v: 1 };
  const cursor = (raw: JsonValue | undefined): DeltaCursor | undefined =>
    raw && typeof raw === "object" && !Array.isArray(raw) && typeof raw.link === "string"
      ? { link: raw.link, full: raw.full === true, done: raw.done === true }
      : undefined;
  const users = cursor(value.users);
  const groups = cursor(value.groups);
  return { v: 1, ...(users ? { users } : {}), ...(groups ? { groups } : {}) };
}
