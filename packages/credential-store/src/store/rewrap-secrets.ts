import type { CredentialVault } from "@uslimato/core";
import type { SealedSecretRecord, SecretStore } from "@uslimato/core/storage";
import { CredentialStoreError } from "../errors/credential-store-error";
import type { RewrapFailure, RewrapOptions, RewrapResult } from "./credential-store";

/**
 * Re-seals, with `activeKeyId`, every stored secret sealed with another key: pages through `listByKey` per key id,
 * opens and re-seals inside `vault`, and writes back with compare-and-swap `replace` (a secret changed meanwhile
 * is skipped, never overwritten). `updatedAt` is kept: the value did not change. Returns counts, never values.
 */
export async function rewrapSecrets(
  vault: CredentialVault,
  activeKeyId: string,
  secretStore: SecretStore,
  options: RewrapOptions = {},
): Promise<RewrapResult> {
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError("rewrap batchSize must be a positive integer.");
  }
  const result: RewrapResult = { rewrapped: 0, skipped: 0, failed: [] };
  const keyIds = Object.keys(await secretStore.countByKey()).filter((id) => id !== activeKeyId);
  for (const keyId of keyIds.sort()) {
    let after: { integrationId: string; name: string } | undefined;
    for (;;) {
      options.signal?.throwIfAborted();
      const page = await secretStore.listByKey(
        keyId,
        after ? { limit: batchSize, after } : { limit: batchSize },
      );
      const outcomes = await Promise.all(page.map((record) => rewrapOne(vault, secretStore, record)));
      for (const outcome of outcomes) {
        if (outcome === true) result.rewrapped += 1;
        else if (outcome === false) result.skipped += 1;
        else result.failed.push(outcome);
      }
      options.onProgress?.({
        keyId,
        rewrapped: result.rewrapped,
        skipped: result.skipped,
        failed: result.failed.length,
      });
      const last = page.at(-1);
      if (!last || page.length < batchSize) break;
      after = { integrationId: last.integrationId, name: last.name };
    }
  }
  return result;
}

async function rewrapOne(
  vault: CredentialVault,
  secretStore: SecretStore,
  record: SealedSecretRecord,
): Promise<boolean | RewrapFailure> {
  const owner = { tenantId: record.tenantId, integrationId: record.integrationId, name: record.name };
  let sealed: { envelope: string; keyId: string };
  try {
    sealed = await vault.seal(owner, await vault.open(owner, record.envelope));
  } catch (error) {
    if (!(error instanceof CredentialStoreError)) throw error;
    return { ...owner, keyId: record.keyId, code: error.code };
  }
  return secretStore.replace({ ...record, keyId: sealed.keyId, envelope: sealed.envelope }, record.envelope);
}
