import { ConfigError, type ConfigIssue, isUslimatoError, type Logger } from "@uslimato/core";
import { ApiError } from "./api-error";
import { json } from "./api-route";

const STATUS: Readonly<Record<string, number>> = {
  API_UNAUTHORIZED: 401,
  API_REQUEST_INVALID: 400,
  API_NOT_FOUND: 404,
  API_METHOD_NOT_ALLOWED: 405,
  CONFIG_INVALID: 400,
  CONNECTOR_UNKNOWN: 400,
  INTERVAL_BELOW_PLAN_MINIMUM: 400,
  INTERVAL_ABOVE_MAXIMUM: 400,
  SECRET_MISSING: 400,
  PLAN_NOT_ENTITLED: 403,
  INTEGRATION_NOT_FOUND: 404,
  INTEGRATION_DISABLED: 409,
  SYNC_ALREADY_RUNNING: 409,
  STORAGE_CONFLICT: 409,
  WEBHOOK_BODY_TOO_LARGE: 413,
};

/**
 * The answer to a failed request: `{ error: { code, message, issues } }` with the status its code calls for.
 * The SDK's errors say what and where without secrets; anything else is a 500 with no details (logged).
 */
export function errorResponse(error: unknown, logger: Logger): Response {
  if (isUslimatoError(error)) {
    const issues: ReadonlyArray<ConfigIssue> =
      error instanceof ConfigError || error instanceof ApiError
        ? error.issues
        : error.path.length > 0
          ? [{ path: error.path, code: error.code, message: error.message }]
          : [];
    const status = STATUS[error.code] ?? 500;
    if (status === 500) logger.error({ err: error }, "admin API request failed");
    const response = json({ error: { code: error.code, message: error.message, issues } }, status);
    if (status === 401) response.headers.set("www-authenticate", 'Bearer realm="uslimato"');
    return response;
  }
  logger.error({ err: error }, "admin API request failed");
  return json(
    { error: { code: "INTERNAL", message: "The request failed; see the server log.", issues: [] } },
    500,
  );
}
