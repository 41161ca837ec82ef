/**
 * Every stable error code the SDK raises. Codes never change meaning once published; new ones are appended.
 * Packages other than core add their own codes with their own error classes extending {@link UslimatoError}.
 */
export const ERROR_CODES = [
  "CONFIG_INVALID",
  "CONNECTOR_UNKNOWN",
  "CONNECTOR_DUPLICATE",
  "CONNECTOR_PAGE_INVALID",
  "CONNECTOR_FAILED",
  "INTEGRATION_NOT_FOUND",
  "INTEGRATION_DISABLED",
  "INTERVAL_BELOW_PLAN_MINIMUM",
  "INTERVAL_ABOVE_MAXIMUM",
  "PLAN_UNKNOWN",
  "PLAN_NOT_ENTITLED",
  "SYNC_ALREADY_RUNNING",
  "SYNC_ABORTED",
  "MASS_DEACTIVATION_BLOCKED",
  "STORAGE_FAILED",
  "STORAGE_CONFLICT",
  "HTTP_ERROR",
  "HTTP_TIMEOUT",
  "HTTP_NETWORK",
  "HTTP_INVALID_RESPONSE",
  "SECRET_MISSING",
  "RECORD_INVALID",
  "RECORD_DUPLICATE_EMAIL",
  "RECORD_EMAIL_TAKEN",
  "RECORD_MAPPING_FAILED",
  "WEBHOOK_REJECTED",
  "WEBHOOK_BODY_TOO_LARGE",
  "SYNC_LOCK_LOST",
  "SYNC_INTERRUPTED",
  "SYNC_SWEEP_NOT_OWNED",
  "STORAGE_INSPECTION_UNSUPPORTED",
] as const;

/** A stable error code raised by `@uslimato/core`. */
export type CoreErrorCode = (typeof ERROR_CODES)[number];
