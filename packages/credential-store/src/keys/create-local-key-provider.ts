import type { KeyObject } from "node:crypto";
import { gcmDecrypt, gcmEncrypt } from "../cipher/aes-gcm";
import { nextIv } from "../envelope/iv-source";
import { ownerAad } from "../envelope/owner-aad";
import { CredentialStoreError } from "../errors/credential-store-error";
import type { KeyProvider } from "./key-provider";
import { type KeyRing, ringKey } from "./key-ring";

const IV_LENGTH = 12;

/**
 * A {@link KeyProvider} over a local {@link KeyRing}, for both modes. In envelope mode it wraps each data key with
 * AES-256-GCM under the ring's active key (a fresh IV each time; the key id and the owner as associated data),
 * laid out as IV ‖ ciphertext ‖ tag — the shape a KMS adapter replaces with a remote call.
 *
 * @example
 * ```ts
 * const store = createCredentialStore({ keyProvider: createLocalKeyProvider(ring), mode: "envelope" });
 * ```
 */
export function createLocalKeyProvider(ring: KeyRing): KeyProvider {
  const keyOf = (keyId: string): KeyObject => {
    const key = ringKey(ring, keyId);
    if (key === undefined) {
      throw new CredentialStoreError("KEY_UNKNOWN", `Key "${keyId}" is not in the local key ring.`, {
        details: { keyId },
      });
    }
    return key;
  };
  return {
    activeKeyId: async () => ring.activeKeyId,
    getKey: async (keyId) => ringKey(ring, keyId),
    keyIds: async () => ring.keyIds,
    async wrapKey(dataKey, context) {
      const keyId = ring.activeKeyId;
      const iv = nextIv();
      const body = gcmEncrypt(keyOf(keyId), iv, ownerAad(`wrap:${keyId}`, context), dataKey);
      return { keyId, wrapped: Buffer.concat([iv, body]) };
    },
    async unwrapKey({ keyId, wrapped }, context) {
      const key = keyOf(keyId);
      const bytes = Buffer.from(wrapped.buffer, wrapped.byteOffset, wrapped.byteLength);
      const aad = ownerAad(`wrap:${keyId}`, context);
      return gcmDecrypt(key, bytes.subarray(0, IV_LENGTH), aad, bytes.subarray(IV_LENGTH));
    },
  };
}
