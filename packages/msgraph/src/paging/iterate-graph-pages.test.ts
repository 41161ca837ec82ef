import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { setTimeout as delay, setImmediate as nextMacrotask } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { sendJson, startTestServer, staticTokens, type TestServer } from "../../test/fixtures";
import { createGraphClient } from "../client/create-graph-client";
import { iterateDelta } from "./iterate-delta";
import { iterateGraphPages } from "./iterate-graph-pages";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TOTAL = 2500;
const PAGE = 999;

async function startPagedServer(
  options: { failOnce?: number; deltaStatus?: number; deltaCode?: string } = {},
) {
  let failed = false;
  return startTestServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname.endsWith("/delta") && options.deltaStatus) {
      const headers: Record<string, string> =
        options.deltaStatus === 410 ? { location: "/v1.0/users/delta?$deltaToken=" } : {};
      return sendJson(res, options.deltaStatus, { error: { code: options.deltaCode ?? "Gone" } }, headers);
    }
    const skip = Number(url.searchParams.get("$skiptoken") ?? "0");
    if (options.failOnce === skip && !failed) {
      failed = true;
      return sendJson(res, 503, { error: { code: "serviceNotAvailable" } });
    }
    const value = Array.from({ length: Math.min(PAGE, TOTAL - skip) }, (_, i) => ({ id: `u${skip + i}` }));
    const base = `http://${req.headers.host}${url.pathname}`;
    const last = skip + PAGE >= TOTAL;
    sendJson(
      res,
      200,
      {
        value,
        ...(last
          ? { "@odata.deltaLink": `${base}?$deltatoken=abc` }
          : { "@odata.nextLink": `${base}?$skiptoken=${skip + PAGE}` }),
      },
      { "request-id": `req-${skip}` },
    );
  });
}

