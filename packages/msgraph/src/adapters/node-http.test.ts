import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { exerciseReceiver, receiverFixture } from "../../test/fixtures";
import { toNodeHandler } from "./node-http";

it("serves the receiver on node:http", async () => {
  const { receive, changes } = await receiverFixture();
  const server = createServer(toNodeHandler(receive));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
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

it("answers 500 when the handler throws", async () => {
  const server = createServer(toNodeHandler(async () => Promise.reject(new Error("boom"))));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(response.status).toBe(500);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
