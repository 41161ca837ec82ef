import { DEFAULT_PLANS } from "@uslimato/core";
import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { formatIntegration } from "../output/format-integration";
import { findConnector } from "./find-connector";
import { intuneSettingsFromFlags } from "./intune-settings-from-flags";
import { parseInterval } from "./parse-interval";
import { secretsFromFlags } from "./secret-flags";
import { settingsFromFlags } from "./settings-from-flags";
import { wantedSecrets } from "./wanted-secrets";

/** What to do after adding an integration of the connector `connectorId`, a line a step. */
const nextSteps = (connectorId: string, id: string): string[] =>
  connectorId === "intune"
    ? [
        `Next: uslimato test ${id}, then uslimato sync ${id} (sync the Entra users first, so`,
        "devices link to their owners); uslimato serve runs the change watcher.",
      ]
    : [`Next: uslimato test ${id}`];

/**
 * Runs `uslimato integrations add` (the connector from the first positional) and `integrations add intune`
 * (`connectorId` given: the app-registration settings as for Entra, Intune's own over them). The secret comes
 * from the environment, stdin or a hidden prompt (never argv), sealed by the hub at once. Imported by its command
 * only when it runs, so `--help` and other commands never load it.
 */
export async function runIntegrationsAdd(
  ctx: CommandContext,
  connectorId: string = ctx.positionals[0] ?? "",
): Promise<ExitCode> {
  const runtime = await ctx.openRuntime();
  try {
    const connector = findConnector(runtime.hub, connectorId);
    const base = settingsFromFlags(ctx.values, connector);
    const settings = connector.id === "intune" ? intuneSettingsFromFlags(ctx.values, base) : base;
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
      for (const line of nextSteps(connector.id, view.id)) ctx.out(line);
    }
    return EXIT_CODES.ok;
  } finally {
    await runtime.close();
  }
}