describe("iterateGraphPages", () => {
  it("pages 2,500 users in pages of 999, re-sending custom headers on every page", async () => {
    server = await startPagedServer();
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    const sizes: number[] = [];
    for await (const page of iterateGraphPages(client, "/users?$top=999", {
      headers: { ConsistencyLevel: "eventual" },
    })) {
      sizes.push(page.value.length);
    }
    expect(sizes).toEqual([999, 999, 502]);
    expect(server.requests.map((r) => r.headers.consistencylevel)).toEqual([
      "eventual",
      "eventual",
      "eventual",
    ]);
  });

  it("has the next page's request started before the current page is handed out", async () => {
    server = await startPagedServer();
    const started: string[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      started.push(String(input));
      return fetch(input, init);
    };
    const client = createGraphClient({
      tokenProvider: staticTokens(),
      baseUrl: `${server.url}/v1.0`,
      fetch: fetchSpy,
    });
    const seenAtYield: number[] = [];
    for await (const _page of iterateGraphPages(client, "/users")) seenAtYield.push(started.length);
    expect(seenAtYield).toEqual([2, 3, 3]);
  });

  it("hands a page out only once the next page's request is on the wire, however slow the token provider", async () => {
    server = await startPagedServer();
    // msal-node's cached token still takes a few macrotasks; the consumer's synchronous work must not hold the
    // next request back behind them
    const slowTokens = {
      async getToken() {
        await nextMacrotask();
        await nextMacrotask();
        return { token: "test-token-value", expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const client = createGraphClient({ tokenProvider: slowTokens, baseUrl: `${server.url}/v1.0` });
    const events: string[] = [];
    const onSendHeaders = (message: unknown) => {
      const path = (message as { request: { path: string } }).request.path;
      events.push(`sent ${new URL(path, "http://x").searchParams.get("$skiptoken") ?? 0}`);
    };
    subscribe("undici:client:sendHeaders", onSendHeaders);
    try {
      for await (const page of iterateGraphPages<{ id: string }>(client, "/users")) {
        events.push(`apply ${page.value[0]?.id.slice(1)}`);
        const until = performance.now() + 5;
        while (performance.now() < until); // the consumer's synchronous work (mapping, a SQLite transaction)
      }
    } finally {
      unsubscribe("undici:client:sendHeaders", onSendHeaders);
    }
    expect(events).toEqual(["sent 0", "sent 999", "apply 0", "sent 1998", "apply 999", "apply 1998"]);
  });

  it("fetches lazily without prefetch", async () => {
    server = await startPagedServer();
    const started: string[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      started.push(String(input));
      return fetch(input, init);
    };
    const client = createGraphClient({
      tokenProvider: staticTokens(),
      baseUrl: `${server.url}/v1.0`,
      fetch: fetchSpy,
    });
    const seenAtYield: number[] = [];
    for await (const _page of iterateGraphPages(client, "/users", { prefetch: false }))
      seenAtYield.push(started.length);
    expect(seenAtYield).toEqual([1, 2, 3]);
  });

  it("resumes from the last successful nextLink after a retried page", async () => {
    server = await startPagedServer({ failOnce: 999 });
    const client = createGraphClient({
      tokenProvider: staticTokens(),
      baseUrl: `${server.url}/v1.0`,
      retry: { baseDelayMs: 1 },
    });
    let count = 0;
    for await (const page of iterateGraphPages(client, "/users")) count += page.value.length;
    expect(count).toBe(TOTAL);
    expect(server.requests.map((r) => new URL(r.url, "http://x").searchParams.get("$skiptoken"))).toEqual([
      null,
      "999",
      "999",
      "1998",
    ]);
  });

  it("aborts the prefetched request when the consumer stops early", async () => {
    server = await startPagedServer();
    const signals: AbortSignal[] = [];
    const fetchSpy: typeof fetch = (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return fetch(input, init);
    };
    const client = createGraphClient({
      tokenProvider: staticTokens(),
      baseUrl: `${server.url}/v1.0`,
      fetch: fetchSpy,
    });
    for await (const _page of iterateGraphPages(client, "/users")) break;
    expect(signals[1]?.aborted).toBe(true);
  });
});

describe("a listing that does not end", () => {
  const loopServer = (linkOf: (page: number) => string | undefined, count?: number) =>
    startTestServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const page = Number(url.searchParams.get("page") ?? "0");
      const next = linkOf(page);
      sendJson(res, 200, {
        value: [{ id: `u${page}` }],
        ...(count !== undefined && page === 0 ? { "@odata.count": count } : {}),
        ...(next ? { "@odata.nextLink": `http://${req.headers.host}${next}` } : {}),
      });
    });
  const drain = async (client: ReturnType<typeof createGraphClient>, options = {}) => {
    let pages = 0;
    for await (const _ of iterateGraphPages(client, "/users?page=0", options)) pages++;
    return pages;
  };

  it.each([true, false])(
    "fails with NEXT_LINK_LOOP when the same nextLink comes back (prefetch %s)",
    async (prefetch) => {
      server = await loopServer(() => "/v1.0/users?page=1");
      const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
      await expect(drain(client, { prefetch })).rejects.toMatchObject({
        name: "GraphError",
        code: "NEXT_LINK_LOOP",
      });
      expect(server.requests.length).toBeLessThanOrEqual(3);
    },
  );

  it("fails with NEXT_LINK_LOOP on a cycle back to an earlier page", async () => {
    server = await loopServer((page) => `/v1.0/users?page=${page === 4 ? 2 : page + 1}`);
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    const seen: number[] = [];
    const run = async () => {
      for await (const page of iterateGraphPages(client, "/users?page=0")) seen.push(page.value.length);
    };
    await expect(run()).rejects.toMatchObject({ code: "NEXT_LINK_LOOP" });
    expect(seen).toHaveLength(4);
    expect(server.requests.length).toBeLessThanOrEqual(6);
  });

  it("fails with PAGE_LIMIT_EXCEEDED beyond maxPages, or far beyond an announced @odata.count", async () => {
    server = await loopServer((page) => `/v1.0/users?page=${page + 1}`);
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    await expect(drain(client, { maxPages: 50 })).rejects.toMatchObject({ code: "PAGE_LIMIT_EXCEEDED" });
    expect(server.requests.length).toBeLessThanOrEqual(51);
    await server.close();
    server = await loopServer((page) => `/v1.0/users?page=${page + 1}`, 5);
    const counted = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    const error = await drain(counted).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PAGE_LIMIT_EXCEEDED" });
    expect((error as Error).message).toContain("@odata.count of 5");
    expect(server.requests.length).toBeLessThanOrEqual(21);
  });

  it("lets a listing end normally within its announced count", async () => {
    server = await loopServer((page) => (page < 4 ? `/v1.0/users?page=${page + 1}` : undefined), 5);
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    expect(await drain(client)).toBe(5);
  });
});

describe("the next link at a page's head", () => {
  /**
   * Pages written as Graph writes them, annotations first (`linkAt(page)` names the next link), each body's end
   * held back until another request arrives or 150 ms passed: a request sent from the head is seen.
   */
  const headFirstServer = async (linkAt: (page: number) => string) => {
    let arrived = (): void => {};
    return startTestServer(async (req, res) => {
      arrived();
      const page = Number(new URL(req.url ?? "/", "http://x").searchParams.get("page") ?? "0");
      const link = `http://${req.headers.host}${linkAt(page)}`;
      res.writeHead(200, { "content-type": "application/json" });
      res.write(`{"@odata.nextLink":${JSON.stringify(link)},"value":[`);
      await Promise.race([new Promise<void>((resolve) => (arrived = resolve)), delay(150)]);
      res.end(`{"id":"p${page}"}]}`);
    });
  };

  it("sends no early request for a link already followed or past the page limit", async () => {
    server = await headFirstServer(() => "/v1.0/users?page=1");
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    const drain = async (graph: typeof client, options = {}) => {
      for await (const _ of iterateGraphPages(graph, "/users?page=0", options)) {
      }
    };
    await expect(drain(client)).rejects.toMatchObject({ code: "NEXT_LINK_LOOP" });
    expect(server.requests).toHaveLength(2);
    await server.close();
    server = await headFirstServer((page) => `/v1.0/users?page=${page + 1}`);
    const limited = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    await expect(drain(limited, { maxPages: 5 })).rejects.toMatchObject({ code: "PAGE_LIMIT_EXCEEDED" });
    expect(server.requests).toHaveLength(5);
  });
});

describe("iterateDelta", () => {
  it("ends with the deltaLink", async () => {
    server = await startPagedServer();
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    let deltaLink: string | undefined;
    for await (const page of iterateDelta(client, "/users?$select=id"))
      deltaLink = page.deltaLink ?? deltaLink;
    expect(deltaLink).toMatch(/\$deltatoken=abc$/);
  });

  it.each([
    [410, "Gone"],
    [400, "syncStateNotFound"],
    [400, "resyncRequired"],
    [409, "resyncRequired"],
  ])("turns %i %s into DELTA_EXPIRED", async (status, code) => {
    server = await startPagedServer({ deltaStatus: status, deltaCode: code });
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    const run = async () => {
      for await (const _ of iterateDelta(client, "/users/delta?$deltatoken=old")) {
      }
    };
    await expect(run()).rejects.toMatchObject({ code: "DELTA_EXPIRED", name: "DeltaExpiredError", status });
  });

  it("keeps other errors as they are", async () => {
    server = await startPagedServer({ deltaStatus: 403, deltaCode: "Authorization_RequestDenied" });
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${server.url}/v1.0` });
    const run = async () => {
      for await (const _ of iterateDelta(client, "/users/delta")) {
      }
    };
    await expect(run()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
