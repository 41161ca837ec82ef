import type { CredentialVault, SealedSecret, Secret, SecretOwner } from "@uslimato/core";
import type { CliConfig } from "./cli-config";

/** Who the sealed database password belongs to: its associated data binds it to this config's tenant. */
const ownerOf = (config: Pick<CliConfig, "tenantId">): SecretOwner => ({
  tenantId: config.tenantId,
  integrationId: "uslimato-cli-config",
  name: "databasePassword",
});

/** Seals the database password with the key ring's active key, for the config file's `databasePassword`. */
export function sealDatabasePassword(
  vault: CredentialVault,
  config: Pick<CliConfig, "tenantId">,
  password: string | Secret,
): Promise<SealedSecret> {
  return vault.seal(ownerOf(config), password);
}

/** Opens the config's sealed database password just in time; `undefined` when none is stored. */
export async function openDatabasePassword(
  vault: CredentialVault,
  config: Pick<CliConfig, "tenantId" | "databasePassword">,
): Promise<Secret | undefined> {
  if (!config.databasePassword) return undefined;
  return vault.open(ownerOf(config), config.databasePassword.envelope);
}
