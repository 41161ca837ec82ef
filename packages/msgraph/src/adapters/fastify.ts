import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/** A web-standard request handler, like the notification receiver. */
type WebHandler = (request: Request) => Promise<Response>;

/** The parts of a Fastify request and reply the adapter uses. */
interface FastifyRequestLike {
  raw: IncomingMessage;
  body: unknown;
}
interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  headers(values: Record<string, string>): FastifyReplyLike;
  send(payload: Buffer): unknown;
}
/** The parts of a Fastify instance the plugin uses. */
export interface FastifyInstanceLike {
  removeAllContentTypeParsers(): unknown;
  addContentTypeParser(
    type: string,
    parser: (
      request: unknown,
      payload: IncomingMessage,
      done: (error: Error | null, body?: unknown) => void,
    ) => void,
  ): unknown;
  post(
    path: string,
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>,
  ): unknown;
}

/**
 * A Fastify plugin serving a web-standard handler at `path`. Inside the plugin's scope every content type is
 * passed through as the raw stream, so the receiver reads and limits the body itself.
 *
 * @example
 * ```ts
 * await app.register(toFastifyPlugin(receive, { path: "/graph/notify" }));
 * ```
 */
export function toFastifyPlugin(
  handler: WebHandler,
  options: { path: string },
): (app: FastifyInstanceLike) => Promise<void> {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("*", (_request, payload, done) => done(null, payload));
    app.post(options.path, async (request, reply) => {
      const { raw } = request;
      const headers = new Headers();
      for (const [name, value] of Object.entries(raw.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const stream = request.body instanceof Readable ? request.body : raw;
      const response = await handler(
        new Request(new URL(raw.url ?? "/", `http://${raw.headers.host ?? "localhost"}`), {
          method: raw.method ?? "POST",
          headers,
          body: Readable.toWeb(stream) as ReadableStream<Uint8Array>,
          duplex: "half",
        } as RequestInit),
      );
      return reply
        .code(response.status)
        .headers(Object.fromEntries(response.headers))
        .send(Buffer.from(await response.arrayBuffer()));
    });
  };
}
