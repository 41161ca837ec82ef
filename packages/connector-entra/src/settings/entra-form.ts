import type { ConnectorFormHints } from "@uslimato/core/connector";
import type { EntraSecretName } from "./entra-settings";

/**
 * The Entra connector's Configure dialog, in the seed's words: Tenant ID, Client ID and Client Secret, then the
 * Sync Scope ("Users" or "Users and Groups"); national clouds, certificates, extra properties and explicit
 * endpoints (proxies, the simulator) are advanced.
 */
export const entraFormHints: ConnectorFormHints<EntraSecretName> = {
  order: ["tenantId", "clientId", "scope", "credential", "certificateThumbprintSha256", "cloud"],
  fields: {
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
    scope: {
      label: "Sync scope",
      help: "Users and Groups also needs the Group.Read.All application permission.",
      options: { users: "Users", usersAndGroups: "Users and Groups" },
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
    userProperties: {
      label: "Extra user properties",
      help: "Graph user properties to read for custom field mappings, e.g. department.",
      advanced: true,
    },
    endpoints: {
      label: "Endpoints",
      help: "Only for an outbound proxy or the simulator: the authority host, the Graph base URL and its token scope.",
      advanced: true,
    },
    "endpoints.authorityHost": { label: "Authority host", placeholder: "https://login.microsoftonline.com" },
    "endpoints.graphBaseUrl": { label: "Graph base URL", placeholder: "https://graph.microsoft.com/v1.0" },
    "endpoints.scope": { label: "Token scope", placeholder: "https://graph.microsoft.com/.default" },
  },
  secrets: {
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
  },
  serverChecked: ["endpoints"],
};
