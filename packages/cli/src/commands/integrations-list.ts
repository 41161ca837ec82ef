import type { Command } from "../cli/command";

/** `uslimato integrations list`: every integration with its secrets' "configured" state. */
export const integrationsListCommand: Command = {
  name: "integrations list",
  summary: "List the configured integrations.",
  usage: "uslimato integrations list [--json]",
  options: {},
  positionals: { min: 0, max: 0 },
  run: (ctx) => import("./run-integrations-list").then((m) => m.runIntegrationsList(ctx)),
};
