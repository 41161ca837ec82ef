import { jwtVerify } from "jose";
import type { SimRequest, SimResponse } from "../../http/sim-exchange";
import { graphError } from "../graph-error";
import type { GraphModel } from "../model/graph-model";
import { signingKeys } from "./signing-keys";
import { GRAPH_AUDIENCE } from "./token-endpoint";

const verified = new Map<string, { model: GraphModel; payload: Record<string, unknown> }>();

/** The caller of a Graph request, once its token checked out. */
export interface GraphCaller {
  appId: string;
  roles: string[];
}

/**
 * Checks the bearer token like Graph: signature, lifetime, audience and tenant (401 `InvalidAuthenticationToken`),
 * then that one of `anyOf` roles is granted (403 `Authorization_RequestDenied`).
 */
export async function verifyBearer(
  model: GraphModel,
  request: SimRequest,
  anyOf: readonly string[],
): Promise<{ ok: true; caller: GraphCaller } | { ok: false; response: SimResponse }> {
  const header = request.headers.authorization ?? "";
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
  const deny = (message: string): { ok: false; response: SimResponse } => ({
    ok: false,
    response: graphError(request, 401, "InvalidAuthenticationToken", message, {
      "www-authenticate": `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
    }),
  });
  if (!token) return deny("Access token is empty.");
  const keys = await signingKeys(model);
  let payload: Record<string, unknown>;
  const cached = verified.get(token);
  try {
    if (cached && cached.model === model && Number(cached.payload.exp) * 1000 > model.clock().getTime()) {
      payload = cached.payload;
    } else {
      ({ payload } = await jwtVerify(token, keys.publicKey, {
        currentDate: model.clock(),
        clockTolerance: 0,
      }));
      if (verified.size > 100) verified.clear();
      verified.set(token, { model, payload });
    }
  } catch (error) {
    const expired = error instanceof Error && "code" in error && error.code === "ERR_JWT_EXPIRED";
    return deny(
      expired
        ? "Lifetime validation failed, the token is expired."
        : "Access token validation failure. Invalid signature.",
    );
  }
  if (payload.aud !== GRAPH_AUDIENCE) return deny("Access token validation failure. Invalid audience.");
  if (payload.tid !== model.tenantId) return deny("Access token validation failure. Invalid tenant.");
  const roles = Array.isArray(payload.roles)
    ? payload.roles.filter((r): r is string => typeof r === "string")
    : [];
  if (anyOf.length > 0 && !roles.some((r) => anyOf.includes(r))) {
    return {
      ok: false,
      response: graphError(
        request,
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
      ),
    };
  }
  return { ok: true, caller: { appId: String(payload.appid ?? ""), roles } };
}
