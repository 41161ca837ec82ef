import type { RecordKind } from "../storage/records";
import type { LockFence } from "../storage/storage-adapter";
import { decideDeactivations } from "./deactivation-guard";
import type { RunSyncInput } from "./run-sync";
import type { SyncLogBuilder } from "./sync-log-builder";

/**
 * Applies the pending removals of each device/asset kind the connector produces, through the same guard as user
 * deactivations (per kind, same threshold, same confirm override). A blocked kind keeps its pending removals and
 * ends the run `MASS_DEACTIVATION_BLOCKED`; nothing of it is removed. Commits with the run's `fence`, so a run
 * that lost its lock removes nothing.
 */
export async function settleRecordRemovals(
  input: RunSyncInput,
  fence: LockFence,
  builder: SyncLogBuilder,
): Promise<{ code: string; message: string } | undefined> {
  const { directory } = input.storage;
  const id = input.integration.id;
  let failure: { code: string; message: string } | undefined;
  for (const kind of input.connector.entities) {
    if (kind !== "device" && kind !== "asset") continue;
    const { pending, present } = await directory.countRecordRemovals(id, kind as RecordKind);
    if (pending === 0) continue;
    const decision = decideDeactivations(pending, present, input.guard);
    if (decision.blocked && !input.confirmMassDeactivation) {
      failure ??= {
        code: "MASS_DEACTIVATION_BLOCKED",
        message: `This run would remove ${pending} of ${present} ${kind}s (more than the allowed ${decision.threshold}); nothing was removed. Confirm the removals or fix the source, then sync again.`,
      };
      continue;
    }
    builder.add(kind, { deactivated: await directory.commitPendingRemovals(id, kind, fence) });
  }
  return failure;
}
