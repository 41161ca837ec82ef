import type { ConnectorFormHints } from "@uslimato/core/connector";
import { graphAppFieldHints, graphAppSecretHints } from "@uslimato/msgraph";
import type { EntraSecretName } from "./entra-settings";

/**
 * The Entra connector's Configure dialog, in the seed's words: Tenant ID, Client ID and Client Secret, then the
 * Sync Scope ("Users" or "Users and Groups"); national clouds, certificates, extra properties and explicit
 * endpoints (proxies, the simulator) are advanced.
 */
export const entraFormHints: ConnectorFormHints<EntraSecretName> = {
  order: ["tenantId", "clientId", "scope", "credential", "certificateThumbprintSha256", "cloud"],
  fields: {
    ...graphAppFieldHints,
    scope: {
      label: "Sync scope",
      help: "Users and Groups also needs the Group.Read.All application permission.",
      options: { users: "Users", usersAndGroups: "Users and Groups" },
    },
    userProperties: {
      label: "Extra user properties",
      help: "Graph user properties to read for custom field mappings, e.g. department.",
      advanced: true,
    },
  },
  secrets: graphAppSecretHints,
  serverChecked: ["endpoints"],
};
