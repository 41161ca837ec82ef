import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { expect, it } from "vitest";
import { runWebhookAdapterSuite, testReceiver } from "../../../test/fixtures/webhook-adapter-suite";
import { toExpressHandler } from "./express";

async function listen(app: express.Express) {
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, "127.0.0.1", () => resolve(started));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

runWebhookAdapterSuite(async (handler, options) => {
  const app = express();
  app.post("/hook", toExpressHandler(handler, options));
  return listen(app);
});

it("works behind express.raw() and express.json() too", async () => {
  const { handler, accepted } = testReceiver();
  const app = express();
  app.post("/raw", express.raw({ type: "*/*" }), toExpressHandler(handler));
  app.post("/json", express.json(), toExpressHandler(handler));
  const served = await listen(app);
  try {
    for (const path of ["/raw", "/json"]) {
      const response = await fetch(`${served.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ path }),
      });
      expect(response.status).toBe(202);
    }
    expect(accepted).toEqual([{ path: "/raw" }, { path: "/json" }]);
  } finally {
    await served.close();
  }
});
