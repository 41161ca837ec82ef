import type { CheckpointStore } from "../storage-adapter";
import { copyJson } from "./copy-records";
import type { MemoryState } from "./memory-state";

/** Checkpoints kept in memory; written only by `applyPage`. */
export function createMemoryCheckpointStore(state: MemoryState): CheckpointStore {
  return {
    async get(integrationId) {
      const stored = state.checkpoints.get(integrationId);
      if (!stored) return null;
      return {
        integrationId,
        value: copyJson(stored.value),
        updatedAt: new Date(stored.updatedAt.getTime()),
      };
    },
    async clear(integrationId) {
      state.checkpoints.delete(integrationId);
    },
  };
}
