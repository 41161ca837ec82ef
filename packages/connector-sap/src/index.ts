/**
 * `@uslimato/connector-sap`: SAP S/4HANA equipment, fixed assets and employees for the Uslimato Interface Hub,
 * by polling over OData v2/v4 (SAP offers no webhooks): keyset paging, a high-water mark per source, current
 * validity segments, guarded sweeps for physical deletes, and connection tests that name SAP's error.
 *
 * @example
 * ```ts
 * import { createHub } from "@uslimato/core/connector";
 * import { createSapConnector } from "@uslimato/connector-sap";
 * import { fieldMappingEngine } from "@uslimato/field-mapping";
 *
 * const hub = createHub({ storage, vault, connectors: [createSapConnector()], mapping: fieldMappingEngine() });
 * const { id } = await hub.integrations.create({
 *   tenantId: "host-tenant",
 *   connectorId: "sap",
 *   name: "SAP S/4HANA",
 *   settings: {
 *     baseUrl: "https://my300000-api.s4hana.cloud.sap",
 *     auth: "basic",
 *     username: "COMM_USER_ASSETS",
 *     sources: { equipment: {}, fixedAssets: { companyCodes: ["1010"] }, employees: { mode: "businessPartner" } },
 *   },
 *   secrets: { password: process.env.SAP_PASSWORD },
 *   intervalMinutes: 60,
 * });
 * console.log(await hub.testConnection(id));
 * ```
 *
 * @module
 */
export type { SapAuth } from "./auth/sap-auth";
export { createSapConnector, SAP_CONNECTOR_ID } from "./create-sap-connector";
export { sapAssetMapping, sapEmployeeMapping } from "./mapping/sap-default-mappings";
export type { SapCallContext } from "./odata/classify-sap-failure";
export { classifySapFailure } from "./odata/classify-sap-failure";
export type { ODataClient, ODataClientOptions, ODataPage, ODataQuery } from "./odata/create-odata-client";
export { createODataClient } from "./odata/create-odata-client";
export type { ValidityFields } from "./odata/current-segment";
export { currentSegment } from "./odata/current-segment";
export type { KeysetPart } from "./odata/keyset-filter";
export { andFilters, keysetFilter } from "./odata/keyset-filter";
export type { ODataRow } from "./odata/normalize-odata-row";
export { normalizeODataRow } from "./odata/normalize-odata-row";
export type { ODataLiteral, ODataLiteralType, ODataVersion } from "./odata/odata-literal";
export { formatODataLiteral, ODataLiteralError } from "./odata/odata-literal";
export { parseODataDate, parseODataDuration } from "./odata/parse-odata-date";
export type { SapErrorCode, SapErrorOptions } from "./odata/sap-error";
export { SAP_ERROR_CODES, SapError } from "./odata/sap-error";
export type { SapCheckpoint } from "./read/sap-checkpoint";
export { parseSapCheckpoint } from "./read/sap-checkpoint";
export type { SapSourceId } from "./read/sap-source";
export type { SapConnectorOptions } from "./sap-connector-options";
export type { SapSecretName, SapSettings, SapSettingsInput } from "./settings/sap-settings";
export { sapSecretsSchema, sapSettingsSchema } from "./settings/sap-settings";
