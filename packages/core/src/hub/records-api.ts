import { CoreError } from "../errors/core-error";
import type { RecordKind, StoredRecord } from "../storage/records";
import type { DirectoryInspection, RecordListQuery, StorageAdapter } from "../storage/storage-adapter";

/**
 * Devices and assets as hosts see them: whose they are, and which have no owner. Served by the storage adapter's
 * optional `inspect`; an adapter without it makes every call reject with `STORAGE_INSPECTION_UNSUPPORTED`.
 */
export interface RecordsApi {
  /** Devices and assets of an integration, removed ones included. */
  list(integrationId: string, kind: RecordKind): Promise<StoredRecord[]>;
  /** A user's devices and assets (resolved owners, across the tenant's integrations); removed ones on request. */
  listByOwner(userId: string, query?: RecordListQuery): Promise<StoredRecord[]>;
  /** Devices or assets of a host tenant whose owner is unknown or not resolved to a user yet. */
  listUnowned(
    tenantId: string,
    kind: RecordKind,
    query?: Omit<RecordListQuery, "kind">,
  ): Promise<StoredRecord[]>;
}

/** The hub's {@link RecordsApi} over the storage adapter's inspection. */
export function createRecordsApi(storage: StorageAdapter): RecordsApi {
  const inspect = async (): Promise<DirectoryInspection> => {
    if (storage.inspect) return storage.inspect;
    throw new CoreError(
      "STORAGE_INSPECTION_UNSUPPORTED",
      "This storage adapter does not list records: it has no `inspect`.",
    );
  };
  return {
    list: async (integrationId, kind) => (await inspect()).listRecords(integrationId, kind),
    listByOwner: async (userId, query) => (await inspect()).listRecordsByOwner(userId, query),
    listUnowned: async (tenantId, kind, query) => (await inspect()).listUnownedRecords(tenantId, kind, query),
  };
}
