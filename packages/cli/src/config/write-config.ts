import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { CliConfig } from "./cli-config";

/** Writes the config file (no secret in it), creating its folder. */
export async function writeConfig(path: string, config: CliConfig): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}
