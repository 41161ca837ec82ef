import type { IntuneSettings } from "../settings/intune-settings";

/** Application permissions that let the connector read managed devices. */
export const DEVICE_READ_ROLES = [
  "DeviceManagementManagedDevices.Read.All",
  "DeviceManagementManagedDevices.ReadWrite.All",
];

/** A permission an optional feature needs, and what it gives. */
export interface OptionalPermission {
  /** The permission to grant. */
  permission: string;
  /** Any of these roles will do. */
  roles: ReadonlyArray<string>;
  /** What it enables. */
  feature: string;
  /** The feature is switched on in the settings. */
  enabled: boolean;
}

/** The optional permissions and whether the integration's settings use them. */
export function optionalPermissions(settings: IntuneSettings): OptionalPermission[] {
  return [
    {
      permission: "DeviceManagementConfiguration.Read.All",
      roles: ["DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All"],
      feature: "per-policy compliance statuses (complianceDetail: perPolicy)",
      enabled: settings.complianceDetail === "perPolicy",
    },
    {
      permission: "Device.Read.All",
      roles: ["Device.Read.All", "Device.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
      feature: "the watcher's Entra /devices/delta probe (watch.entraDevices)",
      enabled: settings.watch.entraDevices,
    },
    {
      permission: "DeviceManagementApps.Read.All",
      roles: ["DeviceManagementApps.Read.All", "DeviceManagementApps.ReadWrite.All"],
      feature: "the watcher's audit-event probe for retire, wipe and delete (watch.auditEvents)",
      enabled: settings.watch.auditEvents,
    },
  ];
}
