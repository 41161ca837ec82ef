import { readFile } from "node:fs/promises";
import type { CredentialVault } from "@uslimato/core";
import { openDatabasePassword, sealDatabasePassword } from "./database-password";
import type { LoadedConfig } from "./load-config";
import { writeConfig } from "./write-config";

/**
 * Re-seals the config file's database password with the vault's active key (after a key rotation, so retiring
 * the old key never strands it) and rewrites the file. `false` when the config holds no sealed password.
 */
export async function resealDatabasePassword(vault: CredentialVault, config: LoadedConfig): Promise<boolean> {
  const password = await openDatabasePassword(vault, config);
  if (!password) return false;
  const raw = JSON.parse(await readFile(config.path, "utf8")) as Record<string, unknown>;
  await writeConfig(config.path, {
    ...(raw as Parameters<typeof writeConfig>[1]),
    databasePassword: await sealDatabasePassword(vault, config, password),
  });
  return true;
}
