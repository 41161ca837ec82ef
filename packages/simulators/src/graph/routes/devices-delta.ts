import type { PageFault, SimRequest, SimResponse } from "../../http/sim-exchange";
import { deterministicGuid } from "../../random/deterministic-guid";
import { GRAPH_JSON, type GraphContext, pageBody, preferredPageSize } from "../graph-context";
import { ENTRA_DEVICE_SALT } from "../model/entra-device";
import type { EntraDevice } from "../model/graph-types";
import { compileSelector } from "../serialize/compile-selector";
import { ENTRA_DEVICE_PROPERTIES } from "../serialize/entity-properties";
import { encodeToken } from "../serialize/page-token";
import { type DeltaState, openDeltaRound } from "./open-delta-round";

/** Slots of devices whose Entra object changed in [from, to), each once, in order of their last change. */
function changedDevices(ctx: GraphContext, from: number, to: number): number[] {
  const last = new Map<number, number>();
  for (const change of ctx.model.changesBetween(from, to)) {
    if (change.resource !== "devices" || !change.entra) continue;
    last.delete(change.index);
    last.set(change.index, change.seq);
  }
  return [...last.keys()];
}

/**
 * `GET /v1.0/devices/delta`: an initial round over the Entra devices, then the devices whose Entra properties
 * changed (`isCompliant` after a compliance flip, `isManaged` after a retire or wipe, added devices), deleted
 * ones as `@removed` `deleted`; `$deltaToken=latest` starts from now. Token expiry as for users.
 */
export function devicesDelta(ctx: GraphContext, request: SimRequest, fault?: PageFault): SimResponse {
  const { model } = ctx;
  const now = model.clock().getTime();
  const opened = openDeltaRound<keyof EntraDevice, { c: number }>(ctx, request, fault, {
    resource: "devices",
    typeName: "Microsoft.DirectoryServices.Device",
    properties: ENTRA_DEVICE_PROPERTIES,
    defaults: ENTRA_DEVICE_PROPERTIES,
    initialCursor: { c: 0 },
  });
  if ("response" in opened) return opened.response;
  const state = opened.state;
  const pageSize = Math.min(preferredPageSize(request.headers.prefer) ?? ctx.behaviour.deltaPageSize, 999);
  const serialize = compileSelector<EntraDevice>(state.sel);
  const repeat = fault?.kind === "emptyPage" || fault?.kind === "duplicatePage";
  const items: string[] = [];
  let next: DeltaState<keyof EntraDevice, { c: number }> | undefined;
  if (state.p === "i") {
    let cursor = state.c;
    while (fault?.kind !== "emptyPage" && cursor < model.deviceSlots && items.length < pageSize) {
      const device = model.entraDevice(cursor++);
      if (device) items.push(`{${serialize(device)}}`);
    }
    if (repeat || cursor < model.deviceSlots) next = { ...state, c: repeat ? state.c : cursor, t: now };
  } else if (state.p === "c") {
    const changed = changedDevices(ctx, state.f, state.to);
    const end = Math.min(changed.length, state.o + pageSize);
    for (let k = state.o; fault?.kind !== "emptyPage" && k < end; k++) {
      const index = changed[k] as number;
      const device = model.entraDevice(index);
      items.push(
        device
          ? `{${serialize(device)}}`
          : `{"@odata.type":"#microsoft.graph.device","id":"${deterministicGuid(model.seed, ENTRA_DEVICE_SALT, index)}","@removed":{"reason":"deleted"}}`,
      );
    }
    if (repeat || end < changed.length) next = { ...state, o: repeat ? state.o : end, t: now };
  }
  const origin = request.url.origin;
  const roundStart = state.p === "c" ? state.to : state.s;
  const links = next
    ? { next: `${origin}/v1.0/devices/delta?$skiptoken=${encodeToken(next)}` }
    : {
        delta: `${origin}/v1.0/devices/delta?$deltatoken=${encodeToken({ p: "d", s: roundStart, sel: state.sel, t: now, v: model.deltaTokenGeneration })}`,
      };
  return {
    status: 200,
    headers: GRAPH_JSON,
    body: pageBody(`${origin}/v1.0/$metadata#devices`, items, links),
  };
}
