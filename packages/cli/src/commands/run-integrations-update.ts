import { CliError } from "../cli/cli-error";
import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { formatIntegration } from "../output/format-integration";
import { findConnector } from "./find-connector";
import { parseInterval } from "./parse-interval";
import { secretsFromFlags } from "./secret-flags";
import { settingsFromFlags } from "./settings-from-flags";
import { wantedSecrets } from "./wanted-secrets";

/** Runs `uslimato integrations update`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runIntegrationsUpdate(ctx: CommandContext): Promise<ExitCode> {
  const runtime = await ctx.openRuntime();
  try {
    const id = ctx.positionals[0] ?? "";
    const current = await runtime.hub.integrations.get(id);
    const connector = findConnector(runtime.hub, current.connectorId);
    const changed = settingsFromFlags(ctx.values, connector);
    const settings = { ...current.settings, ...changed };
    const secrets = await secretsFromFlags(
      ctx,
      connector.secretNames,
      ctx.values["new-secret"] === true,
      wantedSecrets(connector, settings),
    );
    const interval = parseInterval(ctx.values.interval);
    const input = {
      ...(typeof ctx.values.name === "string" ? { name: ctx.values.name } : {}),
      ...(interval !== undefined ? { intervalMinutes: interval } : {}),
      ...(Object.keys(changed).length > 0 ? { settings } : {}),
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
}
