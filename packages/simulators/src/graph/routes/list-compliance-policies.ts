import type { SimRequest, SimResponse } from "../../http/sim-exchange";
import { GRAPH_JSON, type GraphContext, pageBody } from "../graph-context";
import { intuneError } from "../intune/intune-error";
import { compliancePolicies } from "../model/compliance-policies";
import type { CompliancePolicy } from "../model/graph-types";

function policyJson(policy: CompliancePolicy): string {
  const { platform: _simulatorOnly, ...rest } = policy;
  return JSON.stringify(rest);
}

/** `GET /v1.0/deviceManagement/deviceCompliancePolicies` (and `/{id}`): the tenant's compliance policies. */
export function listCompliancePolicies(ctx: GraphContext, request: SimRequest, id?: string): SimResponse {
  const policies = compliancePolicies(ctx.model.seed);
  const origin = request.url.origin;
  if (id !== undefined) {
    const policy = policies.find((p) => p.id === id.toLowerCase());
    if (!policy) return intuneError(request, 404, "ResourceNotFound");
    const context = `${origin}/v1.0/$metadata#deviceManagement/deviceCompliancePolicies/$entity`;
    return {
      status: 200,
      headers: GRAPH_JSON,
      body: `{"@odata.context":${JSON.stringify(context)},${policyJson(policy).slice(1)}`,
    };
  }
  const context = `${origin}/v1.0/$metadata#deviceManagement/deviceCompliancePolicies`;
  return { status: 200, headers: GRAPH_JSON, body: pageBody(context, policies.map(policyJson), {}) };
}
