import { afterEach, describe, expect, it } from "vitest";
import {
  recordingLogger,
  sendJson,
  startTestServer,
  staticTokens,
  type TestServer,
} from "../../test/fixtures";
import { GraphError } from "../errors/graph-error";
import { createGraphClient } from "./create-graph-client";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fast = { baseDelayMs: 1, maxDelayMs: 20 };

describe("createGraphClient", () => {
  it("sends the bearer token and custom headers, returns data, headers and request id", async () => {
    server = await startTestServer((_req, res) =>
      sendJson(res, 200, { value: [1] }, { "request-id": "rid-1" }),
    );
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    const response = await client.get<{ value: number[] }>("/users?$top=2", {
      headers: { ConsistencyLevel: "eventual" },
    });
    expect(response.data.value).toEqual([1]);
    expect(response.requestId).toBe("rid-1");
    expect(server.requests[0]?.url).toBe("/v1.0/users?$top=2");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer test-token-value");
    expect(server.requests[0]?.headers.consistencylevel).toBe("eventual");
  });

  it("tells onSent when the request is on the wire, before its answer comes", async () => {
    let answer: (() => void) | undefined;
    server = await startTestServer((_req, res) => {
      answer = () => sendJson(res, 200, { value: [] });
    });
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    const events: string[] = [];
    const done = client
      .get("/users", { onSent: () => events.push("sent") })
      .then(() => events.push("answered"));
    while (!answer) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(events).toEqual(["sent"]);
    answer();
    await done;
    expect(events).toEqual(["sent", "answered"]);
  });

  it("tells onSent once the answer came when the fetch cannot report the moment it was sent", async () => {
    const calls: string[] = [];
    const client = createGraphClient({
      tokenProvider: staticTokens(),
      baseUrl: "http://127.0.0.1:9/v1.0",
      fetch: async () => Response.json({ value: [] }),
    });
    await client.get("/users", { onSent: () => calls.push("sent") });
    expect(calls).toEqual(["sent"]);
  });

  it("refuses absolute URLs on another origin and plain http off loopback", async () => {
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: "http://127.0.0.1:9/v1.0" });
    await expect(client.get("http://evil.example/v1.0/users")).rejects.toMatchObject({
      code: "FOREIGN_ORIGIN",
    });
    expect(() =>
      createGraphClient({ tokenProvider: staticTokens(), baseUrl: "http://graph.example/v1.0" }),
    ).toThrow(expect.objectContaining({ code: "INVALID_ENDPOINT" }));
  });

  it("retries 429 honouring Retry-After, then 503 and 504, and logs throttling headers at debug", async () => {
    let calls = 0;
    server = await startTestServer((_req, res) => {
      calls++;
      if (calls === 1)
        return sendJson(
          res,
          429,
          { error: { code: "TooManyRequests" } },
          { "retry-after": "0", "x-ms-throttle-limit-percentage": "0.9" },
        );
      if (calls === 2) return sendJson(res, 503, { error: { code: "serviceNotAvailable" } });
      if (calls === 3) return sendJson(res, 504, {});
      sendJson(res, 200, { ok: true });
    });
    const { logger, lines } = recordingLogger();
    const client = createGraphClient({
      tokenProvider: staticTokens(),
      baseUrl: server.url,
      retry: fast,
      logger,
    });
    await expect(client.get("/x")).resolves.toMatchObject({ data: { ok: true } });
    expect(calls).toBe(4);
    expect(lines.some((l) => l.level === "debug" && JSON.stringify(l.fields).includes("0.9"))).toBe(true);
  });

  it("gives up after maxRetries with a THROTTLED error carrying retryAfterMs", async () => {
    server = await startTestServer((_req, res) =>
      sendJson(
        res,
        429,
        { error: { code: "TooManyRequests", message: "slow down", innerError: { "request-id": "r9" } } },
        { "retry-after": "0" },
      ),
    );
    const client = createGraphClient({
      tokenProvider: staticTokens(),
      baseUrl: server.url,
      retry: fast,
      maxRetries: 2,
    });
    const error = await client.get("/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({
      code: "THROTTLED",
      status: 429,
      graphCode: "TooManyRequests",
      requestId: "r9",
      retryAfterMs: 0,
    });
    expect(server.requests).toHaveLength(3);
  });

  it("maps 403 to FORBIDDEN without retrying and never leaks the token", async () => {
    server = await startTestServer((_req, res) =>
      sendJson(res, 403, {
        error: {
          code: "Authorization_RequestDenied",
          message: "token test-token-value denied",
          innerError: { requestId: "old-style" },
        },
      }),
    );
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: server.url, retry: fast });
    const error = (await client.get("/users").catch((e: unknown) => e)) as GraphError;
    expect(error.code).toBe("FORBIDDEN");
    expect(error.requestId).toBe("old-style");
    expect(JSON.stringify(error) + error.message).not.toContain("test-token-value");
    expect(server.requests).toHaveLength(1);
  });

  it("keeps Graph's own diagnosis as fields: status, code, request-id, client-request-id, date", async () => {
    server = await startTestServer((_req, res) =>
      sendJson(
        res,
        403,
        {
          error: {
            code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.",
            innerError: {
              date: "2026-03-01T10:00:00",
              "request-id": "body-request-id",
              "client-request-id": "body-client-request-id",
            },
          },
        },
        { "request-id": "header-request-id", "client-request-id": "header-client-request-id" },
      ),
    );
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: server.url, retry: fast });
    const error = (await client.get("/users").catch((e: unknown) => e)) as GraphError;
    expect(error.diagnosis).toEqual({
      service: "graph",
      httpStatus: 403,
      errorCode: "Authorization_RequestDenied",
      requestId: "header-request-id",
      clientRequestId: "header-client-request-id",
      date: "2026-03-01T10:00:00",
      message: "Insufficient privileges to complete the operation.",
    });
    expect(error.toJSON().diagnosis).toEqual(error.diagnosis);
  });

  it("decodes Intune's double-encoded error: real code, front-end text and activity id, service intune", async () => {
    const activity = "0b0a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
    const inner = JSON.stringify({
      _version: 3,
      Message: `An error has occurred - Operation ID (for customer support): x - Activity ID: ${activity} - Url: https://fef.example/DeviceFE`,
    });
    server = await startTestServer((_req, res) =>
      sendJson(
        res,
        403,
        {
          error: {
            code: "UnknownError",
            message: JSON.stringify({ ErrorCode: "Forbidden", Message: inner }),
            innerError: { "request-id": "rid-intune" },
          },
        },
        { "request-id": "rid-intune" },
      ),
    );
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: server.url, retry: fast });
    const error = (await client
      .get("/deviceManagement/managedDevices")
      .catch((e: unknown) => e)) as GraphError;
    expect(error).toMatchObject({ code: "FORBIDDEN", graphCode: "UnknownError", activityId: activity });
    expect(error.message).toContain("(Intune: Forbidden): An error has occurred");
    expect(error.diagnosis).toMatchObject({
      service: "intune",
      httpStatus: 403,
      errorCode: "UnknownError",
      serviceCode: "Forbidden",
      requestId: "rid-intune",
      activityId: activity,
    });
  });

  it("falls back to the older innerError spellings and Graph's Date header", async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(404, { "content-type": "application/json", date: "Sun, 01 Mar 2026 10:00:00 GMT" });
      res.end(
        JSON.stringify({
          error: { code: "Request_ResourceNotFound", innerError: { requestId: "older-spelling" } },
        }),
      );
    });
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: server.url, retry: fast });
    const error = (await client.get("/users/x").catch((e: unknown) => e)) as GraphError;
    expect(error.diagnosis).toMatchObject({
      service: "graph",
      httpStatus: 404,
      errorCode: "Request_ResourceNotFound",
      requestId: "older-spelling",
      date: "Sun, 01 Mar 2026 10:00:00 GMT",
    });
  });

  it("retries malformed JSON a bounded number of times, then INVALID_RESPONSE", async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"value": [1, 2');
    });
    const client = createGraphClient({
      tokenProvider: staticTokens(),
      baseUrl: server.url,
      retry: fast,
      maxRetries: 1,
    });
    await expect(client.get("/x")).rejects.toMatchObject({ code: "INVALID_RESPONSE", status: 200 });
    expect(server.requests).toHaveLength(2);
  });

  it("retries connection resets", async () => {
    let calls = 0;
    server = await startTestServer((req, res) => {
      calls++;
      if (calls === 1) {
        req.socket.destroy();
        return;
      }
      sendJson(res, 200, { ok: 1 });
    });
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: server.url, retry: fast });
    await expect(client.get("/x")).resolves.toMatchObject({ data: { ok: 1 } });
  });

  it("times out an attempt and reports TIMEOUT when retries run out", async () => {
    server = await startTestServer(() => {});
    const client = createGraphClient({
      tokenProvider: staticTokens(),
      baseUrl: server.url,
      timeoutMs: 50,
      maxRetries: 0,
    });
    await expect(client.get("/x")).rejects.toMatchObject({ code: "TIMEOUT" });
  });

  it("stops at once when the caller aborts, with the caller's reason", async () => {
    server = await startTestServer(() => {});
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: server.url });
    const controller = new AbortController();
    const pending = client.get("/x", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 20);
    await expect(pending).rejects.toThrow("stop");
  });

  it("sends JSON bodies and accepts empty 204 answers", async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: server.url });
    const response = await client.request("PATCH", "/subscriptions/1", { body: { a: 1 } });
    expect(response.status).toBe(204);
    expect(response.data).toBeUndefined();
    expect(server.requests[0]?.body).toBe('{"a":1}');
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json");
  });
});
