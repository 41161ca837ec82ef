/** A web-standard request handler, like the notification receiver. */
type WebHandler = (request: Request) => Promise<Response>;

/**
 * Adapts a web-standard handler to a Hono route: Hono already speaks `Request` -> `Response`.
 *
 * @example
 * ```ts
 * app.post("/graph/notify", toHonoHandler(receive));
 * ```
 */
export function toHonoHandler(handler: WebHandler): (c: { req: { raw: Request } }) => Promise<Response> {
  return (c) => handler(c.req.raw);
}
