import { randomUUID } from "node:crypto";
import { jsonResponse, type SimResponse } from "../../http/sim-exchange";

/**
 * An error of the Entra token endpoint (or of authority discovery), shaped like login.microsoftonline.com's:
 * `error`, `error_description` ending in the trace and correlation ids, `error_codes`, `timestamp`, `trace_id`,
 * `correlation_id`, `error_uri`, and the trace id again in the `x-ms-request-id` header.
 */
export function aadError(
  status: number,
  error: string,
  code: number,
  message: string,
  correlationId: string = randomUUID(),
): SimResponse {
  const traceId = randomUUID();
  const timestamp = `${new Date().toISOString().replace("T", " ").slice(0, 19)}Z`;
  return jsonResponse(
    status,
    {
      error,
      error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
    {
      "x-ms-request-id": traceId,
      "client-request-id": correlationId,
      "cache-control": "no-store, no-cache",
    },
  );
}
