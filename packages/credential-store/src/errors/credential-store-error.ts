import { UslimatoError, type UslimatoErrorOptions } from "@uslimato/core";

/** Every stable error code of `@uslimato/credential-store`. Codes never change meaning once published. */
export const CREDENTIAL_STORE_ERROR_CODES = [
  "ENVELOPE_MALFORMED",
  "ENVELOPE_UNSUPPORTED_VERSION",
  "KEY_UNKNOWN",
  "DECRYPT_FAILED",
  "KEY_IN_USE",
  "KEY_RING_INVALID",
  "KEY_RING_CANNOT_OPEN_STORED",
] as const;

/** A stable error code raised by `@uslimato/credential-store`. */
export type CredentialStoreErrorCode = (typeof CREDENTIAL_STORE_ERROR_CODES)[number];

/**
 * An error of the credential store. Messages and details name key ids, owners and counts, never a plaintext,
 * key bytes or an envelope. `DECRYPT_FAILED` covers a wrong key, a tampered envelope and a wrong owner alike,
 * so a caller probing envelopes learns nothing from the code.
 *
 * @example
 * ```ts
 * try { await store.open(owner, envelope); }
 * catch (e) { if (e instanceof CredentialStoreError && e.code === "DECRYPT_FAILED") { ... } }
 * ```
 */
export class CredentialStoreError extends UslimatoError<CredentialStoreErrorCode> {
  constructor(code: CredentialStoreErrorCode, message: string, options?: UslimatoErrorOptions) {
    super(code, message, options);
    this.name = "CredentialStoreError";
  }
}
