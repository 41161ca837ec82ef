import type { ConnectorState } from "@uslimato/core/connector";
import type { SweepHistory } from "./judge-completeness";

const HISTORY = "intune:sweep-history";
/** The state entry a watcher sets to have the next run sweep (its value: the reason). */
export const SWEEP_REQUEST = "intune:sweep-request";

/** Reads what the last sweeps listed; `undefined` before the first. */
export async function readSweepHistory(state: ConnectorState): Promise<SweepHistory | undefined> {
  const stored = await state.get(HISTORY);
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored.reveal()) as Partial<SweepHistory>;
    if (typeof value.listed !== "number") return undefined;
    return { listed: value.listed, ...(typeof value.suspect === "number" ? { suspect: value.suspect } : {}) };
  } catch {
    return undefined;
  }
}

/** Keeps what a sweep listed. */
export async function writeSweepHistory(state: ConnectorState, history: SweepHistory): Promise<void> {
  await state.put(HISTORY, JSON.stringify(history));
}
