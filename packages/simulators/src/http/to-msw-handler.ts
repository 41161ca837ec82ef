import { delay, type HttpHandler, HttpResponse, http } from "msw";
import type { FaultController } from "../faults/fault-controller";
import { bodyBytes } from "./body-bytes";
import { type FaultResponder, runExchange } from "./exchange-outcome";
import type { RequestLog } from "./request-log";
import type { SimHandler } from "./sim-exchange";

/**
 * Wraps a router as one msw handler for every request under `baseUrl`. Faults apply as far as msw can express
 * them: `reset` becomes a network error, `truncated` a body cut in half.
 */
export function toMswHandler(
  baseUrl: string,
  handler: SimHandler,
  options: { faults: FaultController; log: RequestLog; faultResponse: FaultResponder },
): HttpHandler {
  return http.all(`${baseUrl.replace(/\/+$/, "")}/*`, async ({ request }) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
    const arrived = performance.now();
    const outcome = await runExchange(
      { method: request.method, url: new URL(request.url), headers, body },
      handler,
      options.faults,
      options.log,
      options.faultResponse,
    );
    const late = outcome.delayMs - (performance.now() - arrived);
    if (outcome.delayMs > 0 && late > 0) await delay(late);
    if (outcome.kind === "reset") return HttpResponse.error();
    const { status, headers: responseHeaders, body: payload } = outcome.response;
    const bytes = bodyBytes(payload);
    const sent = outcome.kind === "truncate" ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes;
    return new HttpResponse(status === 204 ? null : new Uint8Array(sent), {
      status,
      headers: responseHeaders,
    });
  });
}
