import type { SyncLog } from "../../sync-log/sync-log";
import type { SyncLogStore } from "../storage-adapter";
import type { MemoryState } from "./memory-state";

/** How many logs `list` returns when the caller gives no limit. */
const DEFAULT_LIMIT = 50;

const newestFirst = (a: SyncLog, b: SyncLog): number =>
  b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Sync logs kept in memory, listed newest first. */
export function createMemorySyncLogStore(state: MemoryState): SyncLogStore {
  return {
    async save(log) {
      state.syncLogs.set(log.id, structuredClone(log));
    },
    async get(id) {
      const stored = state.syncLogs.get(id);
      return stored ? structuredClone(stored) : null;
    },
    async list(integrationId, page = {}) {
      const before = page.before?.getTime();
      return [...state.syncLogs.values()]
        .filter((log) => log.integrationId === integrationId)
        .filter((log) => before === undefined || log.startedAt.getTime() < before)
        .sort(newestFirst)
        .slice(0, page.limit ?? DEFAULT_LIMIT)
        .map((log) => structuredClone(log));
    },
  };
}
