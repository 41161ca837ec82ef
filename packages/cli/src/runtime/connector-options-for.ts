import type { EntraConnectorOptions } from "@uslimato/connector-entra";
import type { IntegrationRecord } from "@uslimato/core";
import { isLoopbackUrl } from "@uslimato/msgraph";
import { createSimulatorNetworkClient } from "@uslimato/simulators";

/**
 * Entra connector options for the stored integrations. msal-node speaks only https, so an integration whose
 * authority is a loopback http address (a local Graph simulator) needs msal's requests routed to it; real tenants
 * need nothing. The only difference between the demo and a real tenant is the configured endpoints.
 */
export function connectorOptionsFor(integrations: ReadonlyArray<IntegrationRecord>): EntraConnectorOptions {
  for (const integration of integrations) {
    const endpoints = (integration.settings as { endpoints?: { authorityHost?: unknown } }).endpoints;
    const host = endpoints?.authorityHost;
    if (integration.connectorId === "entra" && typeof host === "string" && URL.canParse(host)) {
      const url = new URL(host);
      if (url.protocol === "http:" && isLoopbackUrl(url))
        return { networkClient: createSimulatorNetworkClient({ url: host }) };
    }
  }
  return {};
}
