import type { Command } from "../cli/command";
import { INTUNE_SETTINGS_HELP, INTUNE_SETTINGS_OPTIONS } from "./intune-settings-options";
import { SECRET_HELP, SECRET_OPTIONS } from "./secret-options";

/** `uslimato integrations add intune`: an Intune integration, with Entra's app-registration flags and Intune's own. */
export const integrationsAddIntuneCommand: Command = {
  name: "integrations add intune",
  summary:
    "Configure a Microsoft Intune integration (managed devices and compliance; the secret is sealed at once).",
  usage: `uslimato integrations add intune --tenant-id ID --client-id ID [Intune settings] [secret source] [--name NAME] [--interval MIN] [--disabled]

  --name NAME             a name for the integration (default Microsoft Intune)
  --interval MIN          sync interval in minutes (default max(60, the plan's minimum)); uslimato serve also runs
                          the change watcher (a cheap probe every 2 minutes) for near-real-time
  --disabled              create it disabled
  --tenant-id ID          Directory (tenant) ID
  --client-id ID          Application (client) ID; needs DeviceManagementManagedDevices.Read.All (application)
  --cloud CLOUD           global | usGov | usGovDoD | china (default global)
  --authority-host URL    explicit endpoints (a proxy, or the local Graph simulator)...
  --graph-base-url URL    ...with the Graph base URL including its version, e.g. http://127.0.0.1:4010/v1.0
  --settings JSON         settings as JSON, merged under the flags
${INTUNE_SETTINGS_HELP}
${SECRET_HELP}

Example:
  INTUNE_CLIENT_SECRET=... uslimato integrations add intune --name "Intune" \\
    --tenant-id 00000000-0000-0000-0000-000000000001 --client-id 00000000-0000-0000-0000-000000000002 \\
    --owner-types company --compliance-detail perPolicy --watch-audit-events \\
    --secret-from-env INTUNE_CLIENT_SECRET`,
  options: {
    name: { type: "string" },
    interval: { type: "string" },
    disabled: { type: "boolean" },
    "tenant-id": { type: "string" },
    "client-id": { type: "string" },
    cloud: { type: "string" },
    "authority-host": { type: "string" },
    "graph-base-url": { type: "string" },
    "graph-scope": { type: "string" },
    settings: { type: "string" },
    ...INTUNE_SETTINGS_OPTIONS,
    ...SECRET_OPTIONS,
  },
  positionals: { min: 0, max: 0 },
  run: (ctx) => import("./run-integrations-add").then((m) => m.runIntegrationsAdd(ctx, "intune")),
};
