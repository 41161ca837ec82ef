import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { createNodeResponder } from "../node/create-node-responder";
import type { WebHandler, WebhookAdapterOptions } from "../web-handler";

/** The parts of a Fastify request the plugin reads (structural: Fastify is not imported). */
export interface FastifyRequestLike {
  raw: IncomingMessage;
  body: unknown;
}
/** The parts of a Fastify reply the plugin uses: it takes the raw response over. */
export interface FastifyReplyLike {
  raw: ServerResponse;
  hijack(): unknown;
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
 * passed through as the raw stream, so the handler reads and limits the body itself; the answer is written to
 * the raw response (`reply.hijack()`), and a body the handler leaves unread is settled so keep-alive connections
 * stay usable.
 *
 * @example
 * ```ts
 * await app.register(toFastifyPlugin(receive, { path: "/graph/notify" }));
 * ```
 */
export function toFastifyPlugin(
  handler: WebHandler,
  options: WebhookAdapterOptions & { path: string },
): (app: FastifyInstanceLike) => Promise<void> {
  const respond = createNodeResponder(handler, options);
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("*", (_request, payload, done) => done(null, payload));
    app.post(options.path, async (request, reply) => {
      reply.hijack();
      const { raw } = request;
      const body = request.body instanceof Readable || request.body === undefined ? undefined : request.body;
      try {
        await respond(raw, reply.raw, body === undefined ? {} : { body: { value: body } });
      } catch {
        if (!reply.raw.headersSent) reply.raw.writeHead(500, { connection: "close" });
        reply.raw.end();
      }
    });
  };
}
