import type { SimRequest, SimResponse } from "../../http/sim-exchange";
import type { GraphContext } from "../graph-context";
import { GRAPH_JSON } from "../graph-context";
import { graphError } from "../graph-error";
import { intuneError } from "../intune/intune-error";
import { deviceJson } from "../serialize/device-json";
import { DEVICE_PROPERTIES } from "../serialize/entity-properties";
import { parseSelect } from "../serialize/parse-select";

/**
 * `GET /v1.0/deviceManagement/managedDevices/{id}`: one device still in Intune. The "non-default" properties
 * (`udid`, `notes`, `ethernetMacAddress`, ...) carry values only when `$select` names them; an unknown id is
 * Intune's double-encoded 404.
 */
export function getManagedDevice(ctx: GraphContext, request: SimRequest, id: string): SimResponse {
  if (id === "delta") {
    // no delta query exists for managed devices, whatever third-party code assumes
    return graphError(request, 400, "BadRequest", "Resource not found for the segment 'delta'.");
  }
  const device = ctx.model.getDevice(id);
  if (!device) return intuneError(request, 404, "ResourceNotFound");
  const raw = request.url.searchParams.get("$select");
  const select = parseSelect(raw, DEVICE_PROPERTIES, DEVICE_PROPERTIES);
  if (!select.ok) {
    return graphError(
      request,
      400,
      "BadRequest",
      `Could not find a property named '${select.unknown}' on type 'microsoft.graph.managedDevice'.`,
    );
  }
  const context = `${request.url.origin}/v1.0/$metadata#deviceManagement/managedDevices/$entity`;
  const body = deviceJson(device, select.properties, raw !== null);
  return {
    status: 200,
    headers: GRAPH_JSON,
    body: `{"@odata.context":${JSON.stringify(context)},${body.slice(1)}`,
  };
}
