import type { SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext } from "../graph-context";
import { graphError } from "../graph-error";
import { deviceJson } from "../serialize/device-json";
import { DEVICE_PROPERTIES } from "../serialize/entity-properties";
import { parseSelect } from "../serialize/parse-select";
import { parseDeviceFilter } from "./parse-device-filter";

/**
 * `GET /v1.0/users/{id or UPN}/managedDevices`: the devices whose primary user is this user, in one page
 * (`$select`, `$count=true`; `$filter` as on the tenant listing).
 */
export function userManagedDevices(ctx: GraphContext, request: SimRequest, key: string): SimResponse {
  const { model } = ctx;
  let user = model.getUser(key);
  if (!user && key.includes("@")) {
    for (const candidate of model.listUsers()) {
      if (candidate.userPrincipalName.toLowerCase() === key.toLowerCase()) user = candidate;
      if (user) break;
    }
  }
  if (!user) {
    return graphError(request, 404, "Request_ResourceNotFound", `Resource '${key}' does not exist.`);
  }
  const query = request.url.searchParams;
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
  const predicate = filter ? parseDeviceFilter(filter) : null;
  if (typeof predicate === "string") return graphError(request, 400, "BadRequest", predicate);
  const items: string[] = [];
  for (const device of model.devicesOfUser(user.id)) {
    if (!predicate || predicate(device)) items.push(deviceJson(device, select.properties));
  }
  let head = `{"@odata.context":${JSON.stringify(`${request.url.origin}/v1.0/$metadata#users('${user.id}')/managedDevices`)}`;
  if (query.get("$count")?.toLowerCase() === "true") head += `,"@odata.count":${items.length}`;
  return { status: 200, headers: GRAPH_JSON, body: `${head},"value":[${items.join(",")}]}` };
}
