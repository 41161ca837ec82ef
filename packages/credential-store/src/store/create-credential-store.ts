import { configuredView } from "../configured/configured-view";
import { CredentialStoreError } from "../errors/credential-store-error";
import { createLocalKeyProvider } from "../keys/create-local-key-provider";
import type { KeyProvider } from "../keys/key-provider";
import type { KeyRing } from "../keys/key-ring";
import { createSealer, type SealMode } from "./create-sealer";
import type { CredentialStore } from "./credential-store";
import { rewrapSecrets } from "./rewrap-secrets";
import { verifyStoredSecrets } from "./verify-stored-secrets";
import { withoutKeyId } from "./without-key-id";

/** Options of {@link createCredentialStore}: a local key ring, or a key provider and a mode. */
export type CredentialStoreOptions = { keyRing: KeyRing } | { keyProvider: KeyProvider; mode?: SealMode };

/**
 * A {@link CredentialStore}: give the hub its `seal`/`open`, and the operator rotation, usage and a start-up check.
 * With `keyRing`, secrets are sealed directly with the ring's active key. With `keyProvider` and
 * `mode: "envelope"`, each secret gets a fresh data key that the provider wraps (KMS-style).
 *
 * @example
 * ```ts
 * const store = createCredentialStore({ keyRing: keyRingFromEnv(process.env.USLIMATO_KEYS ?? "") });
 * await store.verifyStoredSecrets(storage.secrets); // fail at start-up, not at the first sync
 * const hub = createHub({ storage, vault: store, connectors, plan: "enterprise" });
 * ```
 */
export function createCredentialStore(options: CredentialStoreOptions): CredentialStore {
  const ring = "keyRing" in options ? options.keyRing : null;
  const provider = ring
    ? createLocalKeyProvider(ring)
    : (options as { keyProvider: KeyProvider }).keyProvider;
  const mode = "mode" in options && options.mode ? options.mode : "direct";
  const sealer = createSealer(provider, mode, ring ?? undefined);
  const knownKeyIds = async () => (provider.keyIds ? await provider.keyIds() : null);

  const store: CredentialStore = {
    seal: sealer.seal,
    open: sealer.open,
    activeKeyId: () => provider.activeKeyId(),
    async rewrap(secretStore, rewrapOptions) {
      return rewrapSecrets(sealer, await provider.activeKeyId(), secretStore, rewrapOptions);
    },
    async keyUsage(secretStore) {
      const usage: Record<string, number> = {};
      for (const id of (await knownKeyIds()) ?? []) usage[id] = 0;
      return Object.assign(usage, await secretStore.countByKey());
    },
    async retireKey(secretStore, keyId) {
      if (keyId === (await provider.activeKeyId())) {
        throw new CredentialStoreError(
          "KEY_IN_USE",
          `Key "${keyId}" is the active key; activate another first.`,
          {
            details: { keyId, count: null },
          },
        );
      }
      const count = (await secretStore.countByKey())[keyId] ?? 0;
      if (count > 0) {
        throw new CredentialStoreError(
          "KEY_IN_USE",
          `Key "${keyId}" still seals ${count} secrets; rewrap first.`,
          {
            details: { keyId, count },
          },
        );
      }
      if (ring) {
        if (!ring.has(keyId)) {
          throw new CredentialStoreError("KEY_UNKNOWN", `Key "${keyId}" is not in the key ring.`, {
            details: { keyId },
          });
        }
        return createCredentialStore({ keyRing: ring.withoutKey(keyId) });
      }
      return createCredentialStore({ keyProvider: withoutKeyId(provider, keyId), mode });
    },
    async verifyStoredSecrets(secretStore, verifyOptions) {
      await verifyStoredSecrets(sealer, await knownKeyIds(), secretStore, verifyOptions);
    },
    configuredView,
  };
  return Object.freeze(store);
}
