import { CoreError } from "@uslimato/core/storage";

/**
 * Turns a driver error into a typed one: a duplicate key (`ER_DUP_ENTRY`, two users with one email, an existing id)
 * becomes `STORAGE_CONFLICT`, a core error passes through, anything else is `STORAGE_FAILED` with the cause.
 */
export function toStorageError(error: unknown, operation: string): Error {
  if (error instanceof CoreError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ER_DUP_ENTRY")
    return new CoreError("STORAGE_CONFLICT", `${operation}: a unique value is already taken.`, {
      cause: error,
    });
  return new CoreError("STORAGE_FAILED", `${operation} failed.`, { cause: error });
}
