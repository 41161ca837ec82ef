/**
 * `@uslimato/connector-intune`: Microsoft Intune managed devices and compliance for the Uslimato Interface Hub —
 * guarded full sweeps, incremental reads on `lastSyncDateTime`, owners linked to Entra users, a client-side
 * request budget, and a change watcher (Intune has no change notifications).
 *
 * @example
 * ```ts
 * import { createHub } from "@uslimato/core/connector";
 * import { createIntuneConnector, createIntuneWatcher } from "@uslimato/connector-intune";
 * import { fieldMappingEngine } from "@uslimato/field-mapping";
 *
 * const hub = createHub({ storage, vault, connectors: [createIntuneConnector()], mapping: fieldMappingEngine() });
 * const { id } = await hub.integrations.create({
 *   tenantId: "host-tenant",
 *   connectorId: "intune",
 *   name: "Microsoft Intune",
 *   settings: { tenantId: "00000000-0000-0000-0000-000000000001", clientId: "00000000-0000-0000-0000-000000000002" },
 *   secrets: { clientSecret: process.env.INTUNE_CLIENT_SECRET },
 *   intervalMinutes: 60,
 * });
 * console.log(await hub.testConnection(id));
 * console.log(await hub.syncNow(id));
 * const watcher = createIntuneWatcher({ hub });
 * await watcher.ensure(id);
 * ```
 *
 * @module
 */
export { createIntuneConnector } from "./create-intune-connector";
export { INTUNE_CONNECTOR_ID } from "./intune-connector-id";
export type { IntuneConnectorOptions } from "./intune-connector-options";
export { DEFAULT_DEVICE_PROPERTIES, intuneDeviceMapping } from "./mapping/intune-default-mappings";
export type { IntuneCheckpoint, SweepCursor } from "./read/intune-checkpoint";
export { parseIntuneCheckpoint } from "./read/intune-checkpoint";
export type { Completeness, SweepHistory } from "./read/judge-completeness";
export { judgeCompleteness } from "./read/judge-completeness";
export type { DevicePageParts, PolicyStatus } from "./read/to-device-page";
export { ownerOf, toDevicePage } from "./read/to-device-page";
export type { IntuneSecretName, IntuneSettings, IntuneSettingsInput } from "./settings/intune-settings";
export { intuneSecretsSchema, intuneSettingsSchema } from "./settings/intune-settings";
export type { ListableDeviceProperty } from "./settings/managed-device-properties";
export { LISTABLE_DEVICE_PROPERTIES, UNLISTED_DEVICE_PROPERTIES } from "./settings/managed-device-properties";
export type { OptionalPermission } from "./test-connection/intune-permissions";
export { DEVICE_READ_ROLES, optionalPermissions } from "./test-connection/intune-permissions";
export type { IntuneBudgetOptions, IntuneBudgets, IntuneService } from "./throttling/create-intune-budgets";
export { createIntuneBudgets, sharedIntuneBudgets } from "./throttling/create-intune-budgets";
export type { RequestWindow } from "./throttling/create-request-window";
export { createRequestWindow } from "./throttling/create-request-window";
export { createIntuneBackground } from "./watcher/create-intune-background";
export type { IntuneWatcher, IntuneWatcherOptions, WatchStats } from "./watcher/create-intune-watcher";
export { createIntuneWatcher, MIN_WATCH_INTERVAL_MS } from "./watcher/create-intune-watcher";
export type { IntuneWatchTiming } from "./watcher/intune-watch-timing";
export type { ProbeFindings, ProbeState } from "./watcher/probe-intune";
