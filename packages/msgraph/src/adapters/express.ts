import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/** A web-standard request handler, like the notification receiver. */
type WebHandler = (request: Request) => Promise<Response>;

/** The parts of an Express request the adapter reads. */
type ExpressRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

function bodyOf(req: ExpressRequest): RequestInit["body"] {
  if (req.method === "GET" || req.method === "HEAD") return null;
  if (Buffer.isBuffer(req.body) || typeof req.body === "string") return req.body;
  if (req.body !== undefined && req.readableEnded) return JSON.stringify(req.body);
  return Readable.toWeb(req) as ReadableStream<Uint8Array>;
}

/**
 * Adapts a web-standard handler to an Express route. Mount it without a body parser (the receiver reads and
 * limits the raw stream); after `express.raw()` the buffer is used, after `express.json()` the parsed body.
 *
 * @example
 * ```ts
 * app.post("/graph/notify", toExpressHandler(receive));
 * ```
 */
export function toExpressHandler(
  handler: WebHandler,
): (req: ExpressRequest, res: ServerResponse, next: (error?: unknown) => void) => void {
  return (req, res, next) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const url = new URL(req.originalUrl ?? req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
    const request = new Request(url, {
      method: req.method ?? "GET",
      headers,
      body: bodyOf(req),
      duplex: "half",
    } as RequestInit);
    handler(request)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(next);
  };
}
