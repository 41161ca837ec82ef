import type { ParseArgsOptionsConfig } from "node:util";

/** Intune's own settings flags (beside the app-registration flags it shares with Entra). Never secrets. */
export const INTUNE_SETTINGS_OPTIONS = {
  "device-properties": { type: "string" },
  "owner-types": { type: "string" },
  "operating-systems": { type: "string" },
  "compliance-detail": { type: "string" },
  "full-sweep-hours": { type: "string" },
  "overlap-minutes": { type: "string" },
  "sweep-drop-share": { type: "string" },
  "watch-entra-devices": { type: "boolean" },
  "watch-audit-events": { type: "boolean" },
} satisfies ParseArgsOptionsConfig;

/** Intune's settings flags as `--help` shows them. */
export const INTUNE_SETTINGS_HELP = `  --device-properties LIST  extra managedDevice properties to read, comma-separated (for custom mappings;
                            checked against the properties a listing returns)
  --owner-types LIST        only devices of these owner types: company,personal,unknown (client-side)
  --operating-systems LIST  only devices of these operating systems, e.g. Windows,iOS (client-side)
  --compliance-detail MODE  state (default) | perPolicy (each policy's status; DeviceManagementConfiguration.Read.All)
  --full-sweep-hours N      hours between full sweeps, the only runs that notice deleted devices (default 24)
  --overlap-minutes N       how far an incremental read reaches back before its mark (default 10)
  --sweep-drop-share X      a sweep listing this share fewer devices than the last one removes nothing (default 0.1)
  --watch-entra-devices     the change watcher also reads Entra /devices/delta (Device.Read.All)
  --watch-audit-events      the change watcher also reads Intune audit events: retire, wipe, delete
                            (DeviceManagementApps.Read.All)`;
