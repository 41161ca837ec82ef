import type { Logger, OpenSecrets, RetryPolicy, Telemetry } from "@uslimato/core/connector";
import type { GraphTokenProvider, TokenCredential } from "../auth/access-token";
import {
  createGraphTokenProvider,
  type GraphCredential,
  type GraphTokenProviderOptions,
} from "../auth/create-graph-token-provider";
import { resolveGraphEndpoints } from "../auth/resolve-graph-endpoints";
import { createGraphClient } from "../client/create-graph-client";
import type { GraphClient } from "../client/graph-client";
import { GraphAuthError } from "../errors/graph-auth-error";
import type { GraphAppSecretName, GraphAppSettings } from "../settings/graph-app-settings";

/** What a host sets once for every integration of a Microsoft connector: network, token credential, retries. */
export interface GraphSessionOptions {
  /**
   * msal-node's HTTP client for an outbound proxy, built with {@link createFetchNetworkClient}. Leave it unset
   * otherwise: each integration's client is derived from its own endpoints (a loopback simulator authority
   * included), and a client that redirects Microsoft's authority is refused for integrations on Microsoft's cloud.
   */
  networkClient?: GraphTokenProviderOptions["networkClient"];
  /** The token credential of an integration configured with `credential: "tokenCredential"` (managed identity...). */
  tokenCredential?: (integration: { integrationId: string; tenantId: string }) => TokenCredential | undefined;
  /** A fetch implementation for Graph calls (tests). */
  fetch?: typeof globalThis.fetch;
  /** Timeout of one Graph request attempt. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, of Graph calls and token requests. Default 4. */
  maxRetries?: number;
  /** The shared retry policy's bounds, for Graph calls and token requests alike (tests shorten them). */
  retry?: RetryPolicy;
}

/** What {@link openGraphSession} needs of a connector context. */
export interface GraphSessionContext {
  integrationId: string;
  tenantId: string;
  settings: GraphAppSettings;
  secrets: OpenSecrets<GraphAppSecretName>;
  logger: Logger;
  /** The host's telemetry (`ctx.telemetry`): spans for token and Graph requests. */
  telemetry?: Telemetry | undefined;
}

/** An integration's token provider and Graph client. */
export interface GraphSession {
  tokens: GraphTokenProvider;
  graph: GraphClient;
}

/**
 * Builds the token provider (msal-node's cached confidential client, a certificate, or the host's token
 * credential) and the Graph client for one integration, on the configured cloud or explicit endpoints.
 *
 * @example
 * ```ts
 * const { tokens, graph } = openGraphSession(ctx, { retry: { maxDelayMs: 10_000 } });
 * ```
 */
export function openGraphSession(ctx: GraphSessionContext, options: GraphSessionOptions): GraphSession {
  const { settings } = ctx;
  const cloud = settings.endpoints ?? settings.cloud;
  const tokens = createGraphTokenProvider({
    tenantId: settings.tenantId,
    credential: credentialOf(ctx, options),
    cloud,
    logger: ctx.logger,
    ...(ctx.telemetry ? { telemetry: ctx.telemetry } : {}),
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
    ...(ctx.telemetry ? { telemetry: ctx.telemetry } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  return { tokens, graph };
}

function credentialOf(ctx: GraphSessionContext, options: GraphSessionOptions): GraphCredential {
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
