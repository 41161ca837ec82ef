import type { InspectableStorage } from "../storage-adapter";
import { listMemoryDirectory } from "./list-memory-directory";
import { createMemoryAuditStore } from "./memory-audit-store";
import { createMemoryCheckpointStore } from "./memory-checkpoint-store";
import { createMemoryDirectoryStore, toLink } from "./memory-directory-store";
import { createMemoryIntegrationStore } from "./memory-integration-store";
import { createMemoryLockStore } from "./memory-lock-store";
import { createMemorySecretStore } from "./memory-secret-store";
import { createMemoryState } from "./memory-state";
import { createMemorySyncLogStore } from "./memory-sync-log-store";

/**
 * A {@link StorageAdapter} (with its {@link DirectoryInspection}) that keeps everything in this process's memory: for tests, demos and benchmarks.
 * Data is lost when the process ends, and locks (leases with fencing tokens) hold only within the process. Every lookup is a Map access, so
 * a page costs the same with ten users or a million.
 *
 * @example
 * ```ts
 * const storage = createMemoryStorage();
 * const hub = createHub({ storage, vault, connectors, plan: "enterprise" });
 * ```
 */
export function createMemoryStorage(): InspectableStorage {
  const state = createMemoryState();
  return {
    integrations: createMemoryIntegrationStore(state),
    secrets: createMemorySecretStore(state),
    checkpoints: createMemoryCheckpointStore(state),
    syncLogs: createMemorySyncLogStore(state),
    audit: createMemoryAuditStore(state),
    locks: createMemoryLockStore(state),
    directory: createMemoryDirectoryStore(state),
    inspect: listMemoryDirectory(state, toLink),
    async close() {},
  };
}
