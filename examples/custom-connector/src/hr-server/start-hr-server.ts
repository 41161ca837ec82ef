import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HrDirectory } from "./hr-directory";

/** A running HR REST API on loopback. */
export interface HrServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`; the API lives under `/api`. */
  url: string;
  /** The API key clients send in the `x-api-key` header. */
  apiKey: string;
  directory: HrDirectory;
  /** Requests served so far (method and path with query), for tests. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Starts a tiny HR system: `GET /api/people?limit=&cursor=&updatedSince=` behind an `x-api-key` header, JSON
 * errors `{ error: { code, message } }` with an `x-request-id`.
 */
export async function startHrServer(
  options: { people?: number; apiKey?: string; directory?: HrDirectory } = {},
): Promise<HrServer> {
  const apiKey = options.apiKey ?? `hr_${randomBytes(18).toString("base64url")}`;
  const directory = options.directory ?? new HrDirectory({ people: options.people ?? 50 });
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "GET" || url.pathname !== "/api/people")
      return fail(res, 404, "not_found", "No such route");
    if (req.headers["x-api-key"] !== apiKey)
      return fail(res, 401, "invalid_api_key", "The API key is not valid");
    const limit = Number(url.searchParams.get("limit") ?? "100");
    const updatedSince = url.searchParams.get("updatedSince") ?? undefined;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      return fail(res, 400, "invalid_limit", "limit must be 1..500");
    if (updatedSince !== undefined && Number.isNaN(Date.parse(updatedSince)))
      return fail(res, 400, "invalid_updated_since", "updatedSince must be an ISO 8601 instant");
    try {
      const since = updatedSince === undefined ? undefined : new Date(updatedSince).toISOString();
      const page = directory.list({
        limit,
        cursor: url.searchParams.get("cursor") ?? undefined,
        updatedSince: since,
      });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(page));
    } catch {
      fail(res, 400, "invalid_cursor", "The cursor is not valid");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    apiKey,
    directory,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  res
    .writeHead(status, { "content-type": "application/json", "x-request-id": randomUUID() })
    .end(JSON.stringify({ error: { code, message } }));
}
