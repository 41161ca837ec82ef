import type { RecordKind } from "../records";
import type { DirectoryStore } from "../storage-adapter";
import { checkMemoryFence } from "./check-memory-fence";
import type { MemoryState } from "./memory-state";

type Removals = Pick<
  DirectoryStore,
  "countRecordRemovals" | "commitPendingRemovals" | "discardPendingRemovals"
>;

const KINDS: ReadonlyArray<RecordKind> = ["device", "asset"];

/**
 * Pending removals of devices and assets: counted for the guard, committed or discarded after it (fenced like
 * pending deactivations when a `fence` is given).
 */
export function memoryRecordRemovals(state: MemoryState): Removals {
  const entries = (integrationId: string, kind?: RecordKind) => {
    const directory = state.directories.get(integrationId);
    return (kind ? [kind] : KINDS).flatMap((k) => [...(directory?.records[k].values() ?? [])]);
  };
  return {
    async countRecordRemovals(integrationId, kind) {
      let pending = 0;
      let present = 0;
      for (const { value } of entries(integrationId, kind)) {
        if (value.removed) continue;
        present += 1;
        if (value.pendingRemoval) pending += 1;
      }
      return { pending, present };
    },
    async commitPendingRemovals(integrationId, kind, fence) {
      checkMemoryFence(state, fence);
      const now = new Date();
      let removed = 0;
      for (const { value } of entries(integrationId, kind)) {
        if (!value.pendingRemoval) continue;
        value.pendingRemoval = false;
        value.removed = true;
        value.updatedAt = now;
        removed += 1;
      }
      return removed;
    },
    async discardPendingRemovals(integrationId, kind, fence) {
      checkMemoryFence(state, fence);
      let cleared = 0;
      for (const { value } of entries(integrationId, kind)) {
        if (!value.pendingRemoval) continue;
        value.pendingRemoval = false;
        cleared += 1;
      }
      return cleared;
    },
  };
}
