import { CoreError, isUslimatoError } from "@uslimato/core/storage";

/** PostgreSQL's SQLSTATE for a unique violation. */
const UNIQUE_VIOLATION = "23505";

const sqlState = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;

/**
 * Turns a driver error into a typed one: a unique violation becomes `STORAGE_CONFLICT` (two users with one
 * email, an id that exists), anything else `STORAGE_FAILED`, the driver error kept as `cause`. SDK errors pass.
 */
export function toStorageError(error: unknown, operation: string): Error {
  if (isUslimatoError(error)) return error;
  const state = sqlState(error);
  const constraint =
    typeof error === "object" &&
    error !== null &&
    "constraint" in error &&
    typeof error.constraint === "string"
      ? error.constraint
      : null;
  if (state === UNIQUE_VIOLATION) {
    return new CoreError("STORAGE_CONFLICT", `${operation}: a unique value is already taken.`, {
      cause: error,
      details: { constraint },
    });
  }
  return new CoreError("STORAGE_FAILED", `${operation} failed in PostgreSQL.`, {
    cause: error,
    details: { sqlState: state ?? null },
  });
}
