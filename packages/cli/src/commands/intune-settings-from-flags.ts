import { CliError } from "../cli/cli-error";
import type { FlagValues } from "../cli/command";

const list = (value: string): string[] =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

const numberFlag = (flag: string, value: string): number => {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n))
    throw new CliError("CLI_USAGE", `--${flag} must be a number, got "${value}".`);
  return n;
};

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : {};

/**
 * The Intune connector's own settings from its flags (only those given), merged over `base` (the app-registration
 * settings and `--settings` JSON): extra device properties, the client-side scope, compliance detail, sweep period,
 * overlap, drop share and the watcher's extra probes. The connector's schema checks the values when the hub stores
 * them (an unknown device property is refused there, naming it).
 */
export function intuneSettingsFromFlags(
  values: FlagValues,
  base: Record<string, unknown>,
): Record<string, unknown> {
  const settings: Record<string, unknown> = { ...base };
  const str = (flag: string) => (typeof values[flag] === "string" ? (values[flag] as string) : undefined);
  const properties = str("device-properties");
  if (properties !== undefined) settings.deviceProperties = list(properties);
  const ownerTypes = str("owner-types");
  const systems = str("operating-systems");
  if (ownerTypes !== undefined || systems !== undefined)
    settings.scope = {
      ...record(settings.scope),
      ...(ownerTypes !== undefined ? { ownerTypes: list(ownerTypes) } : {}),
      ...(systems !== undefined ? { operatingSystems: list(systems) } : {}),
    };
  const detail = str("compliance-detail");
  if (detail !== undefined) settings.complianceDetail = detail;
  for (const [flag, key] of [
    ["full-sweep-hours", "fullSweepHours"],
    ["overlap-minutes", "overlapMinutes"],
    ["sweep-drop-share", "sweepDropShare"],
  ] as const) {
    const value = str(flag);
    if (value !== undefined) settings[key] = numberFlag(flag, value);
  }
  if (values["watch-entra-devices"] === true || values["watch-audit-events"] === true)
    settings.watch = {
      ...record(settings.watch),
      ...(values["watch-entra-devices"] === true ? { entraDevices: true } : {}),
      ...(values["watch-audit-events"] === true ? { auditEvents: true } : {}),
    };
  return settings;
}
