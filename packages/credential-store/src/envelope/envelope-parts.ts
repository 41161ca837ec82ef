/** The one content algorithm of format version 1: AES-256-GCM with a 96-bit IV and a 16-byte tag. */
export const CONTENT_ALGORITHM = "A256GCM";

/** The prefix of every version-1 envelope. */
export const ENVELOPE_PREFIX = "usl1";

/**
 * The fields of an envelope, as the format `usl1.<base64url(header JSON)>.<base64url(ciphertext ‖ tag)>` carries
 * them. The header JSON holds `alg`, `kid`, `iv` and, in envelope mode, `wk`.
 */
export interface EnvelopeParts {
  /** `A256GCM`. */
  alg: typeof CONTENT_ALGORITHM;
  /** Direct mode: the id of the key that sealed the content. Envelope mode: the id of the key-encryption key. */
  kid: string;
  /** The 12-byte IV. */
  iv: Buffer;
  /** Envelope mode only: the per-secret data key, wrapped by the provider's key `kid`. */
  wrappedKey?: Buffer;
  /** Ciphertext followed by the 16-byte tag. */
  body: Buffer;
  /**
   * `usl1.<header segment>` exactly as it appears in the envelope: the header part of the associated data, so an
   * edited header (even one that parses to the same fields) does not open.
   */
  headerText: string;
}
