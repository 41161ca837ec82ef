import type { JsonValue } from "../connector/json";
import type { EntityKind } from "../connector/source-page";

/** What the runner stores as an integration's checkpoint: the connector's state plus open sweeps. */
export interface RunnerCheckpoint {
  v: 1;
  /** The connector's opaque checkpoint. */
  connector: JsonValue;
  /** Open full enumerations by kind, with their sweep ids. */
  sweeps: Partial<Record<EntityKind, string>>;
}

/** Reads a stored checkpoint; anything unrecognised starts afresh. */
export function decodeRunnerCheckpoint(value: JsonValue | null | undefined): RunnerCheckpoint | null {
  if (value === null || value === undefined || typeof value !== "object" || Array.isArray(value)) return null;
  if (value.v !== 1 || !("connector" in value)) return null;
  const sweeps =
    value.sweeps && typeof value.sweeps === "object" && !Array.isArray(value.sweeps) ? value.sweeps : {};
  return { v: 1, connector: value.connector ?? null, sweeps: sweeps as RunnerCheckpoint["sweeps"] };
}

/** The JSON form of a {@link RunnerCheckpoint}. */
export function encodeRunnerCheckpoint(checkpoint: RunnerCheckpoint): JsonValue {
  return { v: 1, connector: checkpoint.connector, sweeps: { ...checkpoint.sweeps } };
}
