import type { FaultResponder } from "../http/exchange-outcome";
import type { PageFault, SimHandler, SimRequest, SimResponse } from "../http/sim-exchange";
import { aadError } from "./auth/aad-error";
import { instanceDiscovery, jwks, openIdConfiguration } from "./auth/openid-configuration";
import { handleTokenRequest, isOwnTenant } from "./auth/token-endpoint";
import { verifyBearer } from "./auth/verify-bearer";
import type { GraphBehaviour, GraphContext } from "./graph-context";
import { graphError } from "./graph-error";
import { createIntuneGate, type IntuneBudget, type IntuneRequestLimits } from "./intune/create-intune-gate";
import { intuneThrottled } from "./intune/intune-error";
import type { GraphModel } from "./model/graph-model";
import { createSubscriptionService, type SubscriptionService } from "./notifications/subscription-service";
import { createResourceUnitMeter, resourceUnitLimit } from "./resource-units";
import { auditEvents } from "./routes/audit-events";
import { complianceDeviceStatuses } from "./routes/compliance-device-statuses";
import { devicesDelta } from "./routes/devices-delta";
import { getManagedDevice } from "./routes/get-managed-device";
import { groupsDelta } from "./routes/groups-delta";
import { listCompliancePolicies } from "./routes/list-compliance-policies";
import { listEntraDevices } from "./routes/list-entra-devices";
import { listGroupMembers, listGroups } from "./routes/list-groups";
import { listUsers } from "./routes/list-users";
import { managedDeviceUsers } from "./routes/managed-device-users";
import { managedDevices } from "./routes/managed-devices";
import { userManagedDevices } from "./routes/user-managed-devices";
import { usersDelta } from "./routes/users-delta";
import { createPageRenderPool } from "./serialize/page-render-pool";
import { createPagesAhead } from "./serialize/pages-ahead";

/** Options of the Graph service (shared by the HTTP server and the msw handlers). */
export interface GraphServiceOptions extends Partial<GraphBehaviour> {
  /** Check bearer tokens and roles. Default true; `false` lets any request through (as app "simulator"). */
  auth?: boolean;
  /** Access token lifetime in seconds. Default 3599. */
  tokenLifetimeSeconds?: number;
  /** Resource units per app per 10 s before 429; `false` turns the budget off. Default by tenant size. */
  resourceUnitLimit?: number | false;
  /** Handshake timeout on subscription create. Default 10,000 ms. */
  validationTimeoutMs?: number;
  /** Notifications are batched this long before delivery. Default 20 ms. */
  notificationBatchMs?: number;
  /**
   * Render the users of the next two pages of `/users` (and of the initial round of `/users/delta`) while the
   * client reads the current one, so a client paging through the tenant finds each page ready. Only pages of
   * unchanged users are rendered ahead, and one is used only if the model has not changed since. Default true;
   * at most 4 pages (~1.5 MiB at 999 users) are held.
   */
  renderAhead?: boolean;
  /**
   * Render those pages on a worker thread, so the server's thread only answers requests. Default true for
   * `startGraphSimulator`, false for `createGraphHandlers`. Falls back to the server's thread, with the same
   * bytes, when no worker can start (e.g. running from TypeScript source without a loader such as tsx).
   */
  renderThread?: boolean;
  /**
   * Intune's per-app request budgets per window, separate from Entra's resource units: `devices` (managed
   * devices, 2,000), `configuration` (compliance policies and statuses, 1,000), `audit` (audit events, 1,000);
   * `false` turns one off. Lower them to test throttling.
   */
  intuneRequestLimits?: IntuneRequestLimits;
  /** Length of Intune's throttling window. Default 20,000 ms. */
  intuneWindowMs?: number;
}

/** The Graph service: one router plus its subscriptions. */
export interface GraphService {
  handler: SimHandler;
  faultResponse: FaultResponder;
  subscriptions: SubscriptionService;
  /** Whether pages rendered ahead are rendered on a worker thread now. */
  readonly renderThread: boolean;
  /** Stops the service's render thread, if one runs (subscriptions are closed separately). */
  close(): Promise<void>;
}

const USER_ROLES = ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
const GROUP_ROLES = ["Group.Read.All", "GroupMember.Read.All", "Group.ReadWrite.All", "Directory.Read.All"];
const DEVICE_ROLES = [
  "DeviceManagementManagedDevices.Read.All",
  "DeviceManagementManagedDevices.ReadWrite.All",
];
const CONFIGURATION_ROLES = [
  "DeviceManagementConfiguration.Read.All",
  "DeviceManagementConfiguration.ReadWrite.All",
];
const AUDIT_ROLES = ["DeviceManagementApps.Read.All", "DeviceManagementApps.ReadWrite.All"];
const ENTRA_DEVICE_ROLES = ["Device.Read.All", "Device.ReadWrite.All", "Directory.Read.All"];
const INTUNE = "/v1\\.0/deviceManagement";
const GUID = "[0-9a-fA-F-]{36}";

