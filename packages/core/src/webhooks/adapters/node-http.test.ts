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

it("writes a server-sent event stream as it comes and cancels it when the client goes", async () => {
  let cancelled = false;
  let push: ((text: string) => void) | undefined;
  const server = createServer(
    toNodeHandler(async () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (text) => controller.enqueue(new TextEncoder().encode(text));
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const abort = new AbortController();
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
      signal: abort.signal,
    });
    const reader = response.body?.getReader();
    push?.("data: one\n\n");
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toBe("data: one\n\n");
    abort.abort();
    await expect.poll(() => cancelled).toBe(true);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
