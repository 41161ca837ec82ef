import { readFileSync } from "node:fs";
import { CliError } from "../cli/cli-error";
import type { FlagValues } from "../cli/command";

const AUTH_MODES: Record<string, string> = {
  basic: "basic",
  oauth: "oauthClientCredentials",
  oauthClientCredentials: "oauthClientCredentials",
  certificate: "certificate",
};

const list = (value: string): string[] =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

const numberFlag = (flag: string, value: string): number => {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0)
    throw new CliError("CLI_USAGE", `--${flag} must be a number, got "${value}".`);
  return n;
};

const str = (values: FlagValues, flag: string): string | undefined => {
  const value = values[flag];
  return typeof value === "string" ? value : undefined;
};

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * The SAP connector's settings from its flags (only those given), merged over `base` (the `--settings` JSON): the
 * system (`--base-url`, `--sap-client`, `--sap-language`, `--time-zone`), the logon (`--auth basic|oauth|certificate`
 * with `--username`, or `--client-id` + `--token-url` + `--token-scope`; `--ca-file` for a system's own CA), the
 * sources (`--equipment` + `--plants` + `--owner-partner-function`, `--fixed-assets CODES`, `--employees MODE`, each
 * merged over the same source in `base`) and paging (`--page-size`, `--overlap-seconds`, `--sweep-hours`). Secrets
 * have no flag here.
 */
export function sapSettingsFromFlags(
  values: FlagValues,
  base: Record<string, unknown>,
): Record<string, unknown> {
  const settings: Record<string, unknown> = { ...base };
  const set = (flag: string, key: string) => {
    const value = str(values, flag);
    if (value !== undefined) settings[key] = value;
  };
  set("base-url", "baseUrl");
  set("sap-client", "sapClient");
  set("sap-language", "sapLanguage");
  set("time-zone", "systemTimeZone");
  set("username", "username");
  const auth = str(values, "auth");
  if (auth !== undefined) {
    const mode = AUTH_MODES[auth];
    if (!mode)
      throw new CliError(
        "CLI_USAGE",
        `--auth must be basic, oauth or certificate, got "${auth}" (a token provider is set up by a host app in code).`,
      );
    settings.auth = mode;
  }
  const clientId = str(values, "client-id");
  const tokenUrl = str(values, "token-url");
  const tokenScope = str(values, "token-scope");
  if (clientId !== undefined || tokenUrl !== undefined || tokenScope !== undefined)
    settings.oauth = {
      ...record(settings.oauth),
      ...(clientId !== undefined ? { clientId } : {}),
      ...(tokenUrl !== undefined ? { tokenUrl } : {}),
      ...(tokenScope !== undefined ? { scope: tokenScope } : {}),
    };
  const caFile = str(values, "ca-file");
  if (caFile !== undefined) {
    try {
      settings.caCertificate = readFileSync(caFile, "utf8");
    } catch (error) {
      throw new CliError("CLI_USAGE", `--ca-file ${caFile} cannot be read.`, { cause: error });
    }
  }
  const sources = { ...record(settings.sources) };
  const plants = str(values, "plants");
  const ownerFunction = str(values, "owner-partner-function");
  if (values.equipment === true || plants !== undefined || ownerFunction !== undefined)
    sources.equipment = {
      ...record(sources.equipment),
      ...(plants !== undefined ? { plants: list(plants) } : {}),
      ...(ownerFunction !== undefined ? { ownerPartnerFunction: ownerFunction.trim() } : {}),
    };
  const companyCodes = str(values, "fixed-assets");
  if (companyCodes !== undefined)
    sources.fixedAssets = { ...record(sources.fixedAssets), companyCodes: list(companyCodes) };
  const employees = str(values, "employees");
  if (employees !== undefined) sources.employees = { ...record(sources.employees), mode: employees };
  if (Object.keys(sources).length > 0 || settings.sources !== undefined) settings.sources = sources;
  for (const [flag, key] of [
    ["page-size", "pageSize"],
    ["overlap-seconds", "overlapSeconds"],
    ["sweep-hours", "fullSweepHours"],
  ] as const) {
    const value = str(values, flag);
    if (value !== undefined) settings[key] = numberFlag(flag, value);
  }
  return settings;
}
