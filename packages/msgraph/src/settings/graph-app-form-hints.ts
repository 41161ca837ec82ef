import type { FormFieldHint } from "@uslimato/core/connector";
import type { GraphAppSecretName } from "./graph-app-settings";

/**
 * Configure-dialog hints for the app-registration fields every Microsoft connector shares
 * ({@link graphAppSettingsFields}): Tenant ID and Client ID first; authentication, certificate thumbprint, national
 * cloud and explicit endpoints (proxies, the simulator) as advanced fields. Spread them into a connector's
 * `form.fields` and override what differs (e.g. the permissions named in `clientId`'s help).
 *
 * @example
 * ```ts
 * const form = { fields: { ...graphAppFieldHints, scope: { label: "Sync scope" } }, secrets: graphAppSecretHints };
 * ```
 */
export const graphAppFieldHints: Readonly<Record<string, FormFieldHint>> = {
  tenantId: {
    label: "Tenant ID",
    help: "The Directory (tenant) ID of your Azure tenant (App registrations > Overview), or a verified domain.",
    placeholder: "00000000-0000-0000-0000-000000000000",
  },
  clientId: {
    label: "Client ID",
    help: "The Application (client) ID of the App Registration.",
    placeholder: "00000000-0000-0000-0000-000000000000",
  },
  credential: {
    label: "Authentication",
    advanced: true,
    options: {
      clientSecret: "Client secret",
      certificate: "Certificate",
      tokenCredential: "Managed identity (provided by the host)",
    },
  },
  certificateThumbprintSha256: {
    label: "Certificate thumbprint (SHA-256)",
    help: "64 hex digits, as shown under Certificates & secrets.",
    advanced: true,
    showWhen: { field: "credential", equals: "certificate" },
  },
  cloud: {
    label: "Cloud",
    advanced: true,
    options: {
      global: "Global (Microsoft Azure)",
      usGov: "US Government (GCC High)",
      usGovDoD: "US Government (DoD)",
      china: "China (operated by 21Vianet)",
    },
  },
  endpoints: {
    label: "Endpoints",
    help: "Only for an outbound proxy or the simulator: the authority host, the Graph base URL and its token scope.",
    advanced: true,
  },
  "endpoints.authorityHost": { label: "Authority host", placeholder: "https://login.microsoftonline.com" },
  "endpoints.graphBaseUrl": { label: "Graph base URL", placeholder: "https://graph.microsoft.com/v1.0" },
  "endpoints.scope": { label: "Token scope", placeholder: "https://graph.microsoft.com/.default" },
};

/** Configure-dialog hints for the app registration's secrets, each shown for its authentication. */
export const graphAppSecretHints: Readonly<Record<GraphAppSecretName, FormFieldHint>> = {
  clientSecret: {
    label: "Client secret",
    help: "The secret's Value (displayed only once in Azure), not its ID.",
    showWhen: { field: "credential", equals: "clientSecret" },
  },
  certificatePrivateKey: {
    label: "Certificate private key (PEM)",
    widget: "textarea",
    showWhen: { field: "credential", equals: "certificate" },
  },
};
