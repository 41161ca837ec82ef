import type { StorageAdapter } from "../../storage/storage-adapter";

/** How {@link runStorageConformance} gets a storage adapter to test. */
export interface StorageConformanceOptions {
  /** Names the suite in the test report, e.g. `"postgres"`. */
  name: string;
  /** Returns a ready adapter over EMPTY storage; called before every test. */
  create: () => Promise<StorageAdapter>;
  /** Tears an adapter down after every test; defaults to `storage.close()`. */
  destroy?: (storage: StorageAdapter) => Promise<void>;
}
