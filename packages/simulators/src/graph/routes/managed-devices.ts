import type { PageFault, SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, parseIntuneTop } from "../graph-context";
import { graphError } from "../graph-error";
import type { GraphModel } from "../model/graph-model";
import type { ManagedDeviceProperty } from "../model/graph-types";
import { deviceJson } from "../serialize/device-json";
import { DEVICE_PROPERTIES } from "../serialize/entity-properties";
import { decodeToken, encodeToken } from "../serialize/page-token";
import { parseSelect } from "../serialize/parse-select";
import { type DevicePredicate, parseDeviceFilter } from "./parse-device-filter";

/** Intune's default (and the simulator's maximum) page size. */
export const INTUNE_PAGE_SIZE = 1000;

interface ListState {
  /** Next device slot. */
  c: number;
  /** Page size. */
  n: number;
  sel: ManagedDeviceProperty[];
  f?: string;
  /** `$count=true` was asked. */
  k?: 1;
  /** Devices served on earlier pages. */
  s: number;
}

const counts = new WeakMap<GraphModel, Map<string, number>>();

/** How many devices a filter lets through now (cached per model change, so paging costs one scan). */
function matching(model: GraphModel, filter: string | undefined, predicate: DevicePredicate | null): number {
  if (!filter || !predicate) return model.deviceCount;
  let cache = counts.get(model);
  if (!cache) {
    cache = new Map();
    counts.set(model, cache);
  }
  const key = `${model.sequence}|${filter}`;
  let count = cache.get(key);
  if (count === undefined) {
    count = 0;
    for (let index = 0; index < model.deviceSlots; index++) {
      const entry = model.deviceEntry(index);
      if (entry.state === "active" && predicate(entry.device)) count++;
    }
    if (cache.size > 50) cache.clear();
    cache.set(key, count);
  }
  return count;
}

function firstState(request: SimRequest): ListState | SimResponse {
  const query = request.url.searchParams;
  const top = parseIntuneTop(query.get("$top"), INTUNE_PAGE_SIZE);
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
  return {
    c: 0,
    n: top ?? INTUNE_PAGE_SIZE,
    sel: select.properties,
    s: 0,
    ...(filter ? { f: filter } : {}),
    ...(query.get("$count")?.toLowerCase() === "true" ? { k: 1 as const } : {}),
  };
}

/**
 * `GET /v1.0/deviceManagement/managedDevices` as Intune answers it: pages of up to 1000 (`$top` is clipped, not
 * refused), `$skiptoken` next links, `$select`, `$filter` applied only where Intune applies it (see
 * `parseDeviceFilter`; the rest is silently ignored), `$orderby` and `$search` ignored, `@odata.count` with
 * `$count=true` (or always, per behaviour). The `truncatedListing` fault ends the listing early without a next
 * link, reporting the full or the truncated count.
 */
export function managedDevices(ctx: GraphContext, request: SimRequest, fault?: PageFault): SimResponse {
  const skip = request.url.searchParams.get("$skiptoken");
  const state = skip === null ? firstState(request) : decodeToken<ListState>(skip);
  if (!state || !("c" in state) || typeof state.c !== "number") {
    return state && "status" in state ? state : graphError(request, 400, "BadRequest", "Invalid $skiptoken.");
  }
  const predicate = state.f ? parseDeviceFilter(state.f) : null;
  if (typeof predicate === "string") return graphError(request, 400, "BadRequest", predicate);
  const { model } = ctx;
  const cut = fault?.kind === "truncatedListing" ? fault : undefined;
  const limit = cut ? Math.min(state.n, cut.keep ?? Math.floor(state.n / 2)) : state.n;
  const items: string[] = [];
  let cursor = state.c;
  while (fault?.kind !== "emptyPage" && cursor < model.deviceSlots && items.length < limit) {
    const entry = model.deviceEntry(cursor++);
    if (entry.state === "active" && (!predicate || predicate(entry.device)))
      items.push(deviceJson(entry.device, state.sel));
  }
  const repeat = fault?.kind === "emptyPage" || fault?.kind === "duplicatePage";
  const next = fault?.kind === "loopNextLink" ? 0 : repeat ? state.c : cursor;
  const origin = request.url.origin;
  let head = `{"@odata.context":${JSON.stringify(`${origin}/v1.0/$metadata#deviceManagement/managedDevices`)}`;
  const reported = cut
    ? cut.reportedCount
    : state.k || ctx.behaviour.intuneCount === "always"
      ? "full"
      : "none";
  if (reported === "full") head += `,"@odata.count":${matching(model, state.f, predicate)}`;
  if (reported === "truncated") head += `,"@odata.count":${state.s + items.length}`;
  if (!cut && next < model.deviceSlots) {
    const token = encodeToken({ ...state, c: next, s: repeat ? state.s : state.s + items.length });
    head += `,"@odata.nextLink":${JSON.stringify(`${origin}/v1.0/deviceManagement/managedDevices?$skiptoken=${token}`)}`;
  }
  return { status: 200, headers: GRAPH_JSON, body: `${head},"value":[${items.join(",")}]}` };
}
