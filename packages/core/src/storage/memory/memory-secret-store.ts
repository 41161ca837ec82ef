import type { SealedSecretRecord } from "../records";
import type { SecretStore } from "../storage-adapter";
import { copyRecord } from "./copy-records";
import type { MemoryState } from "./memory-state";

const byPosition = (a: SealedSecretRecord, b: SealedSecretRecord): number =>
  a.integrationId < b.integrationId
    ? -1
    : a.integrationId > b.integrationId
      ? 1
      : a.name < b.name
        ? -1
        : a.name > b.name
          ? 1
          : 0;

/** Sealed secrets kept in memory, by integration and name. */
export function createMemorySecretStore(state: MemoryState): SecretStore {
  const all = () => [...state.secrets.values()].flatMap((byName) => [...byName.values()]);
  return {
    async put(records) {
      for (const record of records) {
        let byName = state.secrets.get(record.integrationId);
        if (!byName) {
          byName = new Map();
          state.secrets.set(record.integrationId, byName);
        }
        byName.set(record.name, copyRecord(record));
      }
    },
    async list(integrationId) {
      return [...(state.secrets.get(integrationId)?.values() ?? [])].sort(byPosition).map(copyRecord);
    },
    async delete(integrationId, names) {
      if (names === undefined) {
        state.secrets.delete(integrationId);
        return;
      }
      const byName = state.secrets.get(integrationId);
      for (const name of names) byName?.delete(name);
    },
    async listByKey(keyId, page) {
      const after = page.after;
      return all()
        .filter((s) => s.keyId === keyId)
        .filter(
          (s) =>
            !after ||
            s.integrationId > after.integrationId ||
            (s.integrationId === after.integrationId && s.name > after.name),
        )
        .sort(byPosition)
        .slice(0, page.limit)
        .map(copyRecord);
    },
    async countByKey() {
      const counts: Record<string, number> = {};
      for (const secret of all()) counts[secret.keyId] = (counts[secret.keyId] ?? 0) + 1;
      return counts;
    },
    async replace(record, expectedEnvelope) {
      const byName = state.secrets.get(record.integrationId);
      const stored = byName?.get(record.name);
      if (!byName || !stored || stored.envelope !== expectedEnvelope) return false;
      byName.set(record.name, copyRecord(record));
      return true;
    },
  };
}
