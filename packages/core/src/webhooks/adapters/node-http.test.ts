import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { runWebhookAdapterSuite } from "../../../test/fixtures/webhook-adapter-suite";
import { toNodeHandler } from "./node-http";

runWebhookAdapterSuite(async (handler, options) => {
  const server = createServer(toNodeHandler(handler, options));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
});

it("answers 500 and closes the connection when the handler throws", async () => {
  const server = createServer(toNodeHandler(async () => Promise.reject(new Error("boom"))));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(response.status).toBe(500);
    expect(response.headers.get("connection")).toBe("close");
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
