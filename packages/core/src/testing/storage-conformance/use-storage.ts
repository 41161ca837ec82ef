import type { StorageAdapter } from "../../storage/storage-adapter";
import type { ResolvedTestApi } from "../runner/test-api";
import type { StorageConformanceOptions } from "./storage-conformance-options";

/** Registers hooks that give every test of the current `describe` a fresh adapter; returns its getter. */
export function useStorage(options: StorageConformanceOptions, t: ResolvedTestApi): () => StorageAdapter {
  let storage: StorageAdapter | undefined;
  t.beforeEach(async () => {
    storage = await options.create();
  });
  t.afterEach(async () => {
    const current = storage;
    storage = undefined;
    if (!current) return;
    if (options.destroy) await options.destroy(current);
    else await current.close?.();
  });
  return () => {
    if (!storage) throw new Error("The storage adapter is only available inside a test.");
    return storage;
  };
}
