import { randomUUID } from "node:crypto";
import { jsonResponse, type SimRequest, type SimResponse } from "../http/sim-exchange";

/** A Graph-shaped error: `{error: {code, message, innerError: {date, request-id, client-request-id}}}`. */
export function graphError(
  request: SimRequest,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): SimResponse {
  const requestId = randomUUID();
  const clientRequestId = request.headers["client-request-id"] ?? requestId;
  return jsonResponse(
    status,
    {
      error: {
        code,
        message,
        innerError: {
          date: `${new Date().toISOString().slice(0, 19)}`,
          "request-id": requestId,
          "client-request-id": clientRequestId,
        },
      },
    },
    { "request-id": requestId, "client-request-id": clientRequestId, ...headers },
  );
}
