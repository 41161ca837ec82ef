import type { SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, pageBody, parseTop } from "../graph-context";
import { graphError } from "../graph-error";
import type { EntraDevice } from "../model/graph-types";
import { compileSelector } from "../serialize/compile-selector";
import { ENTRA_DEVICE_PROPERTIES } from "../serialize/entity-properties";
import { decodeToken, encodeToken } from "../serialize/page-token";
import { parseSelect } from "../serialize/parse-select";

const CLAUSE =
  /^\s*(deviceId|id|displayName|accountEnabled|isCompliant|isManaged)\s+eq\s+('(?:[^']|'')*'|true|false)\s*$/i;

interface ListState {
  c: number;
  n: number;
  sel: (keyof EntraDevice)[];
  f?: string;
}

function compileFilter(filter: string): ((device: EntraDevice) => boolean) | string {
  const tests: Array<(device: EntraDevice) => boolean> = [];
  for (const clause of filter.split(/\s+and\s+/i)) {
    const match = CLAUSE.exec(clause);
    if (!match) return `Unsupported or invalid query filter clause specified: '${clause.trim()}'.`;
    const name = ENTRA_DEVICE_PROPERTIES.find((p) => p.toLowerCase() === match[1]?.toLowerCase());
    const raw = match[2] ?? "";
    const value = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'").toLowerCase() : raw;
    tests.push((device) => String(device[name as keyof EntraDevice]).toLowerCase() === value);
  }
  return (device) => tests.every((test) => test(device));
}

/**
 * `GET /v1.0/devices`: the Entra devices behind the managed devices (`deviceId` = `azureADDeviceId`), retired
 * and wiped ones included (unmanaged), deleted ones not. `$select`, `$top` (1-999, default 100), `$filter` with
 * `eq` on `deviceId`, `id`, `displayName`, `accountEnabled`, `isCompliant`, `isManaged`, joined by `and`.
 */
export function listEntraDevices(ctx: GraphContext, request: SimRequest): SimResponse {
  const query = request.url.searchParams;
  const skip = query.get("$skiptoken");
  let state: ListState | undefined;
  if (skip !== null) state = decodeToken<ListState>(skip);
  else {
    const top = parseTop(query.get("$top"), 999);
    if (top === false) {
      const message = `Invalid page size specified: '${query.get("$top")}'. Must be between 1 and 999 inclusive.`;
      return graphError(request, 400, "Request_UnsupportedQuery", message);
    }
    const select = parseSelect(query.get("$select"), ENTRA_DEVICE_PROPERTIES, ENTRA_DEVICE_PROPERTIES);
    if (!select.ok) {
      const message = `Could not find a property named '${select.unknown}' on type 'Microsoft.DirectoryServices.Device'.`;
      return graphError(request, 400, "Request_BadRequest", message);
    }
    const filter = query.get("$filter");
    state = { c: 0, n: top ?? 100, sel: select.properties, ...(filter ? { f: filter } : {}) };
  }
  if (!state || typeof state.c !== "number")
    return graphError(request, 400, "Request_BadRequest", "Invalid $skiptoken.");
  const test = state.f ? compileFilter(state.f) : () => true;
  if (typeof test === "string") return graphError(request, 400, "Request_UnsupportedQuery", test);
  const { model } = ctx;
  const serialize = compileSelector<EntraDevice>(state.sel);
  const items: string[] = [];
  let cursor = state.c;
  while (cursor < model.deviceSlots && items.length < state.n) {
    const device = model.entraDevice(cursor++);
    if (device && test(device)) items.push(`{${serialize(device)}}`);
  }
  const origin = request.url.origin;
  const links =
    cursor < model.deviceSlots
      ? { next: `${origin}/v1.0/devices?$skiptoken=${encodeToken({ ...state, c: cursor })}` }
      : {};
  return {
    status: 200,
    headers: GRAPH_JSON,
    body: pageBody(`${origin}/v1.0/$metadata#devices`, items, links),
  };
}
