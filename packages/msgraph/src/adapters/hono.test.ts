import { Hono } from "hono";
import { expect, it } from "vitest";
import { receiverFixture } from "../../test/fixtures";
import { toHonoHandler } from "./hono";

it("serves the receiver on a Hono route", async () => {
  const { receive, changes } = await receiverFixture();
  const app = new Hono();
  app.post("/graph/notify", toHonoHandler(receive));
  const handshake = await app.request("/graph/notify?validationToken=a%2Bb", { method: "POST" });
  expect(await handshake.text()).toBe("a+b");
  const valid = await app.request("/graph/notify", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      value: [{ subscriptionId: "sub-1", clientState: "state-123456", tenantId: "t-1" }],
    }),
  });
  expect(valid.status).toBe(202);
  const malformed = await app.request("/graph/notify", { method: "POST", body: "{" });
  expect(malformed.status).toBe(400);
  const big = await app.request("/graph/notify", { method: "POST", body: "x".repeat(20_000) });
  expect(big.status).toBe(413);
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(changes).toEqual(["int-1"]);
});
