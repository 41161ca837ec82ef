import type { EntraSettings } from "@uslimato/connector-entra";
import { isLoopbackUrl } from "@uslimato/msgraph";
import { createLoopbackNetworkClient, type MsalNetworkClient } from "./loopback-network-client";

// One client per loopback authority, so msal-node's cached confidential client (keyed by it) is reused.
const clients = new Map<string, MsalNetworkClient>();

/**
 * The msal network client of ONE integration, derived from its own endpoints: a loopback client for a plain-http
 * loopback `endpoints.authorityHost` (a local simulator), `undefined` (msal's default https client) for everything
 * else, Microsoft's authorities included. Routing never depends on the other integrations.
 */
export function networkClientFor(settings: Pick<EntraSettings, "endpoints">): MsalNetworkClient | undefined {
  const host = settings.endpoints?.authorityHost;
  if (host === undefined || !URL.canParse(host)) return undefined;
  const url = new URL(host);
  if (url.protocol !== "http:" || !isLoopbackUrl(url)) return undefined;
  let client = clients.get(url.origin);
  if (!client) {
    client = createLoopbackNetworkClient(url);
    clients.set(url.origin, client);
  }
  return client;
}
