import { type Connector, defineConnector } from "@uslimato/core/connector";
import {
  type HrSecretName,
  type HrSettings,
  type HrSettingsInput,
  hrSecretsSchema,
  hrSettingsSchema,
} from "./hr-settings";
import { hrUserMapping } from "./hr-user-mapping";
import { readHrPeople } from "./read-hr-people";
import { testHrConnection } from "./test-hr-connection";

/** The connector's id: integrations name it as `connectorId`. */
export const HR_CONNECTOR_ID = "acme-hr";

/**
 * The Acme HR connector: people from a small REST HR system, full and incremental (updated-since) reads with
 * cursor paging, an API key header, and default mappings for `@uslimato/field-mapping`.
 *
 * @example
 * ```ts
 * const hub = createHub({ storage, vault, connectors: [createHrConnector()], mapping: fieldMappingEngine() });
 * ```
 */
export function createHrConnector(): Connector<
  HrSettings,
  HrSecretName,
  typeof HR_CONNECTOR_ID,
  HrSettingsInput
> {
  return defineConnector({
    id: HR_CONNECTOR_ID,
    title: "Acme HR",
    description: "People from Acme HR: email, name and active status",
    settingsSchema: hrSettingsSchema,
    secretsSchema: hrSecretsSchema,
    secretNames: ["apiKey"],
    entities: ["user"],
    capabilities: { incremental: true, webhooks: false, directions: ["inbound"] },
    defaultMappings: { user: hrUserMapping },
    testConnection: testHrConnection,
    read: readHrPeople,
  });
}
