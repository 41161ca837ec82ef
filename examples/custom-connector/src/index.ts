/**
 * A plugin author's connector for a small REST HR system ("Acme HR"), with the tiny HR server it talks to.
 * What a connector package would publish is everything under `connector/`.
 *
 * @example
 * ```ts
 * import { createHrConnector, startHrServer } from "@uslimato/example-custom-connector";
 * const hr = await startHrServer({ people: 100 });
 * const hub = createHub({ storage, vault, connectors: [createHrConnector()], mapping: fieldMappingEngine() });
 * await hub.integrations.create({ tenantId: "t1", connectorId: "acme-hr", name: "HR", settings: { baseUrl: hr.url }, secrets: { apiKey: hr.apiKey }, intervalMinutes: 60 });
 * ```
 *
 * @module
 */
export { createHrConnector, HR_CONNECTOR_ID } from "./connector/create-hr-connector";
export type { HrCheckpoint } from "./connector/hr-checkpoint";
export { parseHrCheckpoint } from "./connector/hr-checkpoint";
export type { HrConnectorErrorCode } from "./connector/hr-connector-error";
export { HrConnectorError } from "./connector/hr-connector-error";
export type { HrSecretName, HrSettings, HrSettingsInput } from "./connector/hr-settings";
export { hrSecretsSchema, hrSettingsSchema } from "./connector/hr-settings";
export { hrUserMapping } from "./connector/hr-user-mapping";
export type { HrApi, HrPage } from "./connector/open-hr-api";
export { openHrApi } from "./connector/open-hr-api";
export { testHrConnection } from "./connector/test-hr-connection";
export type { PeopleQuery } from "./hr-server/hr-directory";
export { HrDirectory } from "./hr-server/hr-directory";
export type { HrPeoplePage, HrPerson } from "./hr-server/hr-person";
export type { HrServer } from "./hr-server/start-hr-server";
export { startHrServer } from "./hr-server/start-hr-server";
