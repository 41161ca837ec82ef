import type { FaultResponder } from "../http/exchange-outcome";
import type { PageFault, SimHandler, SimRequest, SimResponse } from "../http/sim-exchange";
import { jsonResponse } from "../http/sim-exchange";
import { compileODataFilter, type RowPredicate } from "./compile-odata-filter";
import { formatSapRow, keyPredicate } from "./format-sap-row";
import type { SapEntitySet, SapServiceDefinition } from "./sap-entity-set";
import { sapError } from "./sap-error";
import type { SapModel } from "./sap-model";

/** Access settings of the SAP simulator. */
export interface SapServiceOptions {
  /** Communication user. Default `SIM_USER`. */
  username?: string;
  /** Its password. Default `sim-password` (simulator-only). */
  password?: string;
  /** The client (`sap-client` header or query); other values are refused. Default `100`. */
  sapClient?: string;
  /** Rows per page without `$top`. Default 100. */
  defaultPageSize?: number;
  /** Largest page the server sends. Default 5000. */
  maxPageSize?: number;
}

interface Cursor {
  /** Next row index to scan. */
  r: number;
  /** Rows still owed under `$top`, or -1 for no `$top`. */
  n: number;
  sel: string[];
  f?: string;
}

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decode(token: string): Cursor | undefined {
  try {
    return JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Cursor;
  } catch {
    return undefined;
  }
}

