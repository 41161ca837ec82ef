import { DEFAULT_PLANS } from "@uslimato/core";
import type { Command } from "../cli/command";
import { EXIT_CODES } from "../cli/exit-codes";
import { formatIntegration } from "../output/format-integration";
import { findConnector } from "./find-connector";
import { parseInterval } from "./parse-interval";
import { SECRET_HELP, SECRET_OPTIONS, secretsFromFlags } from "./secret-flags";
import { SETTINGS_HELP, SETTINGS_OPTIONS, settingsFromFlags } from "./settings-from-flags";

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
  async run(ctx) {
    const runtime = await ctx.openRuntime();
    try {
      const connector = findConnector(runtime.hub, ctx.positionals[0] ?? "");
      const settings = settingsFromFlags(ctx.values, connector.secretNames);
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
        ctx.out(`Next: uslimato test ${view.id}`);
      }
      return EXIT_CODES.ok;
    } finally {
      await runtime.close();
    }
  },
};
