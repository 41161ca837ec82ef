/**
 * `@uslimato/core/webhooks`: serve a web-standard webhook receiver (`(Request) => Promise<Response>`, such as
 * the Entra connector's) from `node:http`, Express, Fastify or Hono, with one request conversion, bodies read
 * within a limit, no half-read bodies left on keep-alive connections, and `waitUntil` for edge runtimes.
 * Express, Fastify and Hono are never imported: the adapters use their shapes only.
 *
 * @example
 * ```ts
 * import { createServer } from "node:http";
 * import { readLimitedText, toNodeHandler } from "@uslimato/core/webhooks";
 *
 * const receive = async (request: Request) => {
 *   const body = await readLimitedText(request, 1_000_000);
 *   return new Response(body.length > 0 ? "ok" : "empty", { status: 202 });
 * };
 * createServer(toNodeHandler(receive)).listen(3000);
 * ```
 *
 * @module
 */

export type { ExpressRequestLike } from "./webhooks/adapters/express";
export { toExpressHandler } from "./webhooks/adapters/express";
export type { FastifyInstanceLike, FastifyReplyLike, FastifyRequestLike } from "./webhooks/adapters/fastify";
export { toFastifyPlugin } from "./webhooks/adapters/fastify";
export type { HonoContextLike } from "./webhooks/adapters/hono";
export { toHonoHandler } from "./webhooks/adapters/hono";
export { toNodeHandler } from "./webhooks/adapters/node-http";
export { BodyTooLargeError } from "./webhooks/body-too-large-error";
export { createNodeResponder } from "./webhooks/node/create-node-responder";
export type { ParsedBody } from "./webhooks/node/to-web-request";
export { toWebRequest } from "./webhooks/node/to-web-request";
export { writeWebResponse } from "./webhooks/node/write-web-response";
export { readLimitedText } from "./webhooks/read-limited-text";
export { settleRequestBody } from "./webhooks/settle-request-body";
export type { WebHandler, WebhookAdapterOptions, WebhookContext } from "./webhooks/web-handler";
