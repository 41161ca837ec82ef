import type { Connector } from "@uslimato/core/connector";
import { OAuthTokenCache } from "./auth/oauth-token-cache";
import { sapAssetMapping, sapEmployeeMapping } from "./mapping/sap-default-mappings";
import { readSap } from "./read/read-sap";
import type { SapConnectorOptions } from "./sap-connector-options";
import { sapFormHints } from "./settings/sap-form";
import {
  type SapSecretName,
  type SapSettings,
  type SapSettingsInput,
  sapSecretsSchema,
  sapSettingsSchema,
} from "./settings/sap-settings";
import { testSapConnection } from "./test-connection/test-sap-connection";

/** The SAP connector's id. */
export const SAP_CONNECTOR_ID = "sap";

/**
 * The SAP S/4HANA connector: equipment (`API_EQUIPMENT`), fixed assets (`api_fixedasset`) as assets and employees
 * (`API_BUSINESS_PARTNER` or a custom view) as users, by polling over OData v2/v4 with keyset paging, a
 * high-water mark per source and a periodic full sweep (weekly by default) for physical deletes.
 *
 * @example
 * ```ts
 * const hub = createHub({ storage, vault, connectors: [createSapConnector()], mapping: fieldMappingEngine() });
 * ```
 */
export function createSapConnector(
  options: SapConnectorOptions = {},
): Connector<SapSettings, SapSecretName, typeof SAP_CONNECTOR_ID, SapSettingsInput> {
  const tokens = new OAuthTokenCache();
  return {
    id: SAP_CONNECTOR_ID,
    title: "SAP S/4HANA",
    description: "Synchronize asset and employee data from SAP S/4HANA (polling)",
    settingsSchema: sapSettingsSchema,
    secretsSchema: sapSecretsSchema,
    secretNames: ["password", "clientSecret", "clientCertificate", "clientKey", "clientKeyPassphrase"],
    entities: ["user", "asset"],
    capabilities: { incremental: true, webhooks: false, directions: ["inbound"] },
    defaultMappings: { user: sapEmployeeMapping, asset: sapAssetMapping },
    form: sapFormHints,
    testConnection: (ctx) => testSapConnection(ctx, options, tokens),
    read: (ctx) => readSap(ctx, options, tokens),
    release: (integrationId) => tokens.dropPrefix(`${integrationId}\u0000`),
  };
}