type Route = {
  method: string;
  pattern: RegExp;
  roles: readonly string[];
  /** An Intune path: its throttling budget (Intune's gate replaces Graph's role check and resource units). */
  intune?: IntuneBudget;
  run: (
    ctx: GraphContext,
    request: SimRequest,
    match: RegExpExecArray,
    fault: PageFault | undefined,
    appId: string,
  ) => SimResponse | Promise<SimResponse>;
};

/** Builds the Graph router over a model: token endpoint, discovery, users, groups, devices, subscriptions. */
export function createGraphService(model: GraphModel, options: GraphServiceOptions = {}): GraphService {
  const ctx: GraphContext = {
    model,
    behaviour: {
      deltaPageSize: options.deltaPageSize ?? 999,
      deltaExpiry: options.deltaExpiry ?? "gone",
      groupMembersPerPage: options.groupMembersPerPage ?? 100,
      intuneCount: options.intuneCount ?? "whenAsked",
      intuneThrottle: options.intuneThrottle ?? "alternate",
      intuneMissingRole: options.intuneMissingRole ?? 403,
    },
    ...(options.renderAhead === false
      ? {}
      : {
          pagesAhead: createPagesAhead(),
          renderPool: createPageRenderPool({ threads: options.renderThread !== false }),
        }),
  };
  const subscriptions = createSubscriptionService(model, {
    validationTimeoutMs: options.validationTimeoutMs ?? 10_000,
    batchDelayMs: options.notificationBatchMs ?? 20,
  });
  const limit = options.resourceUnitLimit ?? resourceUnitLimit(model.counts().users);
  const meter = limit === false ? undefined : createResourceUnitMeter(limit);
  const intuneGate = createIntuneGate(model, ctx.behaviour, {
    auth: options.auth !== false,
    limits: options.intuneRequestLimits ?? {},
    windowMs: options.intuneWindowMs ?? 20_000,
  });
  const routes: Route[] = [
    {
      method: "GET",
      pattern: /^\/v1\.0\/users\/?$/,
      roles: USER_ROLES,
      run: (c, r, _m, f) => listUsers(c, r, f),
    },
    {
      method: "GET",
      pattern: /^\/v1\.0\/users\/delta(\(\))?\/?$/,
      roles: USER_ROLES,
      run: (c, r, _m, f) => usersDelta(c, r, f),
    },
    {
      method: "GET",
      pattern: new RegExp(`^/v1\\.0/users/(${GUID}|[^/]+@[^/]+)$`),
      roles: USER_ROLES,
      run: (c, r, m) => getUser(c, r, decodeURIComponent(m[1] ?? "")),
    },
    {
      method: "GET",
      pattern: /^\/v1\.0\/groups\/?$/,
      roles: GROUP_ROLES,
      run: (c, r, _m, f) => listGroups(c, r, f),
    },
    {
      method: "GET",
      pattern: /^\/v1\.0\/groups\/delta(\(\))?\/?$/,
      roles: GROUP_ROLES,
      run: (c, r, _m, f) => groupsDelta(c, r, f),
    },
    {
      method: "GET",
      pattern: new RegExp(`^/v1\\.0/groups/(${GUID})/members$`),
      roles: GROUP_ROLES,
      run: (c, r, m) => listGroupMembers(c, r, m[1] ?? ""),
    },
    {
      method: "GET",
      pattern: new RegExp(`^${INTUNE}/managedDevices/?$`),
      roles: DEVICE_ROLES,
      intune: "devices",
      run: (c, r, _m, f) => managedDevices(c, r, f),
    },
    {
      method: "GET",
      pattern: new RegExp(`^${INTUNE}/managedDevices/([^/]+)$`),
      roles: DEVICE_ROLES,
      intune: "devices",
      run: (c, r, m) => getManagedDevice(c, r, decodeURIComponent(m[1] ?? "")),
    },
    {
      method: "GET",
      pattern: new RegExp(`^${INTUNE}/managedDevices/([^/]+)/users$`),
      roles: DEVICE_ROLES,
      intune: "devices",
      run: (c, r, m) => managedDeviceUsers(c, r, decodeURIComponent(m[1] ?? "")),
    },
    {
      method: "GET",
      pattern: /^\/v1\.0\/users\/([^/]+)\/managedDevices\/?$/,
      roles: DEVICE_ROLES,
      intune: "devices",
      run: (c, r, m) => userManagedDevices(c, r, decodeURIComponent(m[1] ?? "")),
    },
    {
      method: "GET",
      pattern: new RegExp(`^${INTUNE}/deviceCompliancePolicies/?$`),
      roles: CONFIGURATION_ROLES,
      intune: "configuration",
      run: (c, r) => listCompliancePolicies(c, r),
    },
    {
      method: "GET",
      pattern: new RegExp(`^${INTUNE}/deviceCompliancePolicies/([^/]+)$`),
      roles: CONFIGURATION_ROLES,
      intune: "configuration",
      run: (c, r, m) => listCompliancePolicies(c, r, decodeURIComponent(m[1] ?? "")),
    },
    {
      method: "GET",
      pattern: new RegExp(`^${INTUNE}/deviceCompliancePolicies/([^/]+)/deviceStatuses$`),
      roles: CONFIGURATION_ROLES,
      intune: "configuration",
      run: (c, r, m, f) => complianceDeviceStatuses(c, r, decodeURIComponent(m[1] ?? ""), f),
    },
    {
      method: "GET",
      pattern: new RegExp(`^${INTUNE}/auditEvents/?$`),
      roles: AUDIT_ROLES,
      intune: "audit",
      run: (c, r) => auditEvents(c, r),
    },
    {
      method: "GET",
      pattern: /^\/v1\.0\/devices\/?$/,
      roles: ENTRA_DEVICE_ROLES,
      run: (c, r) => listEntraDevices(c, r),
    },
    {
      method: "GET",
      pattern: /^\/v1\.0\/devices\/delta(\(\))?\/?$/,
      roles: ENTRA_DEVICE_ROLES,
      run: (c, r, _m, f) => devicesDelta(c, r, f),
    },
    {
      method: "POST",
      pattern: /^\/v1\.0\/subscriptions$/,
      roles: [],
      run: (_c, r, _m, _f, app) => subscriptions.create(r, app),
    },
    {
      method: "GET",
      pattern: /^\/v1\.0\/subscriptions$/,
      roles: [],
      run: (_c, r, _m, _f, app) => subscriptions.get(r, app),
    },
    {
      method: "GET",
      pattern: new RegExp(`^/v1\\.0/subscriptions/(${GUID})$`),
      roles: [],
      run: (_c, r, m, _f, app) => subscriptions.get(r, app, m[1]),
    },
    {
      method: "PATCH",
      pattern: new RegExp(`^/v1\\.0/subscriptions/(${GUID})$`),
      roles: [],
      run: (_c, r, m, _f, app) => subscriptions.renew(r, app, m[1] ?? ""),
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/v1\\.0/subscriptions/(${GUID})$`),
      roles: [],
      run: (_c, r, m, _f, app) => subscriptions.remove(r, app, m[1] ?? ""),
    },
    {
      method: "POST",
      pattern: new RegExp(`^/v1\\.0/subscriptions/(${GUID})/reauthorize$`),
      roles: [],
      run: (_c, r, m, _f, app) => subscriptions.reauthorize(r, app, m[1] ?? ""),
    },
  ];

  async function graph(request: SimRequest, fault: PageFault | undefined): Promise<SimResponse> {
    const path = request.url.pathname;
    const route = routes.find((r) => r.method === request.method && r.pattern.test(path));
    if (!route) {
      const known = routes.some((r) => r.pattern.test(path));
      return known
        ? graphError(request, 405, "Request_BadRequest", `Method ${request.method} not allowed.`)
        : graphError(
            request,
            400,
            "BadRequest",
            `Resource not found for the segment '${path.split("/").pop()}'.`,
          );
    }
    if (route.intune) {
      const admitted = await intuneGate(request, route.intune, route.roles);
      if ("response" in admitted) return admitted.response;
      const response = await route.run(
        ctx,
        request,
        route.pattern.exec(path) as RegExpExecArray,
        fault,
        admitted.appId,
      );
      const requestId = response.headers["request-id"] ?? crypto.randomUUID();
      response.headers["request-id"] = requestId;
      response.headers["client-request-id"] = request.headers["client-request-id"] ?? requestId;
      return response;
    }
    let appId = "simulator";
    if (options.auth !== false) {
      const verdict = await verifyBearer(model, request, route.roles);
      if (!verdict.ok) return verdict.response;
      appId = verdict.caller.appId;
    }
    const units =
      route.method === "GET"
        ? request.url.search.includes("select") || request.url.search.includes("token")
          ? 1
          : 2
        : 1;
    const budget = meter?.charge(appId, units, Date.now());
    if (budget?.exceeded) {
      return graphError(request, 429, "TooManyRequests", "Too many requests.", {
        "retry-after": String(budget.retryAfterSeconds),
        "x-ms-throttle-scope": `Tenant_Application/ReadWrite/${appId}/${model.tenantId}`,
        "x-ms-throttle-information": "ResourceUnitLimitExceeded",
      });
    }
    const response = await route.run(ctx, request, route.pattern.exec(path) as RegExpExecArray, fault, appId);
    const requestId = response.headers["request-id"] ?? crypto.randomUUID();
    response.headers["request-id"] = requestId;
    response.headers["client-request-id"] = request.headers["client-request-id"] ?? requestId;
    response.headers["x-ms-resource-unit"] = String(units);
    if (budget && budget.percentage >= 0.8)
      response.headers["x-ms-throttle-limit-percentage"] = budget.percentage.toFixed(1);
    return response;
  }

  const handler: SimHandler = async (request, fault) => {
    const path = request.url.pathname;
    if (path.startsWith("/v1.0/")) return graph(request, fault);
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (token && request.method === "POST") {
      return handleTokenRequest(model, request, token[1] ?? "", options.tokenLifetimeSeconds ?? 3599);
    }
    const openid = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (openid) {
      return isOwnTenant(model, openid[1] ?? "")
        ? openIdConfiguration(model, request, openid[1] ?? "")
        : jsonResponseNotFound(request, openid[1] ?? "");
    }
    if (path === "/common/discovery/instance") return instanceDiscovery(request);
    if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) return jwks(model);
    return graphError(request, 404, "NotFound", `No simulated endpoint at ${path}.`);
  };

  const faultResponse: FaultResponder = (kind, rule, request) => {
    if (!request.url.pathname.startsWith("/v1.0/")) return identityFault(kind, rule, request);
    if (
      kind === "throttle" &&
      rule.withoutRetryAfter &&
      request.url.pathname.includes("/deviceManagement/")
    ) {
      return intuneThrottled(request);
    }
    if (kind === "throttle") {
      return graphError(request, 429, "TooManyRequests", "Too many requests.", {
        "retry-after": String(rule.retryAfterSeconds ?? 1),
        "x-ms-throttle-scope": `Tenant_Application/ReadWrite/simulator/${model.tenantId}`,
        "x-ms-throttle-information": "ResourceUnitLimitExceeded",
      });
    }
    if (kind === "unavailable") {
      return graphError(
        request,
        503,
        "serviceNotAvailable",
        "The service is temporarily unavailable.",
        rule.retryAfterSeconds === undefined ? {} : { "retry-after": String(rule.retryAfterSeconds) },
      );
    }
    return graphError(request, 504, "UnknownError", "The gateway timed out.");
  };

  return {
    handler,
    faultResponse,
    subscriptions,
    get renderThread() {
      return ctx.renderPool?.threaded ?? false;
    },
    close: async () => ctx.renderPool?.close(),
  };
}

function getUser(ctx: GraphContext, request: SimRequest, key: string): SimResponse {
  const index = ctx.model.userIndex(key);
  let user = index === undefined ? undefined : ctx.model.getUser(key);
  if (!user && key.includes("@")) {
    for (const candidate of ctx.model.listUsers()) {
      if (candidate.userPrincipalName.toLowerCase() === key.toLowerCase()) {
        user = candidate;
        break;
      }
    }
  }
  if (!user) {
    return graphError(
      request,
      404,
      "Request_ResourceNotFound",
      `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({ "@odata.context": `${request.url.origin}/v1.0/$metadata#users/$entity`, ...user }),
  };
}

function jsonResponseNotFound(request: SimRequest, tenant: string): SimResponse {
  return aadError(
    400,
    "invalid_tenant",
    90002,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    request.headers["client-request-id"] ?? crypto.randomUUID(),
  );
}

/** Status faults of the identity endpoints (token, discovery) answered the way Entra answers them. */
function identityFault(
  kind: "throttle" | "unavailable" | "gatewayTimeout",
  rule: { retryAfterSeconds?: number },
  request: SimRequest,
): SimResponse {
  const correlationId = request.headers["client-request-id"] ?? crypto.randomUUID();
  const response =
    kind === "throttle"
      ? aadError(
          429,
          "temporarily_unavailable",
          90055,
          "TenantThrottlingError: There are too many incoming requests. This request was throttled. Please try again later.",
          correlationId,
        )
      : aadError(
          kind === "unavailable" ? 503 : 504,
          "temporarily_unavailable",
          90033,
          "A transient error has occurred. Please try again.",
          correlationId,
        );
  const retryAfter = rule.retryAfterSeconds ?? (kind === "throttle" ? 1 : undefined);
  if (retryAfter !== undefined) response.headers["retry-after"] = String(retryAfter);
  return response;
}
