import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/** Where a request's body comes from when a framework already read it. */
export interface ParsedBody {
  /** The body a body parser left on the request (`Buffer`, string, or parsed JSON). */
  value: unknown;
}

function bodyOf(req: IncomingMessage, parsed: ParsedBody | undefined): RequestInit["body"] {
  if (req.method === "GET" || req.method === "HEAD") return null;
  const value = parsed?.value;
  if (value instanceof Uint8Array || typeof value === "string")
    return value as NonNullable<RequestInit["body"]>;
  if (value !== undefined && req.readableEnded) return JSON.stringify(value);
  return Readable.toWeb(req) as ReadableStream<Uint8Array>;
}

/**
 * The one conversion of a `node:http` request (also Express's and Fastify's raw request) into a web `Request`.
 * The body streams through unread, so size limits apply while reading; a body a parser already read is used as is.
 *
 * @example
 * ```ts
 * const request = toWebRequest(req, { url: req.originalUrl });
 * ```
 */
export function toWebRequest(
  req: IncomingMessage,
  options: { url?: string | undefined; body?: ParsedBody | undefined } = {},
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const url = new URL(options.url ?? req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  return new Request(url, {
    method: req.method ?? "GET",
    headers,
    body: bodyOf(req, options.body),
    duplex: "half",
  } as RequestInit);
}
