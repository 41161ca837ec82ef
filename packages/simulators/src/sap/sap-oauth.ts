import { randomBytes } from "node:crypto";
import { jsonResponse, type SimRequest, type SimResponse } from "../http/sim-exchange";

/** An OAuth 2.0 client (client credentials grant), as `SOAUTH2` registers it on-premise. */
export interface SapOAuthClient {
  clientId: string;
  clientSecret: string;
  /** Default 3600. */
  tokenLifetimeSeconds?: number;
  /** Default `ZAPI_EQUIPMENT_0001 ZAPI_BUSINESS_PARTNER_0001 ZAPI_FIXEDASSET_0001`. */
  scope?: string;
}

/** The token endpoint `/sap/bc/sec/oauth2/token` and the bearer tokens it issued (valid until expiry). */
export interface SapTokenIssuer {
  handle(request: SimRequest): SimResponse;
  /** Whether a bearer token is known and not expired. */
  accepts(token: string): boolean;
}

function oauthError(status: number, error: string, description: string): SimResponse {
  return jsonResponse(status, { error, error_description: description }, { "cache-control": "no-store" });
}

/** Creates the OAuth token endpoint (client credentials, client authentication by Basic header or form). */
export function createSapTokenIssuer(client: SapOAuthClient | undefined, now: () => number): SapTokenIssuer {
  const tokens = new Map<string, number>();
  return {
    accepts(token) {
      const expires = tokens.get(token);
      if (expires === undefined) return false;
      if (expires > now()) return true;
      tokens.delete(token);
      return false;
    },
    handle(request) {
      if (request.method !== "POST") return oauthError(405, "invalid_request", "Use POST");
      if (!client) return oauthError(401, "invalid_client", "OAuth 2.0 is not configured for this client");
      const form = new URLSearchParams(request.body);
      let id = form.get("client_id");
      let secret = form.get("client_secret");
      const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? "");
      if (basic) {
        const decoded = Buffer.from(basic[1] as string, "base64").toString("utf8");
        const colon = decoded.indexOf(":");
        id = decodeURIComponent(decoded.slice(0, colon));
        secret = decodeURIComponent(decoded.slice(colon + 1));
      }
      if (id !== client.clientId || secret !== client.clientSecret) {
        return oauthError(401, "invalid_client", "Client authentication failed");
      }
      if (form.get("grant_type") !== "client_credentials") {
        return oauthError(
          400,
          "unsupported_grant_type",
          `Grant type '${form.get("grant_type") ?? ""}' is not supported`,
        );
      }
      const lifetime = client.tokenLifetimeSeconds ?? 3600;
      const token = randomBytes(24).toString("base64url");
      tokens.set(token, now() + lifetime * 1000);
      return jsonResponse(
        200,
        {
          access_token: token,
          token_type: "Bearer",
          expires_in: lifetime,
          scope:
            form.get("scope") ??
            client.scope ??
            "ZAPI_EQUIPMENT_0001 ZAPI_BUSINESS_PARTNER_0001 ZAPI_FIXEDASSET_0001",
        },
        { "cache-control": "no-store" },
      );
    },
  };
}
