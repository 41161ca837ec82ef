import type { IncomingMessage, ServerResponse } from "node:http";
import { createNodeResponder } from "../node/create-node-responder";
import type { WebHandler, WebhookAdapterOptions } from "../web-handler";

/**
 * Adapts a web-standard handler to `node:http` (`createServer(toNodeHandler(receive))`). The body streams
 * through, so size limits apply while reading; a body the handler leaves unread is settled (see
 * `WebhookAdapterOptions.drainBytes`), so keep-alive connections stay usable. A throwing handler gets a 500 and a
 * closed connection.
 *
 * @example
 * ```ts
 * createServer(toNodeHandler(receive)).listen(3000);
 * ```
 */
export function toNodeHandler(
  handler: WebHandler,
  options: WebhookAdapterOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const respond = createNodeResponder(handler, options);
  return (req, res) => {
    respond(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { connection: "close" });
      res.end();
    });
  };
}
