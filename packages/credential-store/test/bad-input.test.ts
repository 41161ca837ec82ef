import { describe, expect, it } from "vitest";
import { CredentialStoreError, createCredentialStore, createKeyRing, Secret } from "../src/index";
import { KEY_A, KEY_B, ownerOf, ringOf } from "./fixtures/index";

const VALUE = "bad-input-secret-value-42";
const store = createCredentialStore({ keyRing: ringOf("A", KEY_A) });
const owner = ownerOf();
const { envelope } = await store.seal(owner, VALUE);

async function codeOf(attempt: Promise<unknown>): Promise<string> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialStoreError);
  const text = `${(error as Error).message} ${JSON.stringify(error)}`;
  for (const leak of [
    VALUE,
    Buffer.from(VALUE).toString("base64url"),
    KEY_A.toString("base64"),
    KEY_B.toString("base64"),
    envelope,
  ]) {
    expect(text).not.toContain(leak);
  }
  return (error as CredentialStoreError).code;
}

describe("bad input to open", () => {
  it("a tampered ciphertext byte is DECRYPT_FAILED", async () => {
    const [prefix, header, body] = envelope.split(".") as [string, string, string];
    const bytes = Buffer.from(body, "base64url");
    bytes[0] = bytes[0]! ^ 0x01;
    expect(await codeOf(store.open(owner, `${prefix}.${header}.${bytes.toString("base64url")}`))).toBe(
      "DECRYPT_FAILED",
    );
  });

  it("a truncated envelope is ENVELOPE_MALFORMED or DECRYPT_FAILED, never a value", async () => {
    for (let cut = 1; cut < envelope.length; cut += 1) {
      expect(["ENVELOPE_MALFORMED", "DECRYPT_FAILED"]).toContain(
        await codeOf(store.open(owner, envelope.slice(0, cut))),
      );
    }
  });

  it("an unknown key id is KEY_UNKNOWN", async () => {
    expect(await codeOf(createCredentialStore({ keyRing: ringOf("B", KEY_B) }).open(owner, envelope))).toBe(
      "KEY_UNKNOWN",
    );
  });

  it("a wrong key under the same id is DECRYPT_FAILED", async () => {
    const wrong = createKeyRing({ keys: [{ id: "A", key: KEY_B }], activeKeyId: "A" });
    expect(await codeOf(createCredentialStore({ keyRing: wrong }).open(owner, envelope))).toBe(
      "DECRYPT_FAILED",
    );
  });

  it("the wrong owner is DECRYPT_FAILED, for each owner field", async () => {
    for (const other of [{ tenantId: "t2" }, { integrationId: "int-2" }, { name: "password" }]) {
      expect(await codeOf(store.open(ownerOf(other), envelope))).toBe("DECRYPT_FAILED");
    }
  });

  it("another format version is ENVELOPE_UNSUPPORTED_VERSION", async () => {
    expect(await codeOf(store.open(owner, envelope.replace(/^usl1/, "usl9")))).toBe(
      "ENVELOPE_UNSUPPORTED_VERSION",
    );
  });
});

describe("seal input", () => {
  it("accepts a Secret and seals its value", async () => {
    const sealed = await store.seal(owner, new Secret(VALUE));
    expect((await store.open(owner, sealed.envelope)).reveal()).toBe(VALUE);
  });

  it("refuses a value that is neither a string nor a Secret", async () => {
    await expect(store.seal(owner, 42 as unknown as string)).rejects.toThrow(TypeError);
  });
});
