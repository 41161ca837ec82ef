import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { jsonResponse, type SimRequest, type SimResponse } from "../../http/sim-exchange";
import { deterministicGuid } from "../../random/deterministic-guid";
import type { GraphModel } from "../model/graph-model";
import { aadError } from "./aad-error";
import { signingKeys } from "./signing-keys";
import { verifyClientAssertion } from "./verify-client-assertion";

/** The audience of Graph tokens. */
export const GRAPH_AUDIENCE = "https://graph.microsoft.com";
const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** Whether a path tenant segment names this model's tenant (its id or primary domain). */
export function isOwnTenant(model: GraphModel, tenant: string): boolean {
  const t = tenant.toLowerCase();
  return t === model.tenantId.toLowerCase() || t === model.domain.toLowerCase();
}

/**
 * `POST /{tenant}/oauth2/v2.0/token` with client credentials (secret or certificate assertion), answering like
 * login.microsoftonline.com: a signed JWT with `roles` (none without admin consent), or the AADSTS error.
 */
export async function handleTokenRequest(
  model: GraphModel,
  request: SimRequest,
  tenant: string,
  lifetimeSeconds: number,
): Promise<SimResponse> {
  const form = new URLSearchParams(request.body);
  const correlationId = request.headers["client-request-id"] ?? randomUUID();
  if (!isOwnTenant(model, tenant)) {
    return aadError(
      400,
      "invalid_request",
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      correlationId,
    );
  }
  if (form.get("grant_type") !== "client_credentials") {
    return aadError(
      400,
      "unsupported_grant_type",
      70003,
      "The app requested an unsupported grant type.",
      correlationId,
    );
  }
  const clientId = form.get("client_id") ?? "";
  const app = model.getApp(clientId);
  if (!app) {
    return aadError(
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      correlationId,
    );
  }
  const scope = form.get("scope") ?? "";
  const scopes = scope
    .split(" ")
    .filter((s) => s !== "" && s !== "openid" && s !== "profile" && s !== "offline_access");
  if (scopes.length !== 1 || !scopes[0]?.endsWith("/.default")) {
    return aadError(
      400,
      "invalid_scope",
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      correlationId,
    );
  }
  if (scopes[0].replace(/\/\.default$/, "").replace(/\/$/, "") !== GRAPH_AUDIENCE) {
    return aadError(
      400,
      "invalid_resource",
      500011,
      `The resource principal named ${scopes[0].replace(/\/\.default$/, "")} was not found in the tenant named ${tenant}.`,
      correlationId,
    );
  }
  const secret = form.get("client_secret");
  const assertion = form.get("client_assertion");
  if (secret !== null) {
    if (secret !== app.clientSecret) {
      return aadError(
        401,
        "invalid_client",
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
        correlationId,
      );
    }
    if (app.secretExpired) {
      return aadError(
        401,
        "invalid_client",
        7000222,
        `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
        correlationId,
      );
    }
  } else if (assertion !== null && form.get("client_assertion_type") === ASSERTION_TYPE) {
    const problem = await verifyClientAssertion(assertion, app, request.url.href, model.clock());
    if (problem) return aadError(401, "invalid_client", problem.code, problem.message, correlationId);
  } else {
    return aadError(
      401,
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      correlationId,
    );
  }
  const keys = await signingKeys(model);
  const now = Math.floor(model.clock().getTime() / 1000);
  const roles = app.consented === false ? [] : app.roles;
  const token = await new SignJWT({
    aud: GRAPH_AUDIENCE,
    iss: `https://sts.windows.net/${model.tenantId}/`,
    appid: clientId,
    appidacr: secret !== null ? "1" : "2",
    idtyp: "app",
    oid: deterministicGuid(model.seed, 8, clientId.length),
    sub: deterministicGuid(model.seed, 8, clientId.length),
    tid: model.tenantId,
    ver: "1.0",
    ...(roles.length > 0 ? { roles } : {}),
  })
    .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: keys.kid })
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(keys.privateKey);
  return jsonResponse(
    200,
    {
      token_type: "Bearer",
      expires_in: lifetimeSeconds,
      ext_expires_in: lifetimeSeconds,
      access_token: token,
    },
    { "client-request-id": correlationId, "cache-control": "no-store, no-cache" },
  );
}
