/**
 * `@uslimato/connector-entra`: Microsoft Entra ID users and groups for the Uslimato Interface Hub — full and
 * delta sync through Microsoft Graph, the seed's matching rules, and change notifications.
 *
 * @example
 * ```ts
 * import { createHub } from "@uslimato/core/connector";
 * import { createEntraConnector } from "@uslimato/connector-entra";
 * import { fieldMappingEngine } from "@uslimato/field-mapping";
 *
 * const hub = createHub({ storage, vault, connectors: [createEntraConnector()], mapping: fieldMappingEngine() });
 * const { id } = await hub.integrations.create({
 *   tenantId: "host-tenant",
 *   connectorId: "entra",
 *   name: "Microsoft Entra ID",
 *   settings: { tenantId: "00000000-0000-0000-0000-000000000001", clientId: "00000000-0000-0000-0000-000000000002", scope: "users" },
 *   secrets: { clientSecret: process.env.ENTRA_CLIENT_SECRET },
 *   intervalMinutes: 60,
 * });
 * console.log(await hub.testConnection(id));
 * console.log(await hub.syncNow(id));
 * ```
 *
 * @module
 */
export { createEntraConnector } from "./create-entra-connector";
export { ENTRA_CONNECTOR_ID } from "./entra-connector-id";
export type { EntraConnectorOptions } from "./entra-connector-options";
export {
  DEFAULT_USER_PROPERTIES,
  entraGroupMapping,
  entraUserMapping,
} from "./mapping/entra-default-mappings";
export type { DeltaCursor, EntraCheckpoint } from "./read/entra-checkpoint";
export { parseEntraCheckpoint } from "./read/entra-checkpoint";
export type { GroupPageParts } from "./read/to-group-page";
export { toGroupPage } from "./read/to-group-page";
export type { UserPageParts } from "./read/to-user-page";
export { toUserPage } from "./read/to-user-page";
export { entraFormHints } from "./settings/entra-form";
export type { EntraSecretName, EntraSettings, EntraSettingsInput } from "./settings/entra-settings";
export { entraSecretsSchema, entraSettingsSchema } from "./settings/entra-settings";
export { GROUP_READ_ROLES, missingPermissions, USER_READ_ROLES } from "./test-connection/required-roles";
export { createEntraBackground } from "./webhooks/create-entra-background";
export type { EntraWebhooks, EntraWebhooksOptions } from "./webhooks/create-entra-webhooks";
export { createEntraWebhooks } from "./webhooks/create-entra-webhooks";
