import {
  constants,
  createDecipheriv,
  createHmac,
  type KeyObject,
  privateDecrypt,
  timingSafeEqual,
} from "node:crypto";
import { UslimatoError } from "@uslimato/core/connector";

/** The `encryptedContent` of a rich notification. */
export interface EncryptedContent {
  /** Base64 AES-256-CBC ciphertext. */
  data: string;
  /** Base64 symmetric key, encrypted with our certificate's public key (RSA-OAEP, SHA-1). */
  dataKey: string;
  /** Base64 HMAC-SHA256 of the ciphertext under the symmetric key. */
  dataSignature: string;
}

/**
 * Decrypts a rich notification's resource data: unwraps the key with RSA-OAEP (SHA-1), checks the HMAC-SHA256
 * signature (constant time) before touching the ciphertext, then AES-256-CBC with the key's first 16 bytes as IV.
 * Returns the parsed JSON. Throws a `UslimatoError` `WEBHOOK_REJECTED` when anything does not check out.
 *
 * @example
 * ```ts
 * const user = decryptRichNotification(notification.encryptedContent, privateKeyPem);
 * ```
 */
export function decryptRichNotification(content: EncryptedContent, privateKey: KeyObject | string): unknown {
  let key: Buffer;
  try {
    key = privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" },
      Buffer.from(content.dataKey, "base64"),
    );
  } catch (cause) {
    throw new UslimatoError("WEBHOOK_REJECTED", "Could not unwrap the notification data key", { cause });
  }
  const data = Buffer.from(content.data, "base64");
  const expected = createHmac("sha256", key).update(data).digest();
  const received = Buffer.from(content.dataSignature, "base64");
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    throw new UslimatoError("WEBHOOK_REJECTED", "The notification data signature does not match");
  }
  try {
    const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16));
    const plain = Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
    return JSON.parse(plain);
  } catch (cause) {
    throw new UslimatoError("WEBHOOK_REJECTED", "Could not decrypt the notification data", { cause });
  }
}
