import type { CredentialVault } from "@uslimato/core";
import type { SecretStore } from "@uslimato/core/storage";
import { CredentialStoreError } from "../errors/credential-store-error";
import type { VerifyOptions } from "./credential-store";

/**
 * The start-up check: every key id that seals a stored secret must be known (when `knownKeyIds` is given), and
 * `sample` stored secrets per key id must open. Throws one `KEY_RING_CANNOT_OPEN_STORED` naming the missing and
 * the failing key ids with their secret counts; opened values are dropped at once.
 */
export async function verifyStoredSecrets(
  vault: CredentialVault,
  knownKeyIds: ReadonlyArray<string> | null,
  secretStore: SecretStore,
  options: VerifyOptions = {},
): Promise<void> {
  const sample = options.sample ?? 1;
  const counts = await secretStore.countByKey();
  const used = Object.keys(counts)
    .filter((id) => (counts[id] ?? 0) > 0)
    .sort();
  const missing = knownKeyIds ? used.filter((id) => !knownKeyIds.includes(id)) : [];
  const failing: string[] = [];
  for (const keyId of used.filter((id) => !missing.includes(id))) {
    const code = await firstFailure(vault, secretStore, keyId, sample);
    if (code === "KEY_UNKNOWN") missing.push(keyId);
    else if (code !== null) failing.push(keyId);
  }
  if (missing.length === 0 && failing.length === 0) return;
  const describe = (ids: string[]) => ids.map((id) => `${id} (${counts[id]} secrets)`).join(", ");
  const problems = [
    missing.length > 0 ? `key ids missing from the key ring: ${describe(missing)}` : "",
    failing.length > 0 ? `key ids whose key did not open a stored secret: ${describe(failing)}` : "",
  ].filter(Boolean);
  throw new CredentialStoreError(
    "KEY_RING_CANNOT_OPEN_STORED",
    `The key ring cannot open the stored secrets: ${problems.join("; ")}. Configure the keys these secrets were sealed with.`,
    { details: { missingKeyIds: missing.join(","), failingKeyIds: failing.join(",") } },
  );
}

async function firstFailure(
  vault: CredentialVault,
  secretStore: SecretStore,
  keyId: string,
  sample: number | "all",
): Promise<string | null> {
  let left = sample === "all" ? Number.POSITIVE_INFINITY : sample;
  let after: { integrationId: string; name: string } | undefined;
  while (left > 0) {
    const limit = Math.min(left, 500);
    const page = await secretStore.listByKey(keyId, after ? { limit, after } : { limit });
    for (const record of page) {
      const owner = { tenantId: record.tenantId, integrationId: record.integrationId, name: record.name };
      try {
        await vault.open(owner, record.envelope);
      } catch (error) {
        if (error instanceof CredentialStoreError) return error.code;
        throw error;
      }
    }
    const last = page.at(-1);
    if (!last || page.length < limit) break;
    left -= page.length;
    after = { integrationId: last.integrationId, name: last.name };
  }
  return null;
}
