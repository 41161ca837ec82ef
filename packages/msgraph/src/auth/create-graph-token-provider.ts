import type { INetworkModule } from "@azure/msal-node";
import { LogLevel } from "@azure/msal-node";
import {
  type Logger,
  noopLogger,
  noopTelemetry,
  type RetryPolicy,
  type Secret,
  type Telemetry,
} from "@uslimato/core/connector";
import { GraphAuthError } from "../errors/graph-auth-error";
import type { AccessToken, GraphTokenProvider, TokenCredential } from "./access-token";
import { getConfidentialClient } from "./confidential-client-cache";
import { createFetchNetworkClient, routesMicrosoftAuthority } from "./create-fetch-network-client";
import type { GraphCloudName, GraphEndpoints } from "./graph-clouds";
import { mapMsalError } from "./map-msal-error";
import { isMicrosoftAuthority } from "./microsoft-authority-hosts";
import { resolveGraphEndpoints } from "./resolve-graph-endpoints";
import { takeTokenFailure, tokenNetwork } from "./token-network";

/** How the app proves who it is. */
export type GraphCredential =
  | { type: "clientSecret"; clientId: string; clientSecret: Secret }
  | { type: "certificate"; clientId: string; thumbprintSha256: string; privateKey: Secret; x5c?: string }
  | { type: "tokenCredential"; credential: TokenCredential };

/** Options of {@link createGraphTokenProvider}. */
export interface GraphTokenProviderOptions {
  /** The host's telemetry (`ctx.telemetry`): a client span per token request (cache hits marked), no token in it. */
  telemetry?: Telemetry;
  /** The directory (tenant) id or primary domain. Never `common` or `organizations`. */
  tenantId: string;
  credential: GraphCredential;
  /** A named cloud or explicit endpoints (proxies, the simulator). Default `global`. */
  cloud?: GraphCloudName | GraphEndpoints;
  /**
   * msal-node's HTTP client, for an outbound proxy: build it with `createFetchNetworkClient` (a `dispatcher`, or
   * `routes` to a reverse proxy). Leave it unset otherwise: the provider derives the client from its own
   * endpoints (a plain-http loopback `authorityHost`, such as the simulator, is reached over http; nothing else
   * is redirected). For a Microsoft authority only a client from `createFetchNetworkClient` is accepted, so a
   * client that redirects Microsoft's hosts (a simulator's) can never receive a real tenant's secret.
   */
  networkClient?: INetworkModule;
  /**
   * Retries of token requests and authority discovery after transient failures (429, 502, 503, 504, resets,
   * timeouts), `Retry-After` honoured: the shared policy of every HTTP call. Final AADSTS answers are not retried.
   */
  retry?: RetryPolicy;
  logger?: Logger;
}

const defaultNetworkClient = createFetchNetworkClient();
const MAX_LOOPBACK_CLIENTS = 64;
const loopbackClients = new Map<string, INetworkModule>();

/** The network client an integration's own authority needs: plain fetch, or https->http for a loopback host. */
function derivedNetworkClient(authorityHost: URL): INetworkModule {
  if (authorityHost.protocol !== "http:") return defaultNetworkClient;
  const origin = authorityHost.origin;
  let client = loopbackClients.get(origin);
  if (!client) {
    client = createFetchNetworkClient({ routes: [{ from: `https://${authorityHost.host}`, to: origin }] });
    if (loopbackClients.size >= MAX_LOOPBACK_CLIENTS)
      loopbackClients.delete(loopbackClients.keys().next().value as string);
    loopbackClients.set(origin, client);
  }
  return client;
}

function networkClientFor(authorityHost: URL, given: INetworkModule | undefined): INetworkModule {
  if (given === undefined) return derivedNetworkClient(authorityHost);
  if (isMicrosoftAuthority(authorityHost) && routesMicrosoftAuthority(given) === undefined) {
    throw new GraphAuthError(
      "INVALID_ENDPOINT",
      `A custom msal network client is not used for Microsoft's authority ${authorityHost.host}: leave networkClient unset, or build a proxy client with createFetchNetworkClient`,
    );
  }
  return given;
}

const MULTI_TENANT = new Set(["common", "organizations", "consumers"]);

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** How long before expiry msal-node renews a cached token (its default `tokenRenewalOffsetSeconds`, 300). */
const MSAL_RENEWAL_OFFSET_MS = 300_000;

