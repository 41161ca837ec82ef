import type { Command } from "../cli/command";
import { SECRET_HELP, SECRET_OPTIONS } from "./secret-options";
import { SETTINGS_HELP, SETTINGS_OPTIONS } from "./settings-options";

/** `uslimato integrations update <id>`: changes name, interval, settings or a secret. */
export const integrationsUpdateCommand: Command = {
  name: "integrations update",
  summary: "Change an integration: name, interval, settings, or replace a secret.",
  usage: `uslimato integrations update <id> [--name NAME] [--interval MIN] [settings] [--new-secret | secret source]

  --name NAME             rename
  --interval MIN          new sync interval in minutes (checked against the plan)
  --enable                enable it as well
${SETTINGS_HELP}
  --new-secret            replace the secret, asked for at a hidden prompt
${SECRET_HELP}`,
  options: {
    name: { type: "string" },
    interval: { type: "string" },
    enable: { type: "boolean" },
    "new-secret": { type: "boolean" },
    ...SETTINGS_OPTIONS,
    ...SECRET_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  run: (ctx) => import("./run-integrations-update").then((m) => m.runIntegrationsUpdate(ctx)),
};
