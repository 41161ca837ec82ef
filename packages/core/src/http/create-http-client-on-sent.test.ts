import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpClient } from "./create-http-client";
import { untilRequestSent } from "./until-request-sent";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that holds each answer until the test releases it, recording the request headers. */
async function holdingServer() {
  const seen: IncomingHttpHeaders[] = [];
  let release: (() => void) | undefined;
  server = createServer((req, res) => {
    seen.push(req.headers);
    release = () => res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/held`;
  return { url, seen, answer: () => release?.(), arrived: () => release !== undefined };
}

describe("createHttpClient onSent", () => {
  it("reports once the request is on the wire, before its answer, and marks it with a client-request-id", async () => {
    const held = await holdingServer();
    const events: string[] = [];
    const done = createHttpClient()
      .request({ url: held.url, onSent: () => events.push("sent") })
      .then(() => events.push("answered"));
    while (!held.arrived()) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(events).toEqual(["sent"]);
    expect(held.seen[0]?.["client-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    held.answer();
    await done;
    expect(events).toEqual(["sent", "answered"]);
  });

  it("keeps a client-request-id the caller set and sends none without onSent", async () => {
    const held = await holdingServer();
    const client = createHttpClient();
    const first = client.request({
      url: held.url,
      headers: { "client-request-id": "mine-0123456789" },
      onSent: () => {},
    });
    while (!held.arrived()) await new Promise((resolve) => setTimeout(resolve, 1));
    held.answer();
    await first;
    const second = client.request({ url: held.url });
    while (held.seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    held.answer();
    await second;
    expect(held.seen[0]?.["client-request-id"]).toBe("mine-0123456789");
    expect(held.seen[1]?.["client-request-id"]).toBeUndefined();
  });

  it("reports when the answer came with a fetch that cannot tell the moment it sent", async () => {
    const calls: string[] = [];
    const client = createHttpClient({ fetch: async () => Response.json({ ok: true }) });
    await client.request({ url: "http://127.0.0.1:9/x", onSent: () => calls.push("sent") });
    expect(calls).toEqual(["sent"]);
  });

  it("untilRequestSent waits for the request to leave, not for its answer", async () => {
    const held = await holdingServer();
    let wire = 0;
    let sent = (): void => {};
    const onWire = new Promise<void>((resolve) => {
      sent = resolve;
    });
    const next = createHttpClient().request({
      url: held.url,
      onSent: () => {
        wire += 1;
        sent();
      },
    });
    await untilRequestSent(onWire, next, 10_000);
    expect(wire).toBe(1);
    while (!held.arrived()) await new Promise((resolve) => setTimeout(resolve, 1));
    held.answer();
    await next;
  });

  it("untilRequestSent gives up after its bound and never rejects", async () => {
    const never = new Promise<void>(() => {});
    const started = Date.now();
    await untilRequestSent(never, Promise.reject(new Error("failed")), 1_000);
    expect(Date.now() - started).toBeLessThan(500);
    const bounded = Date.now();
    await untilRequestSent(never, never, 40);
    expect(Date.now() - bounded).toBeGreaterThanOrEqual(35);
  });
});