/** Builds the SAP router: basic auth and `sap-client`, then OData v2/v4 collections with paging and filters. */
export function createSapService(
  model: SapModel,
  options: SapServiceOptions = {},
): { handler: SimHandler; faultResponse: FaultResponder } {
  const username = options.username ?? "SIM_USER";
  const password = options.password ?? "sim-password";
  const sapClient = options.sapClient ?? "100";
  const defaultPage = options.defaultPageSize ?? 100;
  const maxPage = options.maxPageSize ?? 5000;
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

  function unauthorized(): SimResponse {
    return {
      status: 401,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "www-authenticate": `Basic realm="SAP NetWeaver Application Server [S4H/${sapClient}]"`,
      },
      body: "<html><head><title>Logon Error Message</title></head><body>Logon failed</body></html>",
    };
  }

  function collection(
    service: SapServiceDefinition,
    set: SapEntitySet,
    request: SimRequest,
    fault?: PageFault,
    countOnly = false,
  ): SimResponse {
    const v = service.version;
    const query = request.url.searchParams;
    const allowed = new Set([
      "$select",
      "$filter",
      "$top",
      "$skip",
      "$skiptoken",
      "$inlinecount",
      "$count",
      "$orderby",
      "$format",
      "sap-client",
      "sap-language",
    ]);
    for (const name of query.keys()) {
      if (name.startsWith("$") && !allowed.has(name))
        return sapError(v, 400, "/IWBEP/CM_MGW_RT/004", `System query option '${name}' is not supported`);
    }
    let cursor: Cursor;
    let skip = 0;
    const token = query.get("$skiptoken");
    if (token) {
      const decoded = decode(token);
      if (!decoded) return sapError(v, 400, "/IWBEP/CM_MGW_RT/005", "Invalid skiptoken");
      cursor = decoded;
    } else {
      const top = query.get("$top");
      skip = Number(query.get("$skip") ?? 0);
      if ((top !== null && !/^\d+$/.test(top)) || !Number.isInteger(skip) || skip < 0) {
        return sapError(v, 400, "/IWBEP/CM_MGW_RT/006", "Invalid $top or $skip value");
      }
      const select = (query.get("$select") ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = select.find((s) => !(s in set.properties));
      if (unknown) return sapError(v, 400, "/IWBEP/CM_MGW_RT/021", `Property '${unknown}' is invalid`);
      const filter = query.get("$filter");
      cursor = {
        r: 0,
        n: top === null ? -1 : Number(top),
        sel: select.length > 0 ? select : Object.keys(set.properties),
        ...(filter ? { f: filter } : {}),
      };
    }
    let predicate: RowPredicate = () => true;
    if (cursor.f) {
      try {
        predicate = compileODataFilter(cursor.f, set.properties, v);
      } catch (error) {
        return sapError(
          v,
          400,
          v === "v2" ? "/IWBEP/CM_MGW_RT/022" : "/IWBEP/CM_V4_RUNTIME/021",
          `Invalid filter expression: '${cursor.f}'. ${error instanceof Error ? error.message : ""}`,
        );
      }
    }
    const total = set.count();
    const matches = (index: number) => {
      const row = set.row(index);
      return row && predicate(row) ? row : undefined;
    };
    let count: number | undefined;
    if (countOnly || query.get("$inlinecount") === "allpages" || query.get("$count") === "true") {
      count = 0;
      for (let i = 0; i < total; i++) if (matches(i)) count++;
      if (countOnly)
        return { status: 200, headers: { "content-type": "text/plain; charset=utf-8" }, body: String(count) };
    }
    const pageSize = Math.min(cursor.n === -1 ? defaultPage : Math.min(cursor.n, maxPage), maxPage);
    const rows: Record<string, unknown>[] = [];
    let r = cursor.r;
    while (r < total && rows.length < pageSize && fault?.kind !== "emptyPage") {
      const row = matches(r++);
      if (!row) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      const item = formatSapRow(row, set.properties, cursor.sel, v);
      if (v === "v2") {
        const uri = `${request.url.origin}${service.path}/${set.name}${keyPredicate(row, set.keys, set.properties)}`;
        rows.push({ __metadata: { id: uri, uri, type: set.typeName }, ...item });
      } else rows.push(item);
    }
    const repeat = fault?.kind === "emptyPage" || fault?.kind === "duplicatePage";
    const owed = cursor.n === -1 ? -1 : cursor.n - (repeat ? 0 : rows.length);
    let more = false;
    for (let i = r; i < total && owed !== 0 && !more; i++) more = matches(i) !== undefined;
    const nextCursor = { ...cursor, r: repeat ? cursor.r : r, n: owed };
    const nextLink = more || repeat ? `${set.name}?$skiptoken=${encode(nextCursor)}` : undefined;
    if (v === "v2") {
      const d: Record<string, unknown> = { results: rows };
      if (count !== undefined) d.__count = String(count);
      if (nextLink) d.__next = `${request.url.origin}${service.path}/${nextLink}`;
      return jsonResponse(200, { d }, { dataserviceversion: "2.0" });
    }
    return jsonResponse(
      200,
      {
        "@odata.context": `$metadata#${set.name}`,
        "@odata.metadataEtag": `W/"20240101000000"`,
        ...(count !== undefined ? { "@odata.count": count } : {}),
        value: rows,
        ...(nextLink ? { "@odata.nextLink": nextLink } : {}),
      },
      { "odata-version": "4.0" },
    );
  }

  const handler: SimHandler = async (request, fault) => {
    const path = request.url.pathname;
    const service = model.services.find((s) => path.startsWith(`${s.path}/`));
    if ((request.headers.authorization ?? "") !== expected) return unauthorized();
    const client = request.headers["sap-client"] ?? request.url.searchParams.get("sap-client");
    if (client !== null && client !== sapClient) return unauthorized();
    if (!service)
      return sapError(
        "v2",
        404,
        "/IWFND/MED/170",
        `No service found for namespace '', name '${path}', version '0001'`,
      );
    const rest = path.slice(service.path.length + 1);
    const countOnly = rest.endsWith("/$count");
    const set = service.sets.find((s) => s.name === (countOnly ? rest.slice(0, -"/$count".length) : rest));
    if (!set)
      return sapError(
        service.version,
        404,
        "/IWBEP/CM_MGW_RT/025",
        `Resource not found for segment '${rest}'`,
      );
    if (request.method !== "GET")
      return sapError(
        service.version,
        405,
        "/IWBEP/CM_MGW_RT/001",
        "Method not allowed (the simulator is read-only over HTTP)",
      );
    return collection(service, set, request, fault, countOnly);
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
        { "retry-after": String(rule.retryAfterSeconds ?? 1) },
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

  return { handler, faultResponse };
}
