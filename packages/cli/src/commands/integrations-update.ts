import { CliError } from "../cli/cli-error";
import type { Command } from "../cli/command";
import { EXIT_CODES } from "../cli/exit-codes";
import { formatIntegration } from "../output/format-integration";
import { findConnector } from "./find-connector";
import { parseInterval } from "./parse-interval";
import { SECRET_HELP, SECRET_OPTIONS, secretsFromFlags } from "./secret-flags";
import { SETTINGS_HELP, SETTINGS_OPTIONS, settingsFromFlags } from "./settings-from-flags";

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
  async run(ctx) {
    const runtime = await ctx.openRuntime();
    try {
      const id = ctx.positionals[0] ?? "";
      const current = await runtime.hub.integrations.get(id);
      const connector = findConnector(runtime.hub, current.connectorId);
      const changed = settingsFromFlags(ctx.values, connector.secretNames);
      const secrets = await secretsFromFlags(ctx, connector.secretNames, ctx.values["new-secret"] === true);
      const interval = parseInterval(ctx.values.interval);
      const input = {
        ...(typeof ctx.values.name === "string" ? { name: ctx.values.name } : {}),
        ...(interval !== undefined ? { intervalMinutes: interval } : {}),
        ...(Object.keys(changed).length > 0 ? { settings: { ...current.settings, ...changed } } : {}),
        ...(Object.keys(secrets).length > 0 ? { secrets } : {}),
        ...(ctx.values.enable === true ? { enabled: true } : {}),
      };
      if (Object.keys(input).length === 0)
        throw new CliError("CLI_USAGE", "Nothing to change. See uslimato integrations update --help.");
      const view = await runtime.hub.integrations.update(id, {
        ...input,
        expectedRevision: current.revision,
      });
      if (ctx.json) ctx.printJson(view);
      else {
        ctx.out(`${ctx.colors.green("✓")} updated`);
        ctx.out(formatIntegration(view, ctx.colors));
      }
      return EXIT_CODES.ok;
    } finally {
      await runtime.close();
    }
  },
};
