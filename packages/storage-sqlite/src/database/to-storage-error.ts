import { CoreError } from "@uslimato/core/storage";

/** SQLite extended result codes of a UNIQUE or PRIMARY KEY violation. */
const CONFLICT_CODES = new Set([2067, 1555]);

/**
 * Turns an error thrown by `node:sqlite` into a `CoreError`: `STORAGE_CONFLICT` for a unique violation (two users
 * with one email, an id that exists), `STORAGE_FAILED` for anything else. The original stays as `cause`.
 */
export function toStorageError(error: unknown, what: string): CoreError {
  if (error instanceof CoreError) return error;
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  if (typeof errcode === "number" && CONFLICT_CODES.has(errcode)) {
    return new CoreError("STORAGE_CONFLICT", `${what}: a unique value is already taken.`, { cause: error });
  }
  return new CoreError("STORAGE_FAILED", `${what} failed.`, { cause: error });
}
