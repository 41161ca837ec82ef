import { createSecretKey, type KeyObject, randomBytes } from "node:crypto";
import { type CredentialVault, Secret, type SecretOwner } from "@uslimato/core";
import { gcmDecrypt, gcmEncrypt } from "../cipher/aes-gcm";
import { encodeEnvelope, encodeHeader } from "../envelope/encode-envelope";
import type { EnvelopeParts } from "../envelope/envelope-parts";
import { nextIv } from "../envelope/iv-source";
import { ownerAad } from "../envelope/owner-aad";
import { parseEnvelope } from "../envelope/parse-envelope";
import { CredentialStoreError } from "../errors/credential-store-error";
import type { KeyProvider, WrapContext } from "../keys/key-provider";
import { type KeyRing, ringKey } from "../keys/key-ring";

/** How new secrets are sealed: with a provider key directly, or with a per-secret data key the provider wraps. */
export type SealMode = "direct" | "envelope";

/**
 * The seal/open core over a {@link KeyProvider}. Seals in `mode`; opens both direct and envelope-mode envelopes
 * when the provider supports both, so switching modes is a re-wrap. Plaintext and data-key buffers are zeroed
 * as soon as they are no longer needed. With `ring` (the local ring behind `provider`), direct-mode keys are
 * looked up synchronously: the ring holds each key as an imported `KeyObject`, so no seal or open waits on a
 * promise or imports a key.
 */
export function createSealer(provider: KeyProvider, mode: SealMode, ring?: KeyRing): CredentialVault {
  const directKey = async (keyId: string): Promise<KeyObject | Uint8Array> => {
    const key = provider.getKey ? await provider.getKey(keyId) : undefined;
    if (key === undefined) throw unknownKey(keyId);
    return key;
  };
  const ringKeyOf = (keyId: string): KeyObject => {
    const key = ring === undefined ? undefined : ringKey(ring, keyId);
    if (key === undefined) throw unknownKey(keyId);
    return key;
  };

  const unwrap = async (parts: EnvelopeParts, owner: SecretOwner): Promise<Uint8Array> => {
    if (!provider.unwrapKey) throw unknownKey(parts.kid);
    try {
      return await provider.unwrapKey({ keyId: parts.kid, wrapped: parts.wrappedKey! }, contextOf(owner));
    } catch (error) {
      if (error instanceof CredentialStoreError) throw error;
      throw new CredentialStoreError("DECRYPT_FAILED", "The key provider did not unwrap the data key.", {
        cause: error,
        details: { keyId: parts.kid },
      });
    }
  };

  return {
    async seal(owner, plaintext) {
      const bytes = Buffer.from(plaintextOf(plaintext), "utf8");
      const iv = nextIv();
      try {
        if (mode === "direct") {
          const keyId = ring === undefined ? await provider.activeKeyId() : ring.activeKeyId;
          const key = ring === undefined ? await directKey(keyId) : ringKeyOf(keyId);
          const header = encodeHeader(keyId, iv);
          const body = gcmEncrypt(key, iv, ownerAad(header, owner), bytes);
          return { envelope: encodeEnvelope(header, body), keyId };
        }
        if (!provider.wrapKey) throw unknownKey(await provider.activeKeyId());
        const dataKey = randomBytes(32);
        try {
          const { keyId, wrapped } = await provider.wrapKey(dataKey, contextOf(owner));
          const header = encodeHeader(keyId, iv, wrapped);
          const body = gcmEncrypt(createSecretKey(dataKey), iv, ownerAad(header, owner), bytes);
          return { envelope: encodeEnvelope(header, body), keyId };
        } finally {
          dataKey.fill(0);
        }
      } finally {
        bytes.fill(0);
      }
    },

    async open(owner, envelope) {
      const parts = parseEnvelope(envelope);
      if (parts.wrappedKey === undefined) {
        const key = ring === undefined ? await directKey(parts.kid) : ringKeyOf(parts.kid);
        return toSecret(gcmDecrypt(key, parts.iv, ownerAad(parts.headerText, owner), parts.body));
      }
      const dataKey = await unwrap(parts, owner);
      try {
        return toSecret(gcmDecrypt(dataKey, parts.iv, ownerAad(parts.headerText, owner), parts.body));
      } finally {
        dataKey.fill(0);
      }
    },
  };
}

function plaintextOf(plaintext: unknown): string {
  if (typeof plaintext === "string") return plaintext;
  if (plaintext instanceof Secret) return plaintext.reveal();
  // A Secret from another copy of core (e.g. the CJS build beside the ESM one) is not `instanceof` ours.
  const reveal = (plaintext as { reveal?: unknown } | null)?.reveal;
  if (typeof reveal === "function") {
    const value: unknown = reveal.call(plaintext);
    if (typeof value === "string") return value;
  }
  throw new TypeError("A secret to seal must be a string or a Secret.");
}

function toSecret(plain: Buffer): Secret {
  const secret = new Secret(plain.toString("utf8"));
  plain.fill(0);
  return secret;
}

function contextOf(owner: SecretOwner): WrapContext {
  return { tenantId: owner.tenantId, integrationId: owner.integrationId, name: owner.name };
}

function unknownKey(keyId: string): CredentialStoreError {
  return new CredentialStoreError(
    "KEY_UNKNOWN",
    `Key "${keyId}" is not available to this credential store.`,
    {
      details: { keyId },
    },
  );
}
