import type { PageFault, SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, pageBody, parseTop } from "../graph-context";
import { graphError } from "../graph-error";
import type { ManagedDevice } from "../model/graph-types";
import { compileSelector } from "../serialize/compile-selector";
import { DEVICE_PROPERTIES } from "../serialize/entity-properties";
import { decodeToken, encodeToken } from "../serialize/page-token";
import { parseSelect } from "../serialize/parse-select";
import { parseDeviceFilter } from "./parse-device-filter";

interface ListState {
  c: number;
  n: number;
  sel: (keyof ManagedDevice)[];
  f?: string;
}

/**
 * `GET /v1.0/deviceManagement/managedDevices`: `$select`, `$top` (1-1000, default 1000), `$filter` on
 * `lastSyncDateTime` and friends, `$skiptoken` next links.
 */
export function managedDevices(ctx: GraphContext, request: SimRequest, fault?: PageFault): SimResponse {
  const query = request.url.searchParams;
  let state: ListState;
  const skip = query.get("$skiptoken");
  if (skip !== null) {
    const decoded = decodeToken<ListState>(skip);
    if (!decoded || typeof decoded.c !== "number")
      return graphError(request, 400, "BadRequest", "Invalid $skiptoken.");
    state = decoded;
  } else {
    const top = parseTop(query.get("$top"), 1000);
    if (top === false)
      return graphError(request, 400, "BadRequest", `Invalid $top value: '${query.get("$top")}'.`);
    const select = parseSelect(query.get("$select"), DEVICE_PROPERTIES, DEVICE_PROPERTIES);
    if (!select.ok) {
      return graphError(
        request,
        400,
        "BadRequest",
        `Could not find a property named '${select.unknown}' on type 'microsoft.graph.managedDevice'.`,
      );
    }
    const filter = query.get("$filter");
    state = { c: 0, n: top ?? 1000, sel: select.properties, ...(filter ? { f: filter } : {}) };
  }
  const predicate = state.f ? parseDeviceFilter(state.f) : () => true;
  if (typeof predicate === "string") return graphError(request, 400, "BadRequest", predicate);
  const serialize = compileSelector<ManagedDevice>(state.sel);
  const { model } = ctx;
  const items: string[] = [];
  let cursor = state.c;
  while (fault?.kind !== "emptyPage" && cursor < model.deviceCount && items.length < state.n) {
    const device = model.device(cursor++);
    if (predicate(device)) items.push(`{${serialize(device)}}`);
  }
  const next =
    fault?.kind === "loopNextLink"
      ? 0
      : fault?.kind === "emptyPage" || fault?.kind === "duplicatePage"
        ? state.c
        : cursor;
  const origin = request.url.origin;
  const links =
    next < model.deviceCount
      ? {
          next: `${origin}/v1.0/deviceManagement/managedDevices?$skiptoken=${encodeToken({ ...state, c: next })}`,
        }
      : {};
  return {
    status: 200,
    headers: GRAPH_JSON,
    body: pageBody(`${origin}/v1.0/$metadata#deviceManagement/managedDevices`, items, links),
  };
}
