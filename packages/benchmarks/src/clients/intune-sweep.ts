import type { ClientInput } from "./graph-page";
import { intuneHub, succeeded } from "./intune-hub";

/**
 * A full Intune sweep through the hub, the real connector (client-side budget, completeness check), field mapping,
 * owner resolution and checkpoints into the memory adapter. Returns `count` (devices processed) and `workMs` (the
 * sweep alone, set-up excluded).
 */
export async function intuneSweep(input: ClientInput): Promise<Record<string, number>> {
  const { hub, id } = await intuneHub(input);
  const started = performance.now();
  const log = succeeded(await hub.syncNow(id, { full: true }));
  return { count: log.counts.processed, workMs: performance.now() - started, pages: log.pages };
}
