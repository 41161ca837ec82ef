import { DEFAULT_PLANS } from "@uslimato/core";
import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { formatIntegration } from "../output/format-integration";
import { findConnector } from "./find-connector";
import { parseInterval } from "./parse-interval";
import { secretsFromFlags } from "./secret-flags";
import { settingsFromFlags } from "./settings-from-flags";
import { wantedSecrets } from "./wanted-secrets";

/** Runs `uslimato integrations add`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runIntegrationsAdd(ctx: CommandContext): Promise<ExitCode> {
  const runtime = await ctx.openRuntime();
  try {
    const connector = findConnector(runtime.hub, ctx.positionals[0] ?? "");
    const settings = settingsFromFlags(ctx.values, connector);
    const name = typeof ctx.values.name === "string" ? ctx.values.name : connector.title;
    const interval =
      parseInterval(ctx.values.interval) ??
      Math.max(60, DEFAULT_PLANS[runtime.config.plan]?.minIntervalMinutes ?? 60);
    const secrets = await secretsFromFlags(
      ctx,
      connector.secretNames,
      true,
      wantedSecrets(connector, settings),
    );
    const view = await runtime.hub.integrations.create({
      tenantId: runtime.config.tenantId,
      connectorId: connector.id,
      name,
      settings,
      secrets,
      intervalMinutes: interval,
      enabled: ctx.values.disabled !== true,
    });
    if (ctx.json) ctx.printJson(view);
    else {
      ctx.out(`${ctx.colors.green("✓")} created`);
      ctx.out(formatIntegration(view, ctx.colors));
      ctx.out();
      ctx.out(`Next: uslimato test ${view.id}`);
    }
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}
