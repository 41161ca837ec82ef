import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, resolve } from "node:path";
import { CliError } from "../cli/cli-error";
import { type CliConfig, cliConfigSchema, isServerUrl } from "./cli-config";

/** A loaded config with its paths made absolute. */
export interface LoadedConfig extends CliConfig {
  /** The config file it came from. */
  path: string;
}

/** Makes the config's file paths absolute, relative to the config file's folder. */
export function resolveConfigPaths(config: CliConfig, path: string): LoadedConfig {
  const base = dirname(path);
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  return {
    ...config,
    path,
    database: isServerUrl(config.database) ? config.database : abs(config.database),
    keyRingFile: abs(config.keyRingFile),
  };
}

/** Reads and validates the config file: `CLI_CONFIG_MISSING` (run `uslimato init`) or `CLI_CONFIG_INVALID`. */
export async function loadConfig(path: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(
      "CLI_CONFIG_MISSING",
      `No config file at ${path}. Run \`uslimato init\` first (or pass --config PATH).`,
      { cause: error },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError("CLI_CONFIG_INVALID", `${path} is not valid JSON.`, { cause: error });
  }
  const parsed = cliConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new CliError("CLI_CONFIG_INVALID", `Invalid config file ${path}: ${issues.join("; ")}`);
  }
  return resolveConfigPaths(parsed.data, path);
}
