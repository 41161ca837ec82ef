import { describe, expect, it } from "vitest";
import { CredentialStoreError, createCredentialStore, createKeyRing } from "../src/index";
import { KEY_A, KEY_B, KEY_C, ringOf, sealMany, secretStore, valueFor } from "./fixtures/index";

async function failure(promise: Promise<unknown>): Promise<CredentialStoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialStoreError);
  return error as CredentialStoreError;
}

describe("verifyStoredSecrets (start-up check)", () => {
  it("passes when the ring opens what is stored, and on an empty store", async () => {
    const secrets = secretStore();
    const store = createCredentialStore({ keyRing: ringOf("A", KEY_A) });
    await store.verifyStoredSecrets(secrets);
    await sealMany(store, secrets, 20);
    await store.verifyStoredSecrets(secrets, { sample: "all" });
  });

  it("names key ids missing from the ring, with counts, never values", async () => {
    const secrets = secretStore();
    await sealMany(createCredentialStore({ keyRing: ringOf("A", KEY_A) }), secrets, 5);
    const error = await failure(
      createCredentialStore({ keyRing: ringOf("B", KEY_B) }).verifyStoredSecrets(secrets),
    );
    expect(error.code).toBe("KEY_RING_CANNOT_OPEN_STORED");
    expect(error.message).toContain("A (5 secrets)");
    expect(error.details).toMatchObject({ missingKeyIds: "A", failingKeyIds: "" });
    expect(error.message).not.toContain(valueFor("secret-0"));
  });

  it("names a key id whose key bytes are wrong", async () => {
    const secrets = secretStore();
    await sealMany(createCredentialStore({ keyRing: ringOf("A", KEY_A) }), secrets, 5);
    const wrong = createKeyRing({ keys: [{ id: "A", key: KEY_C }], activeKeyId: "A" });
    const error = await failure(createCredentialStore({ keyRing: wrong }).verifyStoredSecrets(secrets));
    expect(error.details).toMatchObject({ missingKeyIds: "", failingKeyIds: "A" });
    expect(error.message).not.toContain(KEY_C.toString("base64"));
  });

  it("finds a damaged secret only when asked to open them all", async () => {
    const secrets = secretStore();
    const store = createCredentialStore({ keyRing: ringOf("A", KEY_A) });
    const records = await sealMany(store, secrets, 5);
    await secrets.put([{ ...records[4]!, envelope: records[3]!.envelope }]);
    await store.verifyStoredSecrets(secrets, { sample: 1 });
    expect((await failure(store.verifyStoredSecrets(secrets, { sample: "all" }))).code).toBe(
      "KEY_RING_CANNOT_OPEN_STORED",
    );
  });
});
