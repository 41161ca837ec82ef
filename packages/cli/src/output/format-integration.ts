import type { IntegrationView } from "@uslimato/core";
import type { Colors } from "./colors";

/**
 * An integration for the terminal: configuration, and for each secret only "configured" or "not set" — never a
 * value.
 */
export function formatIntegration(view: IntegrationView, colors: Colors): string {
  const lines = [
    `${colors.bold(view.name)}  ${colors.dim(view.id)}`,
    `  connector   ${view.connectorId}`,
    `  tenant      ${view.tenantId}`,
    `  enabled     ${view.enabled ? colors.green("yes") : colors.yellow("no")}`,
    `  interval    ${view.intervalMinutes} min`,
    `  direction   ${view.direction}`,
    `  revision    ${view.revision} (updated ${view.updatedAt.toISOString()})`,
    "  settings",
    ...JSON.stringify(view.settings, null, 2)
      .split("\n")
      .map((line) => `    ${line}`),
    "  secrets",
    ...view.secrets.map(
      (s) => `    ${s.name.padEnd(22)} ${s.configured ? colors.green("configured") : colors.dim("not set")}`,
    ),
  ];
  return lines.join("\n");
}
