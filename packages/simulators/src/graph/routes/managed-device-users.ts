import type { SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, pageBody } from "../graph-context";
import { intuneError } from "../intune/intune-error";
import type { GraphUser } from "../model/graph-types";
import { compileSelector } from "../serialize/compile-selector";
import { USER_DEFAULT_PROPERTIES } from "../serialize/entity-properties";

/**
 * `GET /v1.0/deviceManagement/managedDevices/{id}/users`: the device's primary user as an Entra user (none for
 * a userless device, or when the user no longer exists).
 */
export function managedDeviceUsers(ctx: GraphContext, request: SimRequest, id: string): SimResponse {
  const device = ctx.model.getDevice(id);
  if (!device) return intuneError(request, 404, "ResourceNotFound");
  const user = device.userId ? ctx.model.getUser(device.userId) : undefined;
  const serialize = compileSelector<GraphUser>(USER_DEFAULT_PROPERTIES);
  const items = user ? [`{${serialize(user)}}`] : [];
  return {
    status: 200,
    headers: GRAPH_JSON,
    body: pageBody(`${request.url.origin}/v1.0/$metadata#users`, items, {}),
  };
}
