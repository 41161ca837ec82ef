import { CoreError } from "../../errors/core-error";
import type { IntegrationRecord } from "../records";
import type { IntegrationStore } from "../storage-adapter";
import { copyRecord } from "./copy-records";
import { unindexRecordOwner } from "./memory-record-owners";
import type { MemoryState } from "./memory-state";
import { detachLink } from "./memory-user-links";

/** Integrations kept in memory, with optimistic updates by revision. */
export function createMemoryIntegrationStore(state: MemoryState): IntegrationStore {
  return {
    async insert(record) {
      if (state.integrations.has(record.id)) {
        throw new CoreError("STORAGE_CONFLICT", `Integration "${record.id}" already exists.`, {
          details: { integrationId: record.id },
        });
      }
      state.integrations.set(record.id, copyRecord(record));
    },
    async update(record, expectedRevision) {
      const stored = state.integrations.get(record.id);
      if (!stored || stored.revision !== expectedRevision) return false;
      state.integrations.set(record.id, copyRecord(record));
      return true;
    },
    async get(id) {
      const stored = state.integrations.get(id);
      return stored ? copyRecord(stored) : null;
    },
    async list(filter = {}) {
      const matches = (r: IntegrationRecord) =>
        (filter.tenantId === undefined || r.tenantId === filter.tenantId) &&
        (filter.connectorId === undefined || r.connectorId === filter.connectorId) &&
        (filter.enabled === undefined || r.enabled === filter.enabled);
      return [...state.integrations.values()]
        .filter(matches)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
        .map(copyRecord);
    },
    async delete(id) {
      state.integrations.delete(id);
      state.secrets.delete(id);
      state.checkpoints.delete(id);
      const directory = state.directories.get(id);
      for (const link of directory?.links.values() ?? []) detachLink(state, link);
      for (const entry of [
        ...(directory?.records.device.values() ?? []),
        ...(directory?.records.asset.values() ?? []),
      ])
        unindexRecordOwner(state, entry);
      state.directories.delete(id);
      for (const key of state.sweeps.keys()) if (key.startsWith(`${id}\u0000`)) state.sweeps.delete(key);
    },
  };
}
