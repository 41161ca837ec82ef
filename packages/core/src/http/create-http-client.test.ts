import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpClient } from "./create-http-client";

let server: Server;
let base = "";
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "";
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    if (path.startsWith("/throttle")) {
      if (n < 3) {
        res
          .writeHead(429, { "retry-after": "0", "content-type": "application/json" })
          .end('{"error":{"code":"TooManyRequests"}}');
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    } else if (path.startsWith("/denied")) {
      res
        .writeHead(403, { "content-type": "application/json", "request-id": "req-403" })
        .end('{"error":{"code":"Authorization_RequestDenied"}}');
    } else if (path.startsWith("/broken")) {
      res.writeHead(200, { "content-type": "application/json" }).end('{"value":[{"id":');
    } else if (path.startsWith("/slow")) {
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end("{}"), 500);
    } else if (path.startsWith("/form")) {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => {
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ type: req.headers["content-type"], body }));
      });
    } else if (path.startsWith("/unavailable")) {
      res.writeHead(503, { "content-type": "application/json" }).end("{}");
    } else {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ auth: req.headers.authorization ?? null }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const describeError = (body: unknown) => ({
  serviceCode: (body as { error?: { code?: string } } | null)?.error?.code,
});

describe("createHttpClient", () => {
  it("retries 429 honouring Retry-After and then succeeds", async () => {
    const client = createHttpClient({ baseUrl: base, describeError });
    const response = await client.request<{ ok: boolean }>({ url: "/throttle" });
    expect(response.body.ok).toBe(true);
    expect(hits.get("/throttle")).toBe(3);
  });

  it("does not retry a 403 and keeps status, service code and request id but never the token", async () => {
    const client = createHttpClient({
      baseUrl: base,
      describeError,
      headers: () => ({ authorization: "Bearer top-secret-token" }),
    });
    const error = await client.request({ url: "/denied?token=top-secret-token" }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "HTTP_ERROR",
      status: 403,
      serviceCode: "Authorization_RequestDenied",
      requestId: "req-403",
      diagnosis: {
        service: "http",
        httpStatus: 403,
        errorCode: "Authorization_RequestDenied",
        requestId: "req-403",
      },
    });
    expect(hits.get("/denied?token=top-secret-token")).toBe(1);
    expect(JSON.stringify(error)).not.toContain("top-secret-token");
    expect(String((error as Error).message)).not.toContain("top-secret-token");
  });

  it("sends a form body url-encoded", async () => {
    const client = createHttpClient({ baseUrl: base });
    const response = await client.request<{ type: string; body: string }>({
      method: "POST",
      url: "/form",
      form: { grant_type: "client_credentials", scope: "a b" },
    });
    expect(response.body.type).toContain("application/x-www-form-urlencoded");
    expect(response.body.body).toBe("grant_type=client_credentials&scope=a+b");
  });

  it("gives up after bounded retries", async () => {
    const client = createHttpClient({ baseUrl: base, retries: 2, backoffBaseMs: 1 });
    await expect(client.request({ url: "/unavailable" })).rejects.toMatchObject({
      code: "HTTP_ERROR",
      status: 503,
      details: { attempts: 3 },
    });
  });

  it("reports malformed JSON as a typed error", async () => {
    const client = createHttpClient({ baseUrl: base });
    await expect(client.request({ url: "/broken" })).rejects.toMatchObject({ code: "HTTP_INVALID_RESPONSE" });
  });

  it("times out and aborts", async () => {
    const client = createHttpClient({ baseUrl: base, timeoutMs: 50, retries: 0 });
    await expect(client.request({ url: "/slow" })).rejects.toMatchObject({ code: "HTTP_TIMEOUT" });
    const controller = new AbortController();
    const pending = createHttpClient({ baseUrl: base }).request({ url: "/slow2", signal: controller.signal });
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toBeDefined();
  });
});
