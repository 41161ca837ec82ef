import { randomBytes } from "node:crypto";

/** The length in bytes of every AES-256 key the store uses. */
export const KEY_LENGTH = 32;

/**
 * A fresh random AES-256 key (32 bytes from the system CSPRNG). Store it base64-encoded in your secret manager
 * or in `USLIMATO_KEYS`; never in the database beside the secrets it protects.
 *
 * @example
 * ```ts
 * const key = generateKey();
 * process.stdout.write(`k1:${key.toString("base64")}\n`);
 * ```
 */
export function generateKey(): Buffer {
  return randomBytes(KEY_LENGTH);
}
