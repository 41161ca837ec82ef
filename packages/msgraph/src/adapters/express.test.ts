import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { expect, it } from "vitest";
import { exerciseReceiver, receiverFixture } from "../../test/fixtures";
import { toExpressHandler } from "./express";

async function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => resolve(server));
  });
}

it("serves the receiver on an Express route (raw stream)", async () => {
  const { receive, changes } = await receiverFixture();
  const app = express();
  app.post("/graph/notify", toExpressHandler(receive));
  const server = await listen(app);
  try {
    await exerciseReceiver(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/graph/notify`,
      changes,
    );
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

it("works behind express.raw() too", async () => {
  const { receive, changes } = await receiverFixture();
  const app = express();
  app.post("/graph/notify", express.raw({ type: "*/*" }), toExpressHandler(receive));
  const server = await listen(app);
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graph/notify`;
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        value: [{ subscriptionId: "sub-1", clientState: "state-123456", tenantId: "t-1" }],
      }),
    });
    expect(response.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(changes).toEqual(["int-1"]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
