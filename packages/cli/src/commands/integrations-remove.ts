import type { Command } from "../cli/command";

/** `uslimato integrations remove <id>`: deletes configuration, secrets and links; keeps users and logs. */
export const integrationsRemoveCommand: Command = {
  name: "integrations remove",
  summary:
    "Remove an integration: its configuration, sealed secrets and links (users, sync logs and audit stay).",
  usage: "uslimato integrations remove <id>",
  options: {},
  positionals: { min: 1, max: 1 },
  run: (ctx) => import("./run-integrations-remove").then((m) => m.runIntegrationsRemove(ctx)),
};
