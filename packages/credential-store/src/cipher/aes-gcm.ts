import { createCipheriv, createDecipheriv, type KeyObject } from "node:crypto";
import { CredentialStoreError } from "../errors/credential-store-error";

const TAG_LENGTH = 16;

/** AES-256-GCM: returns ciphertext ‖ 16-byte tag. The IV must be fresh for every call under the same key. */
export function gcmEncrypt(
  key: KeyObject | Uint8Array,
  iv: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
): Buffer {
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(aad);
  const head = cipher.update(plaintext);
  const tail = cipher.final();
  return Buffer.concat([head, tail, cipher.getAuthTag()]);
}

/**
 * Opens ciphertext ‖ tag. Any mismatch — wrong key, changed byte, other associated data — is `DECRYPT_FAILED`,
 * one code for all, with no detail an attacker could use. The plaintext is only returned once the tag verified.
 */
export function gcmDecrypt(
  key: KeyObject | Uint8Array,
  iv: Uint8Array,
  aad: Uint8Array,
  body: Uint8Array,
): Buffer {
  if (body.length < TAG_LENGTH) throw decryptFailed();
  const split = body.length - TAG_LENGTH;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_LENGTH });
    decipher.setAAD(aad);
    decipher.setAuthTag(body.subarray(split));
    const head = decipher.update(body.subarray(0, split));
    const tail = decipher.final();
    return tail.length === 0 ? head : Buffer.concat([head, tail]);
  } catch {
    throw decryptFailed();
  }
}

function decryptFailed(): CredentialStoreError {
  return new CredentialStoreError(
    "DECRYPT_FAILED",
    "The secret could not be opened: wrong key, wrong owner, or the envelope was changed.",
  );
}
