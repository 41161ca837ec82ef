import { describe, expect, it } from "vitest";
import { CredentialStoreError, createCredentialStore, createKeyRing } from "../src/index";
import { KEY_A, KEY_B, ownerOfRecord, ringOf, sealMany, secretStore, valueFor } from "./fixtures/index";

describe("key rotation", () => {
  it("rewraps 10,000 secrets from key A to key B in batches while reads continue, then retires A", async () => {
    const secrets = secretStore();
    const storeA = createCredentialStore({ keyRing: ringOf("A", KEY_A) });
    const records = await sealMany(storeA, secrets, 10_000);
    expect(await storeA.keyUsage(secrets)).toEqual({ A: 10_000 });

    const storeAB = createCredentialStore({
      keyRing: ringOf("A", KEY_A).withKey({ id: "B", key: KEY_B }, { activate: true }),
    });
    expect(await storeAB.keyUsage(secrets)).toEqual({ A: 10_000, B: 0 });
    await expect(storeAB.retireKey(secrets, "A")).rejects.toMatchObject({ code: "KEY_IN_USE" });

    const batches: number[] = [];
    let reads = 0;
    let rewrapping = true;
    const reader = (async () => {
      while (rewrapping) {
        const record = records[(reads * 7919) % records.length]!;
        const [stored] = (await secrets.list(record.integrationId)).filter((s) => s.name === record.name);
        expect((await storeAB.open(ownerOfRecord(record!), stored!.envelope)).reveal()).toBe(
          valueFor(record.name),
        );
        reads += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const result = await storeAB.rewrap(secrets, {
      batchSize: 500,
      onProgress: (p) => batches.push(p.rewrapped),
    });
    rewrapping = false;
    await reader;

    expect(result).toEqual({ rewrapped: 10_000, skipped: 0, failed: [] });
    expect(batches.length).toBeGreaterThanOrEqual(20);
    expect(reads).toBeGreaterThan(0);
    expect(await storeAB.keyUsage(secrets)).toEqual({ A: 0, B: 10_000 });

    const storeB = await storeAB.retireKey(secrets, "A");
    expect(await storeB.keyUsage(secrets)).toEqual({ B: 10_000 });
    await storeB.verifyStoredSecrets(secrets, { sample: "all" });
    for (const record of records) {
      const [stored] = (await secrets.list(record.integrationId)).filter((s) => s.name === record.name);
      expect(stored!.updatedAt).toEqual(record.updatedAt);
      expect((await storeB.open(ownerOfRecord(record!), stored!.envelope)).reveal()).toBe(
        valueFor(record.name),
      );
    }
  });

  it("skips a secret an admin changed during the rewrap (compare-and-swap) and keeps the admin's value", async () => {
    const secrets = secretStore();
    const storeA = createCredentialStore({ keyRing: ringOf("A", KEY_A) });
    const [record] = await sealMany(storeA, secrets, 1);
    const ring = createKeyRing({
      keys: [
        { id: "B", key: KEY_B },
        { id: "A", key: KEY_A },
      ],
      activeKeyId: "B",
    });
    const storeAB = createCredentialStore({ keyRing: ring });
    const racing = {
      ...secrets,
      replace: async (next: typeof record & object, expected: string) => {
        const admin = await storeA.seal(ownerOfRecord(record!), "changed-by-admin");
        await secrets.put([{ ...record!, ...admin }]);
        return secrets.replace(next, expected);
      },
    };
    expect(await storeAB.rewrap(racing, { batchSize: 10 })).toEqual({ rewrapped: 0, skipped: 1, failed: [] });
    const [stored] = await secrets.list(record!.integrationId);
    expect((await storeAB.open(ownerOfRecord(record!), stored!.envelope)).reveal()).toBe("changed-by-admin");
  });

  it("reports secrets it cannot open by position and code, never by value, and keeps going", async () => {
    const secrets = secretStore();
    const storeA = createCredentialStore({ keyRing: ringOf("A", KEY_A) });
    const records = await sealMany(storeA, secrets, 3);
    await secrets.put([{ ...records[1]!, envelope: records[0]!.envelope }]);
    const storeAB = createCredentialStore({
      keyRing: ringOf("A", KEY_A).withKey({ id: "B", key: KEY_B }, { activate: true }),
    });
    const result = await storeAB.rewrap(secrets);
    expect(result.rewrapped).toBe(2);
    expect(result.failed).toEqual([{ ...ownerOfRecord(records[1]!), keyId: "A", code: "DECRYPT_FAILED" }]);
    expect(JSON.stringify(result)).not.toContain(valueFor("secret-1"));
  });

  it("stops between batches when aborted", async () => {
    const secrets = secretStore();
    await sealMany(createCredentialStore({ keyRing: ringOf("A", KEY_A) }), secrets, 50);
    const store = createCredentialStore({
      keyRing: ringOf("A", KEY_A).withKey({ id: "B", key: KEY_B }, { activate: true }),
    });
    const controller = new AbortController();
    await expect(
      store.rewrap(secrets, {
        batchSize: 10,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    ).rejects.toThrow();
    expect(await store.keyUsage(secrets)).toEqual({ A: 40, B: 10 });
  });

  it("refuses to retire the active key or a key it does not have", async () => {
    const secrets = secretStore();
    const store = createCredentialStore({ keyRing: ringOf("A", KEY_A) });
    await expect(store.retireKey(secrets, "A")).rejects.toMatchObject({ code: "KEY_IN_USE" });
    const error = await store.retireKey(secrets, "Z").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialStoreError);
    expect((error as CredentialStoreError).code).toBe("KEY_UNKNOWN");
  });
});
