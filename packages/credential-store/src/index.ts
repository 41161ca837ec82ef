/**
 * `@uslimato/credential-store`: connector secrets sealed with AES-256-GCM in a versioned envelope that names the
 * algorithm and the key id, bound to their owner (tenant, integration, secret name); a key ring with rotation,
 * re-wrap without plaintext leaving the store, usage per key and retirement; an envelope mode for KMS-style
 * providers; a start-up check; the "configured" view; and `Secret`, a value that never prints.
 *
 * @example
 * ```ts
 * import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
 * const store = createCredentialStore({ keyRing: createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" }) });
 * const owner = { tenantId: "t1", integrationId: "i1", name: "clientSecret" };
 * const { envelope } = await store.seal(owner, "s3cr3t");
 * (await store.open(owner, envelope)).reveal(); // "s3cr3t"
 * ```
 *
 * @module
 */
export type { CredentialVault, SealedSecret, SecretOwner } from "@uslimato/core";
export { Secret } from "@uslimato/core";
export { configuredView } from "./configured/configured-view";
export type { EnvelopeParts } from "./envelope/envelope-parts";
export { parseEnvelope } from "./envelope/parse-envelope";
export type { CredentialStoreErrorCode } from "./errors/credential-store-error";
export { CREDENTIAL_STORE_ERROR_CODES, CredentialStoreError } from "./errors/credential-store-error";
export { createLocalKeyProvider } from "./keys/create-local-key-provider";
export { generateKey, KEY_LENGTH } from "./keys/generate-key";
export type { KeyProvider, WrapContext, WrappedKey } from "./keys/key-provider";
export type { KeyEntry, KeyRing } from "./keys/key-ring";
export { createKeyRing } from "./keys/key-ring";
export { keyRingFromEnv } from "./keys/key-ring-from-env";
export type { CredentialStoreOptions } from "./store/create-credential-store";
export { createCredentialStore } from "./store/create-credential-store";
export type { SealMode } from "./store/create-sealer";
export type {
  CredentialStore,
  RewrapFailure,
  RewrapOptions,
  RewrapProgress,
  RewrapResult,
  VerifyOptions,
} from "./store/credential-store";
