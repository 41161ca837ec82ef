import { settleRequestBody } from "../settle-request-body";
import type { WebHandler, WebhookAdapterOptions, WebhookContext } from "../web-handler";

/** The parts of a Hono context the adapter reads (structural: Hono is not imported). */
export interface HonoContextLike {
  req: { raw: Request };
  /** Hono's execution context on edge runtimes; its getter throws where there is none. */
  readonly executionCtx?: { waitUntil(promise: Promise<unknown>): void };
}

function contextOf(c: HonoContextLike, options: WebhookAdapterOptions): WebhookContext {
  if (options.waitUntil) return { waitUntil: options.waitUntil };
  try {
    const execution = c.executionCtx;
    if (execution) return { waitUntil: (promise) => execution.waitUntil(promise) };
  } catch {
    // Not an edge runtime: no execution context.
  }
  return {};
}

/**
 * Adapts a web-standard handler to a Hono route: Hono already speaks `Request` -> `Response`. On edge runtimes
 * the handler's after-answer work goes to the execution context's `waitUntil` (or `options.waitUntil`); a body
 * the handler leaves unread is settled, as in every adapter.
 *
 * @example
 * ```ts
 * app.post("/graph/notify", toHonoHandler(receive));
 * ```
 */
export function toHonoHandler(
  handler: WebHandler,
  options: WebhookAdapterOptions = {},
): (c: HonoContextLike) => Promise<Response> {
  const settled = settleRequestBody(handler, options);
  return (c) => settled(c.req.raw, contextOf(c, options));
}
