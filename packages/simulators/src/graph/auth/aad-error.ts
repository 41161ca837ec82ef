import { randomUUID } from "node:crypto";
import { jsonResponse, type SimResponse } from "../../http/sim-exchange";

/** An error of the Entra token endpoint, shaped like login.microsoftonline.com's. */
export function aadError(
  status: 400 | 401,
  error: string,
  code: number,
  message: string,
  correlationId: string = randomUUID(),
): SimResponse {
  const traceId = randomUUID();
  const timestamp = `${new Date().toISOString().replace("T", " ").slice(0, 19)}Z`;
  return jsonResponse(status, {
    error,
    error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
}
