import type { AddressInfo } from "node:net";
import Fastify from "fastify";
import { it } from "vitest";
import { exerciseReceiver, receiverFixture } from "../../test/fixtures";
import { toFastifyPlugin } from "./fastify";

it("serves the receiver as a Fastify plugin, bypassing Fastify's JSON parser", async () => {
  const { receive, changes } = await receiverFixture();
  const app = Fastify();
  await app.register(toFastifyPlugin(receive, { path: "/graph/notify" }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    await exerciseReceiver(
      `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graph/notify`,
      changes,
    );
  } finally {
    await app.close();
  }
});
