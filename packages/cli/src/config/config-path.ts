import { join } from "node:path";

/** The default config file: `~/.uslimato/config.json`. */
export function defaultConfigPath(homeDir: string): string {
  return join(homeDir, ".uslimato", "config.json");
}
