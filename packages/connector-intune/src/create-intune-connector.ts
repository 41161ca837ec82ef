import type { Connector } from "@uslimato/core/connector";
import { INTUNE_CONNECTOR_ID } from "./intune-connector-id";
import type { IntuneConnectorOptions } from "./intune-connector-options";
import { intuneDeviceMapping } from "./mapping/intune-default-mappings";
import { type PolicyStatusCache, readIntune } from "./read/read-intune";
import { intuneFormHints } from "./settings/intune-form";
import {
  type IntuneSecretName,
  type IntuneSettings,
  type IntuneSettingsInput,
  intuneSecretsSchema,
  intuneSettingsSchema,
} from "./settings/intune-settings";
import { testIntuneConnection } from "./test-connection/test-intune-connection";
import { createIntuneBackground } from "./watcher/create-intune-background";

/**
 * The Microsoft Intune connector: managed devices with their compliance and their owners (the Entra users the
 * Entra integration links), full sweeps checked for completeness, incremental reads on `lastSyncDateTime`, all
 * within a client-side budget under Intune's per-app limits. Intune has no change notifications: its background
 * service (run by `createInterfaceHub`, see {@link createIntuneBackground}) watches the enabled integrations with
 * {@link createIntuneWatcher} for near-real-time.
 *
 * @example
 * ```ts
 * const hub = createHub({ storage, vault, connectors: [createEntraConnector(), createIntuneConnector()], mapping: fieldMappingEngine() });
 * ```
 */
export function createIntuneConnector(
  options: IntuneConnectorOptions = {},
): Connector<IntuneSettings, IntuneSecretName, typeof INTUNE_CONNECTOR_ID, IntuneSettingsInput> {
  const statuses: PolicyStatusCache = new Map();
  return {
    id: INTUNE_CONNECTOR_ID,
    title: "Microsoft Intune",
    description: "Synchronize devices and compliance status",
    settingsSchema: intuneSettingsSchema,
    secretsSchema: intuneSecretsSchema,
    secretNames: ["clientSecret", "certificatePrivateKey"],
    entities: ["device"],
    capabilities: { incremental: true, webhooks: false, directions: ["inbound"] },
    defaultMappings: { device: intuneDeviceMapping },
    form: intuneFormHints,
    testConnection: (ctx) => testIntuneConnection(ctx, options),
    read: (ctx) => readIntune(ctx, options, statuses),
    background: (context) => createIntuneBackground(context, options),
    release: (integrationId) => {
      statuses.delete(integrationId);
    },
  };
}
