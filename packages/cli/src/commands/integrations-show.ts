import type { Command } from "../cli/command";

/** `uslimato integrations show <id>`: settings and, per secret, only "configured" or "not set". */
export const integrationsShowCommand: Command = {
  name: "integrations show",
  summary: 'Show one integration (secrets only as "configured").',
  usage: "uslimato integrations show <id> [--json]",
  options: {},
  positionals: { min: 1, max: 1 },
  run: (ctx) => import("./run-integrations-show").then((m) => m.runIntegrationsShow(ctx)),
};
