import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/** A web-standard request handler, like the notification receiver. */
type WebHandler = (request: Request) => Promise<Response>;

/**
 * Adapts a web-standard handler to `node:http` (`createServer(toNodeHandler(receive))`). The body streams
 * through, so size limits apply while reading.
 *
 * @example
 * ```ts
 * createServer(toNodeHandler(createNotificationReceiver(options))).listen(3000);
 * ```
 */
export function toNodeHandler(handler: WebHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const method = req.method ?? "GET";
    const hasBody = method !== "GET" && method !== "HEAD";
    const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), {
      method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : null,
      duplex: "half",
    } as RequestInit);
    handler(request)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  };
}
