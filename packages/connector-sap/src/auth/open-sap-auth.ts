import { type ConnectorContext, createHttpClient } from "@uslimato/core/connector";
import { z } from "zod";
import { classifySapFailure } from "../odata/classify-sap-failure";
import { describeSapResponse } from "../odata/describe-sap-response";
import { SapError } from "../odata/sap-error";
import type { SapConnectorOptions } from "../sap-connector-options";
import type { SapSecretName, SapSettings } from "../settings/sap-settings";
import { createHttpsFetch } from "./create-https-fetch";
import type { OAuthTokenCache } from "./oauth-token-cache";
import type { SapAuth } from "./sap-auth";

const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional(),
});

function missing(secret: SapSecretName, auth: string): SapError {
  return new SapError("SAP_LOGON_FAILED", `The ${secret} secret is missing (auth ${auth})`, {
    remedy: `Enter the ${secret} of the communication system, or choose another logon method`,
  });
}

const formEncode = (text: string) => encodeURIComponent(text).replace(/%20/g, "+");

/**
 * The logon of one integration: Basic with the communication user, OAuth client credentials (token cached in
 * `tokens` until shortly before expiry), a client certificate over mutual TLS, or the host's token provider.
 */
export function openSapAuth(
  ctx: ConnectorContext<SapSettings, SapSecretName>,
  options: SapConnectorOptions,
  tokens: OAuthTokenCache,
): SapAuth {
  const { settings, secrets } = ctx;
  const certificate = settings.auth === "certificate";
  const needsOwnTransport = certificate || settings.caCertificate !== undefined;
  const transport = needsOwnTransport
    ? createHttpsFetch({
        ...(certificate
          ? { cert: secrets.clientCertificate?.reveal(), key: secrets.clientKey?.reveal() }
          : {}),
        ...(secrets.clientKeyPassphrase ? { passphrase: secrets.clientKeyPassphrase.reveal() } : {}),
        ...(settings.caCertificate ? { ca: settings.caCertificate } : {}),
      })
    : options.fetch;
  const withFetch = transport ? { fetch: transport } : {};
  switch (settings.auth) {
    case "basic": {
      const password = secrets.password;
      if (!password) throw missing("password", "basic");
      return {
        refreshable: false,
        invalidate: () => {},
        headers: async () => ({
          authorization: `Basic ${Buffer.from(`${settings.username ?? ""}:${password.reveal()}`).toString("base64")}`,
        }),
        ...withFetch,
      };
    }
    case "certificate":
      if (!secrets.clientCertificate) throw missing("clientCertificate", "certificate");
      if (!secrets.clientKey) throw missing("clientKey", "certificate");
      return { refreshable: false, invalidate: () => {}, headers: async () => ({}), ...withFetch };
    case "tokenProvider": {
      const provider = options.tokenProvider;
      if (!provider)
        throw new SapError("SAP_LOGON_FAILED", "auth tokenProvider needs the host's tokenProvider option", {
          remedy: "Pass tokenProvider to createSapConnector, or choose another logon method",
        });
      return {
        refreshable: false,
        invalidate: () => {},
        headers: async (signal) => ({
          authorization: `Bearer ${await provider({ integrationId: ctx.integrationId, tenantId: ctx.tenantId, signal })}`,
        }),
        ...withFetch,
      };
    }
    case "oauthClientCredentials": {
      const oauth = settings.oauth;
      const secret = secrets.clientSecret;
      if (!oauth) throw missing("clientSecret", "oauthClientCredentials");
      if (!secret) throw missing("clientSecret", "oauthClientCredentials");
      const tokenUrl = oauth.tokenUrl ?? `${settings.baseUrl}/sap/bc/sec/oauth2/token`;
      const http = createHttpClient({
        timeoutMs: options.timeoutMs ?? 60_000,
        ...(options.retry ? { retry: options.retry } : {}),
        ...withFetch,
        service: "sap",
        describeError: describeSapResponse,
        logger: ctx.logger,
        ...(ctx.telemetry ? { telemetry: ctx.telemetry } : {}),
      });
      const key = `${ctx.integrationId}\u0000${oauth.clientId}\u0000${tokenUrl}`;
      const now = () => (options.clock ?? (() => new Date()))().getTime();
      const fetchToken = async (signal: AbortSignal) => {
        const basic = Buffer.from(`${formEncode(oauth.clientId)}:${formEncode(secret.reveal())}`).toString(
          "base64",
        );
        try {
          const response = await http.request({
            method: "POST",
            url: tokenUrl,
            form: { grant_type: "client_credentials", ...(oauth.scope ? { scope: oauth.scope } : {}) },
            headers: {
              authorization: `Basic ${basic}`,
              ...(settings.sapClient ? { "sap-client": settings.sapClient } : {}),
            },
            signal,
          });
          const parsed = tokenResponse.safeParse(response.body);
          if (!parsed.success)
            throw new SapError(
              "SAP_TOKEN_FAILED",
              "The OAuth token endpoint answered without an access token",
              {
                remedy: "Check the token URL: it must be the system's OAuth 2.0 token endpoint",
                service: "OAuth token endpoint",
              },
            );
          return { token: parsed.data.access_token, expiresIn: parsed.data.expires_in ?? 300 };
        } catch (error) {
          throw classifySapFailure(error, { service: "OAuth token endpoint" });
        }
      };
      return {
        refreshable: true,
        invalidate: () => tokens.drop(key),
        headers: async (signal) => ({
          authorization: `Bearer ${await tokens.get(key, now, () => fetchToken(signal))}`,
        }),
        ...withFetch,
      };
    }
  }
}
