import { CliError } from "../cli/cli-error";
import type { FlagValues } from "../cli/command";
import { sapSettingsFromFlags } from "./sap-settings-from-flags";

const FLAG_TO_SETTING: Record<string, string> = {
  "tenant-id": "tenantId",
  "client-id": "clientId",
  scope: "scope",
  cloud: "cloud",
};

/** Every key of a JSON value, nested ones too (a secret may hide in `{"oauth":{"clientSecret":...}}`). */
const keysOf = (value: unknown): string[] =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => [
        ...(Array.isArray(value) ? [] : [key]),
        ...keysOf(inner),
      ])
    : [];

/**
 * Connector settings from the flags given (only those given, so `update` changes just them): `--settings` JSON,
 * then the connector's own flags over it (Entra's, or SAP's through {@link sapSettingsFromFlags}). Refuses
 * settings that carry one of the connector's secret names: secrets never come from argv.
 */
export function settingsFromFlags(
  values: FlagValues,
  connector: { id: string; secretNames: ReadonlyArray<string> },
): Record<string, unknown> {
  const { secretNames } = connector;
  let settings: Record<string, unknown> = {};
  if (typeof values.settings === "string") {
    try {
      settings = JSON.parse(values.settings) as Record<string, unknown>;
    } catch (error) {
      throw new CliError("CLI_USAGE", "--settings must be a JSON object.", { cause: error });
    }
    if (typeof settings !== "object" || settings === null || Array.isArray(settings))
      throw new CliError("CLI_USAGE", "--settings must be a JSON object.");
    const leaked = keysOf(settings).filter((key) => secretNames.includes(key));
    if (leaked.length > 0)
      throw new CliError(
        "CLI_SECRET_ON_ARGV",
        `--settings may not hold ${leaked.join(", ")}: secrets are never read from the command line. Use --secret-from-env VAR, --secret-stdin, or the prompt.`,
      );
  }
  if (connector.id === "sap") return sapSettingsFromFlags(values, settings);
  for (const [flag, key] of Object.entries(FLAG_TO_SETTING))
    if (typeof values[flag] === "string") settings[key] = values[flag];
  const authorityHost = values["authority-host"];
  const graphBaseUrl = values["graph-base-url"];
  if (typeof authorityHost === "string" || typeof graphBaseUrl === "string") {
    if (typeof authorityHost !== "string" || typeof graphBaseUrl !== "string")
      throw new CliError("CLI_USAGE", "--authority-host and --graph-base-url go together.");
    settings.endpoints = {
      authorityHost,
      graphBaseUrl,
      scope:
        typeof values["graph-scope"] === "string"
          ? values["graph-scope"]
          : "https://graph.microsoft.com/.default",
    };
  }
  return settings;
}
