import type { DirectoryInspection, DirectoryStore, StorageAdapter } from "../../storage/storage-adapter";

/**
 * The adapter's directory together with its inspection, so a case can write through the one and check through
 * the other. The suite checks what a write did by listing it, so an adapter under test must provide `inspect`.
 */
export function fullDirectory(storage: StorageAdapter): DirectoryStore & DirectoryInspection {
  const inspect = storage.inspect;
  if (!inspect) {
    throw new Error(
      "The storage conformance suite checks writes by listing them: give the adapter under test an `inspect` (DirectoryInspection).",
    );
  }
  const directory = storage.directory;
  return new Proxy(directory, {
    get(target, key) {
      const owner: object = key in target ? target : inspect;
      const value: unknown = Reflect.get(owner, key);
      return typeof value === "function" ? value.bind(owner) : value;
    },
  }) as DirectoryStore & DirectoryInspection;
}
