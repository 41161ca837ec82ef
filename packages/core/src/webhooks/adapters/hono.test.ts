import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { expect, it } from "vitest";
import { runWebhookAdapterSuite, testReceiver } from "../../../test/fixtures/webhook-adapter-suite";
import { toHonoHandler } from "./hono";

runWebhookAdapterSuite(async (handler, options) => {
  const app = new Hono();
  app.post("/hook", toHonoHandler(handler, options));
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }) as Server;
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
});

it("serves in-process through app.request, and uses the execution context's waitUntil on edge runtimes", async () => {
  const { handler, accepted } = testReceiver();
  const app = new Hono();
  app.post("/hook", toHonoHandler(handler));
  const response = await app.request("/hook", { method: "POST", body: JSON.stringify({ a: 1 }) });
  expect(response.status).toBe(202);
  expect(accepted).toEqual([{ a: 1 }]);

  const waited: Array<Promise<unknown>> = [];
  const edge = new Hono();
  edge.post(
    "/hook",
    toHonoHandler(async (_request, context) => {
      context?.waitUntil?.(Promise.resolve("done"));
      return new Response(null, { status: 202 });
    }),
  );
  const executionCtx = {
    waitUntil: (p: Promise<unknown>) => void waited.push(p),
    passThroughOnException() {},
    props: {},
  };
  expect((await edge.request("/hook", { method: "POST", body: "{}" }, {}, executionCtx)).status).toBe(202);
  expect(await Promise.all(waited)).toEqual(["done"]);
});
