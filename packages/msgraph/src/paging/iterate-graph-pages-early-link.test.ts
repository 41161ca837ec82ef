import { afterEach, describe, expect, it } from "vitest";
import { startTestServer, staticTokens, type TestServer } from "../../test/fixtures";
import { createGraphClient } from "../client/create-graph-client";
import { iterateGraphPages } from "./iterate-graph-pages";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PAGES = 4;

/**
 * Pages of `{context, nextLink, value}` whose head is written at once and whose rest is held back until the
 * request for the next page arrived (or 500 ms passed): a pager that waits for the whole body before asking for
 * the next page sees every page late.
 */
async function startHoldingServer(options: { lieInHead?: boolean } = {}) {
  const arrived = new Map<number, () => void>();
  const waitFor = (page: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 500);
      arrived.set(page, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  const earlyRequests: boolean[] = [];
  const started = await startTestServer(async (req, res) => {
    const page = Number(new URL(req.url ?? "/", "http://x").searchParams.get("page") ?? 1);
    arrived.get(page)?.();
    const link = (n: number) => `${started.url}/v1.0/users?page=${n}`;
    const next = page < PAGES ? link(page + 1) : undefined;
    const headLink = options.lieInHead && next ? link(page + 100) : next;
    res.writeHead(200, { "content-type": "application/json" });
    const nextInHead = headLink ? `,"@odata.nextLink":${JSON.stringify(headLink)}` : "";
    res.write(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users"${nextInHead},"value":[`);
    if (next) earlyRequests.push(await waitFor(page + 1));
    const tail = options.lieInHead && next ? `,"@odata.nextLink":${JSON.stringify(next)}` : "";
    res.end(`{"id":"u${page}"}]${tail}}`);
  });
  return Object.assign(started, { earlyRequests });
}

describe("iterateGraphPages: the nextLink at the head of a page's body", () => {
  it("asks for the next page as soon as the head of this page arrived, before the rest of its body", async () => {
    const holding = await startHoldingServer();
    server = holding;
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${holding.url}/v1.0` });
    const ids: string[] = [];
    for await (const page of iterateGraphPages<{ id: string }>(client, "/users")) {
      ids.push(...page.value.map((u) => u.id));
    }
    expect(ids).toEqual(["u1", "u2", "u3", "u4"]);
    // page 1's link is known only with the first page's limit (its count): from page 2 on the request goes early
    expect(holding.earlyRequests.slice(1)).toEqual([true, true]);
    expect(holding.requests.map((r) => r.url)).toEqual([
      "/v1.0/users",
      "/v1.0/users?page=2",
      "/v1.0/users?page=3",
      "/v1.0/users?page=4",
    ]);
  });

  it("drops a page asked for from a head the parsed body contradicts, and follows the parsed nextLink", async () => {
    const holding = await startHoldingServer({ lieInHead: true });
    server = holding;
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${holding.url}/v1.0` });
    const ids: string[] = [];
    for await (const page of iterateGraphPages<{ id: string }>(client, "/users")) {
      ids.push(...page.value.map((u) => u.id));
    }
    expect(ids).toEqual(["u1", "u2", "u3", "u4"]);
    const urls = holding.requests.map((r) => r.url);
    expect(urls.filter((u) => !u.includes("page=10"))).toEqual([
      "/v1.0/users",
      "/v1.0/users?page=2",
      "/v1.0/users?page=3",
      "/v1.0/users?page=4",
    ]);
  });

  it("asks for nothing ahead with prefetch off", async () => {
    const holding = await startHoldingServer();
    server = holding;
    const client = createGraphClient({ tokenProvider: staticTokens(), baseUrl: `${holding.url}/v1.0` });
    for await (const _page of iterateGraphPages(client, "/users", { prefetch: false })) {
      // nothing
    }
    expect(holding.earlyRequests).toEqual([false, false, false]);
  });
});
