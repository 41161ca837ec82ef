import type { PageFault, SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, parseIntuneTop } from "../graph-context";
import { graphError } from "../graph-error";
import { intuneError } from "../intune/intune-error";
import { compliancePolicies, complianceStatus } from "../model/compliance-policies";
import { decodeToken, encodeToken } from "../serialize/page-token";
import { INTUNE_PAGE_SIZE } from "./managed-devices";

interface StatusState {
  c: number;
  n: number;
  s: number;
  k?: 1;
}

/**
 * `GET /v1.0/deviceManagement/deviceCompliancePolicies/{id}/deviceStatuses`: one status per device of the
 * policy's platform, pages of up to 1000 with next links; the `truncatedListing` fault plays the "51 of 100+"
 * report (the listing ends early without a next link).
 */
export function complianceDeviceStatuses(
  ctx: GraphContext,
  request: SimRequest,
  id: string,
  fault?: PageFault,
): SimResponse {
  const { model } = ctx;
  const policy = compliancePolicies(model.seed).find((p) => p.id === id.toLowerCase());
  if (!policy) return intuneError(request, 404, "ResourceNotFound");
  const query = request.url.searchParams;
  const skip = query.get("$skiptoken");
  let state: StatusState | undefined;
  if (skip !== null) state = decodeToken<StatusState>(skip);
  else {
    const top = parseIntuneTop(query.get("$top"), INTUNE_PAGE_SIZE);
    if (top === false)
      return graphError(request, 400, "BadRequest", `Invalid $top value: '${query.get("$top")}'.`);
    state = {
      c: 0,
      n: top ?? INTUNE_PAGE_SIZE,
      s: 0,
      ...(query.get("$count") === "true" ? { k: 1 as const } : {}),
    };
  }
  if (!state || typeof state.c !== "number")
    return graphError(request, 400, "BadRequest", "Invalid $skiptoken.");
  const cut = fault?.kind === "truncatedListing" ? fault : undefined;
  const limit = cut ? Math.min(state.n, cut.keep ?? Math.floor(state.n / 2)) : state.n;
  const items: string[] = [];
  let cursor = state.c;
  while (fault?.kind !== "emptyPage" && cursor < model.deviceSlots && items.length < limit) {
    const index = cursor++;
    const entry = model.deviceEntry(index);
    if (entry.state === "active" && entry.device.operatingSystem === policy.platform)
      items.push(JSON.stringify(complianceStatus(model.seed, policy, index, entry.device)));
  }
  const repeat = fault?.kind === "emptyPage" || fault?.kind === "duplicatePage";
  const next = repeat ? state.c : cursor;
  const origin = request.url.origin;
  const path = `/v1.0/deviceManagement/deviceCompliancePolicies/${policy.id}/deviceStatuses`;
  let head = `{"@odata.context":${JSON.stringify(`${origin}/v1.0/$metadata#deviceManagement/deviceCompliancePolicies('${policy.id}')/deviceStatuses`)}`;
  if (state.k && !cut) {
    let count = 0;
    for (let index = 0; index < model.deviceSlots; index++) {
      const entry = model.deviceEntry(index);
      if (entry.state === "active" && entry.device.operatingSystem === policy.platform) count++;
    }
    head += `,"@odata.count":${count}`;
  }
  if (!cut && next < model.deviceSlots) {
    const token = encodeToken({ ...state, c: next, s: state.s + items.length });
    head += `,"@odata.nextLink":${JSON.stringify(`${origin}${path}?$skiptoken=${token}`)}`;
  }
  return { status: 200, headers: GRAPH_JSON, body: `${head},"value":[${items.join(",")}]}` };
}
