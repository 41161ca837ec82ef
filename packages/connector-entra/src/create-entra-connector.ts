import type { Connector } from "@uslimato/core/connector";
import { ENTRA_CONNECTOR_ID } from "./entra-connector-id";
import type { EntraConnectorOptions } from "./entra-connector-options";
import { entraGroupMapping, entraUserMapping } from "./mapping/entra-default-mappings";
import { readEntra } from "./read/read-entra";
import { entraFormHints } from "./settings/entra-form";
import {
  type EntraSecretName,
  type EntraSettings,
  type EntraSettingsInput,
  entraSecretsSchema,
  entraSettingsSchema,
} from "./settings/entra-settings";
import { testEntraConnection } from "./test-connection/test-entra-connection";
import { createEntraBackground } from "./webhooks/create-entra-background";

/**
 * The Microsoft Entra ID connector: users (and groups with memberships for the "Users and Groups" scope),
 * full and delta sync through Microsoft Graph, the seed's field table as default mappings.
 *
 * @example
 * ```ts
 * const hub = createHub({ storage, vault, connectors: [createEntraConnector()], mapping: fieldMappingEngine() });
 * ```
 */
export function createEntraConnector(
  options: EntraConnectorOptions = {},
): Connector<EntraSettings, EntraSecretName, typeof ENTRA_CONNECTOR_ID, EntraSettingsInput> {
  return {
    id: ENTRA_CONNECTOR_ID,
    title: "Microsoft Entra ID",
    description: "Synchronize users and groups from Microsoft Entra ID (Azure AD)",
    settingsSchema: entraSettingsSchema,
    secretsSchema: entraSecretsSchema,
    secretNames: ["clientSecret", "certificatePrivateKey"],
    entities: ["user", "group"],
    capabilities: { incremental: true, webhooks: true, directions: ["inbound"] },
    defaultMappings: { user: entraUserMapping, group: entraGroupMapping },
    form: entraFormHints,
    testConnection: (ctx) => testEntraConnection(ctx, options),
    read: (ctx) => readEntra(ctx, options),
    background: (context) => createEntraBackground(context, options),
  };
}
