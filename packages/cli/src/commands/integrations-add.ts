import type { Command } from "../cli/command";
import { SECRET_HELP, SECRET_OPTIONS } from "./secret-options";
import { SETTINGS_HELP, SETTINGS_OPTIONS } from "./settings-options";

/** `uslimato integrations add <connector>`: configures an integration; its secret is sealed at once. */
export const integrationsAddCommand: Command = {
  name: "integrations add",
  summary: 'Configure a new integration (the secret is sealed at once; only "configured" is ever shown).',
  usage: `uslimato integrations add <connector> --name NAME [settings] [secret source] [--interval MIN] [--disabled]

  <connector>             entra
  --name NAME             a name for the integration
  --interval MIN          sync interval in minutes (default max(60, the plan's minimum))
  --disabled              create it disabled
${SETTINGS_HELP}
${SECRET_HELP}

Example:
  ENTRA_CLIENT_SECRET=... uslimato integrations add entra --name "Entra ID" \\
    --tenant-id 00000000-0000-0000-0000-000000000001 --client-id 00000000-0000-0000-0000-000000000002 \\
    --secret-from-env ENTRA_CLIENT_SECRET`,
  options: {
    name: { type: "string" },
    interval: { type: "string" },
    disabled: { type: "boolean" },
    ...SETTINGS_OPTIONS,
    ...SECRET_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  run: (ctx) => import("./run-integrations-add").then((m) => m.runIntegrationsAdd(ctx)),
};