/**
 * Creates the token provider of one integration: client secret or certificate through one cached msal-node
 * `ConfidentialClientApplication` (its token cache reused across calls), or an Azure SDK `TokenCredential`.
 * Failures are {@link GraphAuthError}s with the AADSTS number, never the secret.
 *
 * @example
 * ```ts
 * const tokens = createGraphTokenProvider({
 *   tenantId, credential: { type: "clientSecret", clientId, clientSecret: new Secret(value) },
 * });
 * const { token } = await tokens.getToken();
 * ```
 */
export function createGraphTokenProvider(options: GraphTokenProviderOptions): GraphTokenProvider {
  const { tenantId, credential } = options;
  const logger = options.logger ?? noopLogger;
  const endpoints = resolveGraphEndpoints(options.cloud);
  if (MULTI_TENANT.has(tenantId.toLowerCase()) || !/^[A-Za-z0-9.-]+$/.test(tenantId)) {
    throw new GraphAuthError(
      "TENANT_NOT_FOUND",
      "A tenant id (GUID or domain) is required, not a multi-tenant alias",
    );
  }
  if (credential.type === "tokenCredential") {
    return {
      async getToken(signal) {
        try {
          const token = await abortable(
            credential.credential.getToken([endpoints.scope], signal ? { abortSignal: signal } : {}),
            signal,
          );
          if (!token) throw new GraphAuthError("AUTH_FAILED", "The token credential returned no token");
          return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp };
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          throw mapMsalError(error);
        }
      },
    };
  }
  const host = endpoints.authorityHost;
  const networkClient = networkClientFor(host, options.networkClient);
  const authority = `https://${host.host}${host.pathname.replace(/\/+$/, "")}/${tenantId}`;
  const revealed =
    credential.type === "clientSecret" ? credential.clientSecret.reveal() : credential.privateKey.reveal();
  const auth =
    credential.type === "clientSecret"
      ? { clientId: credential.clientId, authority, clientSecret: revealed }
      : {
          clientId: credential.clientId,
          authority,
          clientCertificate: {
            thumbprintSha256: credential.thumbprintSha256,
            privateKey: revealed,
            ...(credential.x5c ? { x5c: credential.x5c } : {}),
          },
        };
  const client = getConfidentialClient(
    {
      // A host that is not one of Microsoft's (a simulator, a test double) is trusted as configured: msal then
      // skips its instance discovery request, as it does for Microsoft's hosts from built-in metadata.
      auth: { ...auth, ...(isMicrosoftAuthority(host) ? {} : { knownAuthorities: [host.host] }) },
      system: {
        networkClient: tokenNetwork(networkClient, options.retry),
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          loggerCallback: (_level, message) => logger.debug({ component: "msal" }, message),
        },
      },
    },
    `${credential.type}\0${credential.type === "certificate" ? credential.thumbprintSha256 : ""}\0${revealed}`,
  );
  // msal-node hands out its cached token until five minutes before it expires (or its refresh time), but even a
  // cache hit takes a few turns of the event loop; each Graph request asks, so the same token is reused here
  // under the same rule, and msal is asked only when it would renew.
  let reuse: { token: AccessToken; until: number } | undefined;
  return {
    async getToken(signal) {
      if (reuse && Date.now() < reuse.until) {
        signal?.throwIfAborted();
        return reuse.token;
      }
      takeTokenFailure(tenantId);
      const span = (options.telemetry ?? noopTelemetry).span(
        "uslimato.token",
        { "uslimato.http.service": "entra-token", "uslimato.token.credential": credential.type },
        "client",
      );
      try {
        const result = await abortable(
          client.acquireTokenByClientCredential({ scopes: [endpoints.scope] }),
          signal,
        );
        if (!result?.accessToken)
          throw new GraphAuthError("AUTH_FAILED", "msal-node returned no access token");
        span.set({ "uslimato.token.cached": result.fromCache === true });
        const expiresOnTimestamp = result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000;
        const token: AccessToken = { token: result.accessToken, expiresOnTimestamp };
        const refreshOn = result.refreshOn?.getTime() ?? Number.POSITIVE_INFINITY;
        reuse = { token, until: Math.min(expiresOnTimestamp - MSAL_RENEWAL_OFFSET_MS, refreshOn) };
        return token;
      } catch (error) {
        if (signal?.aborted) {
          span.fail("ABORTED");
          throw signal.reason;
        }
        const mapped = mapMsalError(error, [revealed], takeTokenFailure(tenantId));
        span.fail(mapped.code);
        throw mapped;
      } finally {
        span.end();
      }
    },
  };
}
