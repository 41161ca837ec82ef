import type { ConfiguredSecret, CredentialVault } from "@uslimato/core";
import type { SealedSecretRecord, SecretStore } from "@uslimato/core/storage";

/** Options of {@link CredentialStore.rewrap}. */
export interface RewrapOptions {
  /** Secrets read, re-sealed and written per round trip. Default 100. */
  batchSize?: number;
  /** Stops between batches (the current batch finishes; nothing is left half-written). */
  signal?: AbortSignal;
  /** Called after every batch with running totals. */
  onProgress?: (progress: RewrapProgress) => void;
}

/** Running totals of a re-wrap, after a batch of secrets sealed with `keyId`. */
export interface RewrapProgress {
  keyId: string;
  rewrapped: number;
  skipped: number;
  failed: number;
}

/** Where a secret is that a re-wrap could not open, and why (an error code). Never its value. */
export interface RewrapFailure {
  tenantId: string;
  integrationId: string;
  name: string;
  keyId: string;
  code: string;
}

/** What {@link CredentialStore.rewrap} did. */
export interface RewrapResult {
  /** Secrets now sealed with the active key. */
  rewrapped: number;
  /** Secrets changed by someone else while being re-wrapped (compare-and-swap lost); they were left as they are. */
  skipped: number;
  /** Secrets that did not open (damaged, or sealed with a key this store lacks), by position and error code. */
  failed: RewrapFailure[];
}

/** Options of {@link CredentialStore.verifyStoredSecrets}. */
export interface VerifyOptions {
  /** How many stored secrets per key id to open as a check: a number (default 1), 0 for ids only, or `all`. */
  sample?: number | "all";
}

/**
 * A {@link CredentialVault} with key management: AES-256-GCM sealing bound to each secret's owner, re-wrap to the
 * active key, usage per key id, key retirement and a start-up check. Nothing it returns or throws holds a
 * plaintext or key bytes; opened values are {@link Secret}s.
 */
export interface CredentialStore extends CredentialVault {
  /** The id new secrets are sealed with (the key-encryption key's id in envelope mode). */
  activeKeyId(): Promise<string>;
  /**
   * Re-seals every stored secret not sealed with the active key, batch by batch, through `secretStore.replace`
   * (compare-and-swap), keeping `updatedAt`. Plaintexts stay inside the store; reads may continue meanwhile.
   */
  rewrap(secretStore: SecretStore, options?: RewrapOptions): Promise<RewrapResult>;
  /** How many stored secrets each key id seals; ids of the ring that seal nothing are listed with 0. */
  keyUsage(secretStore: SecretStore): Promise<Record<string, number>>;
  /**
   * A store without `keyId`, once nothing stored uses it. `KEY_IN_USE` while a secret still uses it or while it
   * is the active key.
   */
  retireKey(secretStore: SecretStore, keyId: string): Promise<CredentialStore>;
  /**
   * Start-up check: throws `KEY_RING_CANNOT_OPEN_STORED` (naming key ids, never values) when stored secrets use
   * key ids this store lacks or sampled secrets do not open.
   */
  verifyStoredSecrets(secretStore: SecretStore, options?: VerifyOptions): Promise<void>;
  /** For one integration: which secret fields are set and when they last changed. Never a value or a hash. */
  configuredView(
    records: ReadonlyArray<SealedSecretRecord>,
    secretNames: ReadonlyArray<string>,
  ): ConfiguredSecret[];
}
