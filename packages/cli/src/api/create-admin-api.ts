import {
  type Actor,
  type AnyConnector,
  describeConnectorForm,
  type Hub,
  type Logger,
  noopLogger,
  type PlanId,
  type PlanTable,
  resolvePlan,
} from "@uslimato/core";
import { ADMIN_ROUTES } from "./admin-routes";
import { ApiError } from "./api-error";
import { type ApiContext, type ApiRoute, json } from "./api-route";
import type { ConnectorForm } from "./api-schemas";
import { bearerTokenChecker } from "./bearer-token";
import { errorResponse } from "./error-response";
import { openApiDocument } from "./openapi-document";
import { parseBody, parseQuery } from "./parse-input";
import { createSyncEvents } from "./sync-events";

/** Options of {@link createAdminApi}. */
export interface AdminApiOptions {
  hub: Hub;
  /** The admin bearer token (at least 16 characters). Only its digest is kept. */
  token: string;
  /** The host tenant the API manages. */
  tenantId: string;
  /** The tenant's plan (the interval bounds of the forms). */
  plan: PlanId;
  plans?: PlanTable;
  /** Who acts in the audit log. Default `{ type: "user", id: "admin-api" }`. */
  actor?: Actor;
  logger?: Logger;
  /** The API's version in its OpenAPI document. */
  version?: string;
}

/** The admin API: a web-standard handler for `/api/...`, and `close` to end its event streams. */
export interface AdminApi {
  /** Answers requests under `/api/`; anything else gets a 404 (mount it at the root or under `/api`). */
  handler(request: Request): Promise<Response>;
  /** The OpenAPI 3.1 document (also served at `/api/openapi.json`). */
  readonly openApi: Record<string, unknown>;
  /** Ends the live event streams and stops listening to the hub. */
  close(): void;
}

const compiled = ADMIN_ROUTES.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`),
}));

const match = (method: string, path: string): { route: ApiRoute; params: Record<string, string> } => {
  const found = compiled.filter((c) => c.pattern.test(path));
  if (found.length === 0) throw new ApiError("API_NOT_FOUND", `No route ${path}`);
  const hit = found.find((c) => c.route.method === method);
  if (!hit)
    throw new ApiError(
      "API_METHOD_NOT_ALLOWED",
      `${method} is not allowed on ${path}; allowed: ${found.map((c) => c.route.method).join(", ")}`,
    );
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(hit.pattern.exec(path)?.groups ?? {}))
    params[name] = decodeURIComponent(value);
  return { route: hit.route, params };
};

/**
 * The REST API of the Interface Hub for admins: integrations (list, create, update, enable, disable, delete), Test
 * connection, Sync now, sync logs, the audit log and live sync events (server-sent events), behind an admin
 * bearer token compared in constant time. Secrets go in and never come out. A web-standard handler: serve it with
 * `toNodeHandler` from `@uslimato/core/webhooks` or any runtime that speaks `Request`/`Response`.
 *
 * @example
 * ```ts
 * const api = createAdminApi({ hub, token: process.env.ADMIN_TOKEN ?? "", tenantId: "t1", plan: "enterprise" });
 * createServer(toNodeHandler(api.handler)).listen(8080);
 * ```
 */
export function createAdminApi(options: AdminApiOptions): AdminApi {
  const authorized = bearerTokenChecker(options.token);
  const logger = options.logger ?? noopLogger;
  const closing = new AbortController();
  const events = createSyncEvents(options.hub);
  const planName = resolvePlan(options.plan, options.plans).name;
  // Core's form of each connector (its JSON Schemas and UI hints), with what the console's tiles show.
  const toForm = (connector: AnyConnector): ConnectorForm => ({
    ...describeConnectorForm(connector, options.plan, options.plans ? { plans: options.plans } : {}),
    entities: connector.entities,
    capabilities: connector.capabilities,
    planName,
  });
  const ctx: ApiContext = {
    hub: options.hub,
    tenantId: options.tenantId,
    actor: options.actor ?? { type: "user", id: "admin-api" },
    forms: () => options.hub.connectors().map(toForm),
    events,
    closed: closing.signal,
  };
  const openApi = openApiDocument(ADMIN_ROUTES, { version: options.version ?? "1" });
  return {
    openApi,
    async handler(request) {
      try {
        const url = new URL(request.url);
        const { route, params } = match(request.method === "HEAD" ? "GET" : request.method, url.pathname);
        if (!route.public && !authorized(request.headers.get("authorization")))
          throw new ApiError("API_UNAUTHORIZED", "Missing or wrong admin token (Authorization: Bearer ...)");
        if (route.operationId === "getOpenApiDocument") return json(openApi);
        const query = parseQuery(url, route.query);
        const body = await parseBody(request, route.body);
        return await route.handle(ctx, { params, query, body });
      } catch (error) {
        return errorResponse(error, logger);
      }
    },
    close() {
      closing.abort();
      events.close();
    },
  };
}
