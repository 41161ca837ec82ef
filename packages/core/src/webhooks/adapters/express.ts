import type { IncomingMessage, ServerResponse } from "node:http";
import { createNodeResponder } from "../node/create-node-responder";
import type { WebHandler, WebhookAdapterOptions } from "../web-handler";

/** The parts of an Express request the adapter reads (structural: Express is not imported). */
export type ExpressRequestLike = IncomingMessage & { body?: unknown; originalUrl?: string };

/**
 * Adapts a web-standard handler to an Express route. Mount it without a body parser (the handler reads and
 * limits the raw stream); after `express.raw()` the buffer is used, after `express.json()` the parsed body. A
 * body the handler leaves unread is settled, so keep-alive connections stay usable; errors go to `next`.
 *
 * @example
 * ```ts
 * app.post("/graph/notify", toExpressHandler(receive));
 * ```
 */
export function toExpressHandler(
  handler: WebHandler,
  options: WebhookAdapterOptions = {},
): (req: ExpressRequestLike, res: ServerResponse, next: (error?: unknown) => void) => void {
  const respond = createNodeResponder(handler, options);
  return (req, res, next) => {
    respond(req, res, {
      url: req.originalUrl,
      body: req.body === undefined ? undefined : { value: req.body },
    }).catch(next);
  };
}
