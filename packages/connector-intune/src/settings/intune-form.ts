import type { ConnectorFormHints } from "@uslimato/core/connector";
import { graphAppFieldHints, graphAppSecretHints } from "@uslimato/msgraph";
import type { IntuneSecretName } from "./intune-settings";

/**
 * The Intune connector's Configure dialog: the app registration (Tenant ID, Client ID, Client Secret), then what
 * to read (compliance detail, client-side scope); the sweep cadence, the watcher's extra probes, national clouds,
 * certificates and explicit endpoints (proxies, the simulator) are advanced.
 */
export const intuneFormHints: ConnectorFormHints<IntuneSecretName> = {
  order: [
    "tenantId",
    "clientId",
    "complianceDetail",
    "scope",
    "credential",
    "certificateThumbprintSha256",
    "cloud",
  ],
  fields: {
    ...graphAppFieldHints,
    clientId: {
      ...graphAppFieldHints.clientId,
      help: "The Application (client) ID of the App Registration (DeviceManagementManagedDevices.Read.All).",
    },
    complianceDetail: {
      label: "Compliance detail",
      help: "Per policy also reads each compliance policy's status per device; needs DeviceManagementConfiguration.Read.All.",
      options: { state: "Compliance state only", perPolicy: "Per compliance policy" },
    },
    scope: {
      label: "Sync scope",
      help: "Only devices of these owner types and operating systems are synced (empty: all).",
    },
    "scope.ownerTypes": {
      label: "Owner types",
      help: "company, personal or unknown.",
    },
    "scope.operatingSystems": {
      label: "Operating systems",
      help: "As Intune names them, case-insensitive, e.g. Windows, iOS, Android, macOS.",
    },
    deviceProperties: {
      label: "Extra device properties",
      help: "managedDevice properties to read for custom field mappings, e.g. imei.",
      advanced: true,
    },
    fullSweepHours: {
      label: "Hours between full sweeps",
      help: "Only full sweeps notice deleted devices.",
      advanced: true,
    },
    overlapMinutes: {
      label: "Incremental overlap (minutes)",
      help: "How far an incremental read reaches back, for late check-ins.",
      advanced: true,
    },
    sweepDropShare: {
      label: "Incomplete-sweep threshold",
      help: "A sweep listing this share (0 to 1) fewer devices than the last complete one removes nothing.",
      advanced: true,
    },
    watch: { label: "Change watcher probes", advanced: true },
    "watch.entraDevices": {
      label: "Watch Entra devices",
      help: "Compliance flips and deletions seen on the Entra side start a sweep; needs Device.Read.All.",
    },
    "watch.auditEvents": {
      label: "Watch Intune audit events",
      help: "Retire, wipe, delete and owner changes start a sweep; needs DeviceManagementApps.Read.All.",
    },
  },
  secrets: graphAppSecretHints,
  serverChecked: ["endpoints"],
};
