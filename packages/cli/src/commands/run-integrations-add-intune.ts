import { DEFAULT_PLANS } from "@uslimato/core";
import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { formatIntegration } from "../output/format-integration";
import { findConnector } from "./find-connector";
import { intuneSettingsFromFlags } from "./intune-settings-from-flags";
import { parseInterval } from "./parse-interval";
import { secretsFromFlags } from "./secret-flags";
import { settingsFromFlags } from "./settings-from-flags";

/**
 * Runs `uslimato integrations add intune`: the app-registration settings as for Entra, Intune's own over them,
 * the secret from the environment, stdin or a hidden prompt (never argv), sealed by the hub at once.
 */
export async function runIntegrationsAddIntune(ctx: CommandContext): Promise<ExitCode> {
  const runtime = await ctx.openRuntime();
  try {
    const connector = findConnector(runtime.hub, "intune");
    const settings = intuneSettingsFromFlags(ctx.values, settingsFromFlags(ctx.values, connector));
    const name = typeof ctx.values.name === "string" ? ctx.values.name : connector.title;
    const interval =
      parseInterval(ctx.values.interval) ??
      Math.max(60, DEFAULT_PLANS[runtime.config.plan]?.minIntervalMinutes ?? 60);
    const secrets = await secretsFromFlags(ctx, connector.secretNames, true);
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
      ctx.out(
        `Next: uslimato test ${view.id}, then uslimato sync ${view.id} (sync the Entra users first, so`,
      );
      ctx.out("devices link to their owners); uslimato serve runs the change watcher.");
    }
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}
