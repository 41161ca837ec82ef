import type { FaultResponder } from "../http/exchange-outcome";
import type {
  PageFault,
  SimClientCertificate,
  SimHandler,
  SimRequest,
  SimResponse,
} from "../http/sim-exchange";
import { jsonResponse } from "../http/sim-exchange";
import { formatSapRow, keyPredicate, type SapFormat } from "./format-sap-row";
import { listSapRows, type SapPosition } from "./list-sap-rows";
import { readSapQuery, type SapExpand, type SapQuery, SapQueryError } from "./read-sap-query";
import { renderSapMetadata } from "./render-sap-metadata";
import type { SapEntitySet, SapRow, SapServiceDefinition } from "./sap-entity-set";
import { sapError } from "./sap-error";
import { sapLogonPage } from "./sap-logon-page";
import type { SapModel } from "./sap-model";
import { createSapTokenIssuer, type SapOAuthClient } from "./sap-oauth";
import type { SapServiceSwitches } from "./sap-service-switches";

/** Access settings and behaviour of the SAP simulator. */
export interface SapServiceOptions
  extends Omit<SapServiceSwitches, "state" | "scenarioGranted" | "sapMessage"> {
  /** Communication user. Default `SIM_USER`. */
  username?: string;
  /** Its password. Default `sim-password` (simulator-only). */
  password?: string;
  /** Whether Basic auth is accepted. Default true. */
  basicAuth?: boolean;
  /** The client (`sap-client` header or query); other values are refused. Default `100`. */
  sapClient?: string;
  /** System id shown in the logon realm. Default `S4H`. */
  systemId?: string;
  /** Per-service switches (page limits, skiptoken mode, inactive service, missing scenario, `sap-message`). */
  services?: Partial<Record<string, SapServiceSwitches>>;
  /** OAuth 2.0 client credentials at `/sap/bc/sec/oauth2/token`. Off by default. */
  oauth?: SapOAuthClient;
  /**
   * X.509 client certificates accepted as logon (served over https with `tls.requestCert`): those chaining to
   * `tls.ca` (`trustCa`, default true) and those with a listed SHA-256 fingerprint.
   */
  clientCertificates?: { trustCa?: boolean; fingerprints256?: string[] };
}

/** The SAP router and what a host may change while it runs. */
export interface SapService {
  handler: SimHandler;
  faultResponse: FaultResponder;
  /** Changes one service's switches (merged into the current ones). */
  setService(id: string, switches: SapServiceSwitches): void;
}

const TOKEN_PATH = "/sap/bc/sec/oauth2/token";
const normalize = (fingerprint: string): string => fingerprint.replace(/:/g, "").toUpperCase();
const encodeParam = (text: string): string =>
  encodeURIComponent(text).replace(/%24/g, "$").replace(/%2C/g, ",");

function encodeCursor(after: unknown[], delivered: number): string {
  return Buffer.from(JSON.stringify({ a: after, d: delivered })).toString("base64url");
}

function decodePosition(token: string): SapPosition | undefined {
  if (/^\d+$/.test(token)) return { kind: "offset", offset: Number(token) };
  try {
    const cursor = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as {
      a?: unknown;
      d?: unknown;
    };
    if (!Array.isArray(cursor.a) || typeof cursor.d !== "number") return undefined;
    return {
      kind: "cursor",
      after: cursor.a as SapPosition extends { after: infer A } ? A : never,
      delivered: cursor.d,
    };
  } catch {
    return undefined;
  }
}

