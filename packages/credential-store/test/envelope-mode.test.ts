import { describe, expect, it } from "vitest";
import {
  createCredentialStore,
  createKeyRing,
  createLocalKeyProvider,
  type KeyProvider,
  parseEnvelope,
} from "../src/index";
import { KEY_A, KEY_B, ownerOf, ringOf, sealMany, secretStore } from "./fixtures/index";

describe("envelope mode (KMS-style provider)", () => {
  it("seals each secret with a fresh data key that the provider wraps, and opens it", async () => {
    const store = createCredentialStore({
      keyProvider: createLocalKeyProvider(ringOf("kek-1", KEY_A)),
      mode: "envelope",
    });
    const owner = ownerOf();
    const one = await store.seal(owner, "v");
    const two = await store.seal(owner, "v");
    expect(one.keyId).toBe("kek-1");
    expect(parseEnvelope(one.envelope).wrappedKey!.equals(parseEnvelope(two.envelope).wrappedKey!)).toBe(
      false,
    );
    expect((await store.open(owner, one.envelope)).reveal()).toBe("v");
    await expect(store.open(ownerOf({ name: "other" }), one.envelope)).rejects.toMatchObject({
      code: "DECRYPT_FAILED",
    });
  });

  it("gives typed errors for an unknown key-encryption key, a changed wrapped key and a swapped owner", async () => {
    const store = createCredentialStore({
      keyProvider: createLocalKeyProvider(ringOf("kek-1", KEY_A)),
      mode: "envelope",
    });
    const a = ownerOf({ integrationId: "int-a" });
    const b = ownerOf({ integrationId: "int-b" });
    const forA = (await store.seal(a, "value-a")).envelope;
    const forB = (await store.seal(b, "value-b")).envelope;
    const other = createCredentialStore({
      keyProvider: createLocalKeyProvider(ringOf("kek-2", KEY_B)),
      mode: "envelope",
    });
    await expect(other.open(a, forA)).rejects.toMatchObject({ code: "KEY_UNKNOWN" });
    await expect(store.open(a, forB)).rejects.toMatchObject({ code: "DECRYPT_FAILED" });
    await expect(store.open(b, forA)).rejects.toMatchObject({ code: "DECRYPT_FAILED" });

    const [prefix, header, body] = forA.split(".") as [string, string, string];
    const fields = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Record<string, string>;
    const wrapped = Buffer.from(fields.wk!, "base64url");
    wrapped[wrapped.length - 1] = wrapped[wrapped.length - 1]! ^ 0x80;
    const changed = Buffer.from(JSON.stringify({ ...fields, wk: wrapped.toString("base64url") })).toString(
      "base64url",
    );
    const error = await store.open(a, `${prefix}.${changed}.${body}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "DECRYPT_FAILED" });
    expect(String(error)).not.toContain("value-a");
    expect((await store.open(a, forA)).reveal()).toBe("value-a");
  });

  it("passes the owner to the provider as wrap context, and maps provider failures to DECRYPT_FAILED", async () => {
    const contexts: unknown[] = [];
    const local = createLocalKeyProvider(ringOf("kek", KEY_A));
    const provider: KeyProvider = {
      activeKeyId: local.activeKeyId,
      wrapKey: async (key, context) => {
        contexts.push(context);
        return local.wrapKey!(key, context);
      },
      unwrapKey: async () => {
        throw new Error("AccessDeniedException");
      },
    };
    const store = createCredentialStore({ keyProvider: provider, mode: "envelope" });
    const { envelope } = await store.seal(ownerOf(), "v");
    expect(contexts).toEqual([ownerOf()]);
    await expect(store.open(ownerOf(), envelope)).rejects.toMatchObject({ code: "DECRYPT_FAILED" });
  });

  it("rotates the key-encryption key with rewrap and retires the old one", async () => {
    const secrets = secretStore();
    const old = createCredentialStore({
      keyProvider: createLocalKeyProvider(ringOf("kek-1", KEY_A)),
      mode: "envelope",
    });
    await sealMany(old, secrets, 30);
    const ring = createKeyRing({
      keys: [
        { id: "kek-2", key: KEY_B },
        { id: "kek-1", key: KEY_A },
      ],
      activeKeyId: "kek-2",
    });
    const store = createCredentialStore({ keyProvider: createLocalKeyProvider(ring), mode: "envelope" });
    expect(await store.rewrap(secrets, { batchSize: 7 })).toMatchObject({ rewrapped: 30, skipped: 0 });
    const retired = await store.retireKey(secrets, "kek-1");
    expect(await retired.keyUsage(secrets)).toEqual({ "kek-2": 30 });
    await retired.verifyStoredSecrets(secrets, { sample: "all" });
  });

  it("moves direct-mode secrets to envelope mode with one rewrap", async () => {
    const secrets = secretStore();
    await sealMany(createCredentialStore({ keyRing: ringOf("A", KEY_A) }), secrets, 10);
    const ring = createKeyRing({
      keys: [
        { id: "kek", key: KEY_B },
        { id: "A", key: KEY_A },
      ],
      activeKeyId: "kek",
    });
    const store = createCredentialStore({ keyProvider: createLocalKeyProvider(ring), mode: "envelope" });
    expect((await store.rewrap(secrets)).rewrapped).toBe(10);
    const [record] = await secrets.list("int-0000");
    expect(parseEnvelope(record!.envelope).wrappedKey).toBeDefined();
  });
});
