import type { RecordKind, StoredRecord } from "../storage/records";
import type { DirectoryStore, RecordListQuery } from "../storage/storage-adapter";

/** Devices and assets as hosts see them: whose they are, and which have no owner. */
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

/** The hub's {@link RecordsApi} over the storage adapter's directory. */
export function createRecordsApi(directory: DirectoryStore): RecordsApi {
  return {
    list: (integrationId, kind) => directory.listRecords(integrationId, kind),
    listByOwner: (userId, query) => directory.listRecordsByOwner(userId, query),
    listUnowned: (tenantId, kind, query) => directory.listUnownedRecords(tenantId, kind, query),
  };
}
