import type { IncomingMessage, ServerResponse } from "node:http";
import { settleRequestBody } from "../settle-request-body";
import type { WebHandler, WebhookAdapterOptions } from "../web-handler";
import { type ParsedBody, toWebRequest } from "./to-web-request";
import { writeWebResponse } from "./write-web-response";

/**
 * Serves one `node:http` request (or Express's / Fastify's raw one) with a web handler: one conversion in, the
 * body settled (see {@link settleRequestBody}), one write out. Rejects when the handler throws, before anything
 * was written, so the adapter decides what to answer.
 */
export function createNodeResponder(
  handler: WebHandler,
  options: WebhookAdapterOptions = {},
): (
  req: IncomingMessage,
  res: ServerResponse,
  from?: { url?: string | undefined; body?: ParsedBody | undefined },
) => Promise<void> {
  const settled = settleRequestBody(handler, options);
  const context = options.waitUntil ? { waitUntil: options.waitUntil } : {};
  return async (req, res, from) => {
    const response = await settled(toWebRequest(req, from), context);
    await writeWebResponse(res, response);
  };
}
