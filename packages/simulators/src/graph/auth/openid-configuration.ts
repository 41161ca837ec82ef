import type { SimRequest, SimResponse } from "../../http/sim-exchange";
import { jsonResponse } from "../../http/sim-exchange";
import type { GraphModel } from "../model/graph-model";
import { signingKeys } from "./signing-keys";

/** `GET /{tenant}/v2.0/.well-known/openid-configuration`: the fields msal-node reads, with this server's URLs. */
export function openIdConfiguration(model: GraphModel, request: SimRequest, tenant: string): SimResponse {
  const base = `${request.url.origin}/${tenant}`;
  return jsonResponse(200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${request.url.origin}/${model.tenantId}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `${request.url.origin}/${model.tenantId}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    tenant_region_scope: "EU",
    cloud_instance_name: "microsoftonline.com",
    msgraph_host: "graph.microsoft.com",
  });
}

/** `GET /common/discovery/instance`: cloud instance discovery, naming this server as the only alias. */
export function instanceDiscovery(request: SimRequest): SimResponse {
  const host = request.url.host;
  const authority = request.url.searchParams.get("authorization_endpoint") ?? "";
  const tenant = /^https?:\/\/[^/]+\/([^/]+)\//.exec(authority)?.[1] ?? "common";
  return jsonResponse(200, {
    tenant_discovery_endpoint: `${request.url.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
}

/** `GET /{tenant}/discovery/v2.0/keys`: the JWKS that verifies the simulator's tokens. */
export async function jwks(model: GraphModel): Promise<SimResponse> {
  const keys = await signingKeys(model);
  return jsonResponse(200, { keys: [keys.jwk] });
}
