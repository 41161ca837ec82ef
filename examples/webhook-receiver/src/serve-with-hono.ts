import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { toHonoHandler } from "@uslimato/core/webhooks";
import { Hono } from "hono";
import type { RunningServer, WebHandler } from "./running-server";

/**
 * Mounts the webhook receiver in a Hono app (served by `@hono/node-server`): Hono speaks `Request` ->
 * `Response` already, so `toHonoHandler` hands it `c.req.raw` (settling a body the receiver left unread).
 */
export function serveWithHono(
  receive: WebHandler,
  options: { port?: number; path: string },
): Promise<RunningServer> {
  const app = new Hono();
  app.get("/healthz", (c) => c.text("ok"));
  app.post(options.path, toHonoHandler(receive));
  return new Promise((resolve) => {
    const server = serve(
      { fetch: app.fetch, port: options.port ?? 0, hostname: "127.0.0.1" },
      (info: AddressInfo) =>
        resolve({
          url: `http://127.0.0.1:${info.port}${options.path}`,
          close: () => new Promise<void>((done) => server.close(() => done())),
        }),
    );
  });
}
