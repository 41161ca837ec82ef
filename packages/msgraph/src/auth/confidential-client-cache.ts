import { createHash } from "node:crypto";
import { ConfidentialClientApplication, type Configuration } from "@azure/msal-node";

const MAX_ENTRIES = 256;
const cache = new Map<string, ConfidentialClientApplication>();
const networkIds = new WeakMap<object, number>();
let nextNetworkId = 1;

function networkId(client: object | undefined): number {
  if (client === undefined) return 0;
  let id = networkIds.get(client);
  if (id === undefined) {
    id = nextNetworkId++;
    networkIds.set(client, id);
  }
  return id;
}

/**
 * One msal `ConfidentialClientApplication` per tenant + client + authority + credential, so its in-memory token
 * cache is reused across syncs. The key holds a SHA-256 fingerprint of the credential, never the credential.
 * Least recently used instances are dropped beyond 256.
 */
export function getConfidentialClient(
  configuration: Configuration,
  credentialMaterial: string,
): ConfidentialClientApplication {
  const fingerprint = createHash("sha256")
    .update(configuration.auth.clientId)
    .update("\0")
    .update(configuration.auth.authority ?? "")
    .update("\0")
    .update(credentialMaterial)
    .update("\0")
    .update(String(networkId(configuration.system?.networkClient)))
    .digest("base64url");
  const found = cache.get(fingerprint);
  if (found) {
    cache.delete(fingerprint);
    cache.set(fingerprint, found);
    return found;
  }
  const created = new ConfidentialClientApplication(configuration);
  cache.set(fingerprint, created);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return created;
}
