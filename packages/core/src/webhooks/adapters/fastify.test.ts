import type { AddressInfo } from "node:net";
import Fastify from "fastify";
import { runWebhookAdapterSuite } from "../../../test/fixtures/webhook-adapter-suite";
import { toFastifyPlugin } from "./fastify";

runWebhookAdapterSuite(async (handler, options) => {
  const app = Fastify();
  await app.register(toFastifyPlugin(handler, { ...options, path: "/hook" }));
  await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
    },
  };
});
