import type { Telemetry } from "@uslimato/core";
import type { WebHandler } from "@uslimato/core/webhooks";

const unavailable = (text: string) =>
  new Response(text, { status: 503, headers: { "retry-after": "30", "content-type": "text/plain" } });

/**
 * One handler for every connector's receiver: the last segment of the request's path names the connector
 * (`/webhooks/entra` -> `entra`), so it works wherever the host mounts it. 503 while `open()` says no.
 */
export function routeWebhooks(
  receivers: ReadonlyMap<string, WebHandler>,
  open: () => boolean,
  telemetry: Telemetry,
): WebHandler {
  return async (request, context) => {
    if (!open()) return unavailable("the Interface Hub is not running; retry later");
    const segments = new URL(request.url).pathname.split("/").filter((s) => s !== "");
    const receiver = receivers.get(decodeURIComponent(segments.at(-1) ?? ""));
    if (!receiver)
      return new Response("no receiver here", { status: 404, headers: { "content-type": "text/plain" } });
    const started = performance.now();
    const response = await receiver(request, context);
    telemetry.webhookLatency(performance.now() - started, {
      "uslimato.connector.id": segments.at(-1) ?? "",
      "http.response.status_code": response.status,
    });
    return response;
  };
}