/** Turns a key predicate `(A='x',B=datetime'...')` into the equivalent `$filter`. */
function keyFilter(inner: string, set: SapEntitySet): string {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= inner.length; i++) {
    const c = inner[i];
    if (c === "'") quoted = !quoted;
    if (i === inner.length || (c === "," && !quoted)) {
      const part = inner.slice(start, i);
      const eq = part.search(/=(?=(?:[^']*'[^']*')*[^']*$)/);
      parts.push(eq === -1 ? `${set.keys[0]} eq ${part}` : `${part.slice(0, eq)} eq ${part.slice(eq + 1)}`);
      start = i + 1;
    }
  }
  return parts.join(" and ");
}

/**
 * Builds the SAP router: logon (Basic, OAuth bearer, client certificate) and `sap-client`, per-service
 * switches, then OData v2/v4 service documents, `$metadata`, collections, `$count` and reads by key.
 */
export function createSapService(model: SapModel, options: SapServiceOptions = {}): SapService {
  const username = options.username ?? "SIM_USER";
  const password = options.password ?? "sim-password";
  const sapClient = options.sapClient ?? "100";
  const systemId = options.systemId ?? "S4H";
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
  const switches = new Map<string, SapServiceSwitches>(
    Object.entries(options.services ?? {}).map(([k, v]) => [k, { ...v }]),
  );
  const tokens = createSapTokenIssuer(options.oauth, () => model.clock().getTime());
  const fingerprints = new Set((options.clientCertificates?.fingerprints256 ?? []).map(normalize));

  const certificateAccepted = (cert: SimClientCertificate | undefined): boolean =>
    !!cert &&
    !!options.clientCertificates &&
    ((options.clientCertificates.trustCa !== false && cert.authorized) ||
      fingerprints.has(normalize(cert.fingerprint256)));

  function logon(request: SimRequest): SimResponse | undefined {
    const client = request.headers["sap-client"] ?? request.url.searchParams.get("sap-client");
    if (client !== null && client !== sapClient) {
      return sapLogonPage(systemId, client, `Client ${client} is not available in this system`);
    }
    const authorization = request.headers.authorization ?? "";
    if (/^Bearer\s/i.test(authorization)) {
      return tokens.accepts(authorization.replace(/^Bearer\s+/i, "").trim())
        ? undefined
        : sapLogonPage(systemId, sapClient, "OAuth 2.0 access token is invalid or expired", true);
    }
    if (/^Basic\s/i.test(authorization)) {
      return options.basicAuth !== false && authorization === expected
        ? undefined
        : sapLogonPage(systemId, sapClient, "Logon failed: user or password incorrect");
    }
    if (certificateAccepted(request.clientCertificate)) return undefined;
    return sapLogonPage(
      systemId,
      sapClient,
      request.clientCertificate ? "The client certificate is not mapped to a user" : "No logon data provided",
    );
  }

  function successHeaders(
    service: SapServiceDefinition,
    extra: Record<string, string> = {},
  ): Record<string, string> {
    const message = switches.get(service.id)?.sapMessage;
    return {
      "sap-server": "true",
      ...(service.version === "v2" ? { dataserviceversion: "2.0" } : { "odata-version": "4.0" }),
      ...(message
        ? { "sap-message": JSON.stringify({ target: "", transition: false, details: [], ...message }) }
        : {}),
      ...extra,
    };
  }

  function shapeRows(
    service: SapServiceDefinition,
    set: SapEntitySet,
    rows: readonly SapRow[],
    select: readonly string[],
    selected: boolean,
    expand: readonly SapExpand[],
    format: SapFormat,
    origin: string,
  ): Record<string, unknown>[] {
    return rows.map((row) => {
      const item: Record<string, unknown> = {};
      const path = `${origin}${service.path}/${set.name}${keyPredicate(row, set.keys, set.properties, service.version)}`;
      if (format.version === "v2") item.__metadata = { id: path, uri: path, type: set.typeName };
      Object.assign(item, formatSapRow(row, set.properties, select, format));
      for (const [name, nav] of Object.entries(set.navigations ?? {})) {
        const wanted = expand.find((e) => e.navigation === name);
        const target = service.sets.find((s) => s.name === nav.target);
        if (!target) continue;
        if (wanted) {
          const related = nav.rows(row).filter((r) => !wanted.predicate || wanted.predicate(r));
          const shaped = shapeRows(
            service,
            target,
            related,
            wanted.select ?? Object.keys(target.properties),
            !!wanted.select,
            wanted.expand,
            format,
            origin,
          );
          item[name] = nav.many
            ? format.version === "v2"
              ? { results: shaped }
              : shaped
            : (shaped[0] ?? null);
        } else if (format.version === "v2" && !selected)
          item[name] = { __deferred: { uri: `${path}/${name}` } };
      }
      return item;
    });
  }

  function nextLink(set: SapEntitySet, params: URLSearchParams, token: string, cursor: boolean): string {
    const rest = [...params.entries()]
      .filter(([k]) => k !== "$skiptoken" && !(cursor && k === "$skip"))
      .map(([k, v]) => `${encodeParam(k)}=${encodeParam(v)}`);
    return `${set.name}?${[`$skiptoken=${token}`, ...rest].join("&")}`;
  }

  function collection(
    service: SapServiceDefinition,
    set: SapEntitySet,
    request: SimRequest,
    query: SapQuery,
    format: SapFormat,
    fault: PageFault | undefined,
    countOnly: boolean,
  ): SimResponse {
    const v = service.version;
    const own = switches.get(service.id) ?? {};
    const defaultPage = own.defaultPageSize ?? options.defaultPageSize ?? 100;
    const maxPage = own.maxPageSize ?? options.maxPageSize ?? 5000;
    const mode = own.skiptoken ?? options.skiptoken ?? "offset";
    let position: SapPosition =
      mode === "offset" ? { kind: "offset", offset: 0 } : { kind: "cursor", after: [], delivered: 0 };
    if (query.skiptoken) {
      const decoded = decodePosition(query.skiptoken);
      if (!decoded) return sapError(v, 400, "/IWBEP/CM_MGW_RT/005", "Invalid skiptoken", {}, service.name);
      position = decoded;
    }
    if (countOnly) {
      const page = listSapRows(set, { ...query, count: true, top: 0 }, position, 0);
      return {
        status: 200,
        headers: { "content-type": "text/plain; charset=utf-8", ...successHeaders(service) },
        body: String(page.count ?? 0),
      };
    }
    const pageSize = query.top === undefined ? defaultPage : maxPage;
    const page = listSapRows(set, query, position, fault?.kind === "emptyPage" ? 0 : pageSize);
    const delivered = position.kind === "offset" ? position.offset : position.delivered;
    let token: string | undefined;
    if (fault?.kind === "emptyPage" || fault?.kind === "duplicatePage") {
      token =
        position.kind === "offset"
          ? String(position.offset)
          : encodeCursor(position.after, position.delivered);
    } else if (fault?.kind === "loopNextLink") {
      token = position.kind === "offset" ? "0" : encodeCursor([], 0);
    } else if (page.more) {
      token =
        position.kind === "offset"
          ? String(delivered + page.rows.length)
          : encodeCursor(page.last ?? position.after, delivered + page.rows.length);
    }
    const rows = shapeRows(
      service,
      set,
      page.rows,
      query.select,
      query.selected,
      query.expand,
      format,
      request.url.origin,
    );
    const link =
      token === undefined
        ? undefined
        : nextLink(set, request.url.searchParams, token, position.kind === "cursor");
    if (v === "v2") {
      const d: Record<string, unknown> = { results: rows };
      if (page.count !== undefined) d.__count = String(page.count);
      if (link) d.__next = `${request.url.origin}${service.path}/${link}`;
      return jsonResponse(200, { d }, successHeaders(service));
    }
    const select = query.selected ? `(${query.select.join(",")})` : "";
    return jsonResponse(
      200,
      {
        "@odata.context": `$metadata#${set.name}${select}`,
        "@odata.metadataEtag": `W/"20240101000000"`,
        ...(page.count !== undefined
          ? { "@odata.count": format.ieee754 ? String(page.count) : page.count }
          : {}),
        value: rows,
        ...(link ? { "@odata.nextLink": link } : {}),
      },
      successHeaders(
        service,
        format.ieee754
          ? { "content-type": "application/json;odata.metadata=minimal;IEEE754Compatible=true;charset=utf-8" }
          : {},
      ),
    );
  }

  function serviceRequest(
    service: SapServiceDefinition,
    request: SimRequest,
    fault?: PageFault,
  ): SimResponse {
    const v = service.version;
    const own = switches.get(service.id) ?? {};
    if (own.state === "inactive" || own.state === "unpublished") {
      return v === "v2"
        ? sapError(
            v,
            403,
            "/IWFND/MED/170",
            `No service found for namespace '/SAP/', name '${service.name}', version '0001'`,
            {},
            service.name,
          )
        : sapError(
            v,
            404,
            "/IWBEP/CM_V4_COS/014",
            `Service group '${service.name.toUpperCase()}' not published`,
            {},
            service.name,
          );
    }
    if (own.scenarioGranted === false) {
      return sapError(
        v,
        403,
        "/IWFND/CM_CONSUMER/101",
        `No authorization to access service '${service.name}': the communication arrangement does not include its scenario`,
        {},
        service.name,
      );
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      return sapError(
        v,
        405,
        "/IWBEP/CM_MGW_RT/001",
        "Method not allowed (the simulator is read-only over HTTP)",
        {},
        service.name,
      );
    }
    const rest = decodeURIComponent(request.url.pathname.slice(service.path.length).replace(/^\/+/, ""));
    if (rest === "") {
      const names = service.sets.map((s) => s.name);
      return v === "v2"
        ? jsonResponse(200, { d: { EntitySets: names } }, successHeaders(service))
        : jsonResponse(
            200,
            { "@odata.context": "$metadata", value: names.map((name) => ({ name, url: name })) },
            successHeaders(service),
          );
    }
    if (rest === "$metadata") {
      return {
        status: 200,
        headers: { ...successHeaders(service), "content-type": "application/xml" },
        body: renderSapMetadata(service),
      };
    }
    const countOnly = rest.endsWith("/$count");
    const match = /^([A-Za-z_][\w]*)(?:\((.*)\))?$/.exec(countOnly ? rest.slice(0, -"/$count".length) : rest);
    const set = match && service.sets.find((s) => s.name === match[1]);
    if (!match || !set)
      return sapError(
        v,
        404,
        "/IWBEP/CM_MGW_RT/025",
        `Resource not found for segment '${rest}'`,
        {},
        service.name,
      );
    const accept = `${request.headers.accept ?? ""};${request.url.searchParams.get("$format") ?? ""}`;
    const format: SapFormat = { version: v, ieee754: /IEEE754Compatible=true/i.test(accept) };
    const params = new URLSearchParams(request.url.searchParams);
    if (match[2] !== undefined) {
      if (countOnly)
        return sapError(v, 400, "/IWBEP/CM_MGW_RT/004", "$count on a single entity", {}, service.name);
      const filter = keyFilter(match[2], set);
      params.set("$filter", params.get("$filter") ? `(${params.get("$filter")}) and ${filter}` : filter);
    }
    let query: SapQuery;
    try {
      query = readSapQuery(params, set, service.sets, v);
    } catch (error) {
      if (error instanceof SapQueryError)
        return sapError(v, 400, error.sapCode, error.message, {}, service.name);
      throw error;
    }
    if (match[2] !== undefined) {
      const page = listSapRows(set, { ...query, top: 1, skip: 0 }, { kind: "offset", offset: 0 }, 1);
      const row = page.rows[0];
      if (!row)
        return sapError(
          v,
          404,
          "/IWBEP/CM_MGW_RT/020",
          `Resource not found for segment '${rest}'`,
          {},
          service.name,
        );
      const [item] = shapeRows(
        service,
        set,
        [row],
        query.select,
        query.selected,
        query.expand,
        format,
        request.url.origin,
      );
      return v === "v2"
        ? jsonResponse(200, { d: item }, successHeaders(service))
        : jsonResponse(
            200,
            { "@odata.context": `$metadata#${set.name}/$entity`, ...item },
            successHeaders(service),
          );
    }
    return collection(service, set, request, query, format, fault, countOnly);
  }

  const handler: SimHandler = async (request, fault) => {
    const path = request.url.pathname;
    if (path === TOKEN_PATH) {
      const client = request.url.searchParams.get("sap-client") ?? request.headers["sap-client"];
      if (client && client !== sapClient)
        return sapLogonPage(systemId, client, `Client ${client} is not available in this system`);
      return tokens.handle(request);
    }
    const denied = logon(request);
    if (denied) return denied;
    const service = model.services.find((s) => path === s.path || path.startsWith(`${s.path}/`));
    if (service) return serviceRequest(service, request, fault);
    if (path.startsWith("/sap/opu/odata4/")) {
      return sapError("v4", 404, "/IWBEP/CM_V4_COS/014", `Service group for '${path}' not published`);
    }
    return sapError(
      "v2",
      404,
      "/IWFND/MED/170",
      `No service found for namespace '/SAP/', name '${path.split("/")[5] ?? path}', version '0001'`,
    );
  };

  const faultResponse: FaultResponder = (kind, rule) => {
    if (kind === "throttle") {
      return jsonResponse(
        429,
        {
          fault: {
            faultstring: "Rate limit quota violation. Quota limit exceeded",
            detail: { errorcode: "policies.ratelimit.QuotaViolation" },
          },
        },
        { "retry-after": String(rule.retryAfterSeconds ?? 1), "x-ratelimit-remaining": "0" },
      );
    }
    if (kind === "unavailable") {
      return sapError(
        "v2",
        503,
        "/IWFND/CM_BEC/026",
        "Service temporarily unavailable",
        rule.retryAfterSeconds === undefined ? {} : { "retry-after": String(rule.retryAfterSeconds) },
      );
    }
    return {
      status: 504,
      headers: { "content-type": "text/html" },
      body: "<html><body>504 Gateway Time-out</body></html>",
    };
  };

  return {
    handler,
    faultResponse,
    setService(id, next) {
      switches.set(id, { ...switches.get(id), ...next });
    },
  };
}
