import type { Secret } from "./secret";

/** Whose secret a sealed value is. Bound into the ciphertext, so an envelope cannot be moved to another owner. */
export interface SecretOwner {
  tenantId: string;
  integrationId: string;
  /** The secret's name, e.g. `clientSecret`. */
  name: string;
}

/** A sealed secret: opaque envelope text plus the id of the key that sealed it. */
export interface SealedSecret {
  envelope: string;
  keyId: string;
}

/**
 * What the hub needs from a credential store (`@uslimato/credential-store` implements it): seal a plaintext for
 * its owner, and open it again just in time as a {@link Secret}. Implementations never log or return plaintext.
 */
export interface CredentialVault {
  seal(owner: SecretOwner, plaintext: string | Secret): Promise<SealedSecret>;
  /** Opens an envelope for its owner; a typed error when it does not open (tampered, wrong owner, unknown key). */
  open(owner: SecretOwner, envelope: string): Promise<Secret>;
}
