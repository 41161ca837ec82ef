import type { AuditStore } from "../storage-adapter";
import type { MemoryState } from "./memory-state";

/** How many entries `list` returns when the caller gives no limit. */
const DEFAULT_LIMIT = 100;

/** The audit log kept in memory: append-only, listed newest first. */
export function createMemoryAuditStore(state: MemoryState): AuditStore {
  return {
    async append(entry) {
      state.audit.push(structuredClone(entry));
    },
    async list(filter) {
      const limit = filter.limit ?? DEFAULT_LIMIT;
      return state.audit
        .map((entry, seq) => ({ entry, seq }))
        .filter(({ entry }) => filter.tenantId === undefined || entry.tenantId === filter.tenantId)
        .filter(
          ({ entry }) => filter.integrationId === undefined || entry.integrationId === filter.integrationId,
        )
        .sort((a, b) => b.entry.at.getTime() - a.entry.at.getTime() || b.seq - a.seq)
        .slice(0, limit)
        .map(({ entry }) => structuredClone(entry));
    },
  };
}
