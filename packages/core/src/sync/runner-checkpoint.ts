import type { JsonObject, JsonValue } from "../connector/json";
import type { EntityKind } from "../connector/source-page";

/** A source record that failed on a conflict that may clear; the next run applies it again. */
export interface RetryRecord {
  kind: EntityKind;
  externalId: string;
  /** The record as the connector gave it (JSON). */
  data: JsonObject;
}

/** What the runner stores as an integration's checkpoint: the connector's state plus open sweeps. */
export interface RunnerCheckpoint {
  v: 1;
  /** The connector's opaque checkpoint. */
  connector: JsonValue;
  /** Open full enumerations by kind, with their sweep ids. */
  sweeps: Partial<Record<EntityKind, string>>;
  /** Records to try again at the start of the next run. */
  retry?: RetryRecord[];
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads a stored checkpoint; anything unrecognised starts afresh. */
export function decodeRunnerCheckpoint(value: JsonValue | null | undefined): RunnerCheckpoint | null {
  if (!isObject(value)) return null;
  if (value.v !== 1 || !("connector" in value)) return null;
  const sweeps = isObject(value.sweeps) ? value.sweeps : {};
  const retry = Array.isArray(value.retry)
    ? value.retry.filter(
        (r): r is JsonObject => isObject(r) && typeof r.externalId === "string" && isObject(r.data),
      )
    : [];
  return {
    v: 1,
    connector: value.connector ?? null,
    sweeps: sweeps as RunnerCheckpoint["sweeps"],
    ...(retry.length > 0 ? { retry: retry as unknown as RetryRecord[] } : {}),
  };
}

/** The JSON form of a {@link RunnerCheckpoint}. */
export function encodeRunnerCheckpoint(checkpoint: RunnerCheckpoint): JsonValue {
  const retry = checkpoint.retry ?? [];
  return {
    v: 1,
    connector: checkpoint.connector,
    sweeps: { ...checkpoint.sweeps },
    ...(retry.length > 0 ? { retry: retry as unknown as JsonValue[] } : {}),
  };
}
