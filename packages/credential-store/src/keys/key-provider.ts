import type { KeyObject } from "node:crypto";

/**
 * What the store tells a provider about the secret a data key belongs to. KMS-style providers pass it on as
 * their encryption context / associated data (AWS KMS `EncryptionContext`, Vault transit `associated_data`),
 * so the wrapped key itself is bound to its owner and the binding shows in the KMS audit log.
 */
export interface WrapContext {
  tenantId: string;
  integrationId: string;
  name: string;
}

/** A data key wrapped by a provider's key. */
export interface WrappedKey {
  /** The provider key that wrapped it (a ring id, a KMS key ARN, an Azure key URL, a Vault key and version). */
  keyId: string;
  wrapped: Uint8Array;
}

/**
 * Where keys come from. Async throughout, so an adapter may call a remote service. Two modes:
 * - direct: {@link KeyProvider.getKey} hands the store the 32-byte AES key of an id (a local ring, a secret
 *   manager holding key material);
 * - envelope: the store seals each secret with a fresh data key and asks the provider to
 *   {@link KeyProvider.wrapKey wrap} and {@link KeyProvider.unwrapKey unwrap} it, so the provider's key never
 *   leaves it (AWS KMS Encrypt/Decrypt, Azure Key Vault wrapKey/unwrapKey, Vault transit encrypt/decrypt).
 *
 * Throw a `CredentialStoreError` with code `KEY_UNKNOWN` for an id the provider does not have; any other error
 * is reported by the store as `DECRYPT_FAILED` with the original error as `cause`.
 */
export interface KeyProvider {
  /** The key id new secrets are sealed (direct) or wrapped (envelope) with. */
  activeKeyId(): Promise<string>;
  /** Direct mode: the key of `keyId`, or undefined when the provider does not have it. */
  getKey?(keyId: string): Promise<KeyObject | Uint8Array | undefined>;
  /** Envelope mode: wraps a 32-byte data key with the active key. */
  wrapKey?(dataKey: Uint8Array, context: WrapContext): Promise<WrappedKey>;
  /** Envelope mode: unwraps a data key; must fail unless `context` is the one it was wrapped with. */
  unwrapKey?(wrapped: WrappedKey, context: WrapContext): Promise<Uint8Array>;
  /** Optional: every key id the provider can use, so a start-up check can name missing ids without a round trip. */
  keyIds?(): Promise<ReadonlyArray<string>>;
}
