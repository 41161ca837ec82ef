import type { ConnectorContext } from "@uslimato/core/connector";
import {
  createGraphClient,
  createGraphTokenProvider,
  GraphAuthError,
  type GraphClient,
  type GraphCredential,
  type GraphTokenProvider,
  resolveGraphEndpoints,
} from "@uslimato/msgraph";
import type { EntraConnectorOptions } from "../entra-connector-options";
import type { EntraSecretName, EntraSettings } from "../settings/entra-settings";

/** An integration's token provider and Graph client. */
export interface EntraGraph {
  tokens: GraphTokenProvider;
  graph: GraphClient;
}

/**
 * Builds the token provider (msal-node's cached confidential client, a certificate, or the host's token
 * credential) and the Graph client for one integration, on the configured cloud or explicit endpoints.
 */
export function openEntraGraph(
  ctx: ConnectorContext<EntraSettings, EntraSecretName>,
  options: EntraConnectorOptions,
): EntraGraph {
  const { settings } = ctx;
  const cloud = settings.endpoints ?? settings.cloud;
  const tokens = createGraphTokenProvider({
    tenantId: settings.tenantId,
    credential: credentialOf(ctx, options),
    cloud,
    logger: ctx.logger,
    ...(options.networkClient ? { networkClient: options.networkClient } : {}),
    ...(options.retry || options.maxRetries !== undefined
      ? {
          retry: {
            ...options.retry,
            ...(options.maxRetries !== undefined ? { retries: options.maxRetries } : {}),
          },
        }
      : {}),
  });
  const graph = createGraphClient({
    tokenProvider: tokens,
    baseUrl: resolveGraphEndpoints(cloud).graphBaseUrl,
    logger: ctx.logger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  return { tokens, graph };
}

function credentialOf(
  ctx: ConnectorContext<EntraSettings, EntraSecretName>,
  options: EntraConnectorOptions,
): GraphCredential {
  const { settings, secrets } = ctx;
  if (settings.credential === "tokenCredential") {
    const credential = options.tokenCredential?.({
      integrationId: ctx.integrationId,
      tenantId: ctx.tenantId,
    });
    if (!credential)
      throw new GraphAuthError(
        "SECRET_MISSING",
        "The integration uses a token credential, but the host provided none for it",
      );
    return { type: "tokenCredential", credential };
  }
  if (settings.credential === "certificate") {
    const privateKey = secrets.certificatePrivateKey;
    if (!privateKey || !settings.certificateThumbprintSha256)
      throw new GraphAuthError("SECRET_MISSING", "No certificate private key is configured");
    return {
      type: "certificate",
      clientId: settings.clientId,
      thumbprintSha256: settings.certificateThumbprintSha256,
      privateKey,
    };
  }
  const clientSecret = secrets.clientSecret;
  if (!clientSecret) throw new GraphAuthError("SECRET_MISSING", "No client secret is configured");
  return { type: "clientSecret", clientId: settings.clientId, clientSecret };
}
