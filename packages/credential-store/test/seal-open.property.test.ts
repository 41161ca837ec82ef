import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CredentialStoreError,
  createCredentialStore,
  createLocalKeyProvider,
  parseEnvelope,
} from "../src/index";
import { KEY_A, KEY_B, ownerOf, ringOf } from "./fixtures/index";

const store = createCredentialStore({ keyRing: ringOf("a", KEY_A) });
const CODES = ["DECRYPT_FAILED", "ENVELOPE_MALFORMED", "ENVELOPE_UNSUPPORTED_VERSION", "KEY_UNKNOWN"];
const ownerArb = fc.record({ tenantId: fc.string(), integrationId: fc.string(), name: fc.string() });

async function rejects(promise: Promise<unknown>): Promise<CredentialStoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CredentialStoreError);
  return error as CredentialStoreError;
}

describe("seal and open (properties)", () => {
  it("round-trips any string for any owner", async () => {
    await fc.assert(
      fc.asyncProperty(ownerArb, fc.string({ unit: "grapheme", maxLength: 300 }), async (owner, value) => {
        const sealed = await store.seal(owner, value);
        expect(sealed.keyId).toBe("a");
        expect((await store.open(owner, sealed.envelope)).reveal()).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it("rejects any single-bit change of the envelope text", async () => {
    const owner = ownerOf();
    const { envelope } = await store.seal(owner, "correct horse battery staple");
    await fc.assert(
      fc.asyncProperty(fc.nat(envelope.length - 1), fc.nat(6), async (index, bit) => {
        const changed = String.fromCharCode(envelope.charCodeAt(index) ^ (1 << bit));
        const tampered = envelope.slice(0, index) + changed + envelope.slice(index + 1);
        await rejects(store.open(owner, tampered));
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects any single-bit change of the decoded header or ciphertext bytes", async () => {
    const owner = ownerOf();
    const { envelope } = await store.seal(owner, "correct horse battery staple");
    const [prefix, header, body] = envelope.split(".") as [string, string, string];
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.nat(1000), fc.nat(7), async (inHeader, at, bit) => {
        const bytes = Buffer.from(inHeader ? header : body, "base64url");
        const i = at % bytes.length;
        bytes[i] = bytes[i]! ^ (1 << bit);
        const part = bytes.toString("base64url");
        const tampered = inHeader ? `${prefix}.${part}.${body}` : `${prefix}.${header}.${part}`;
        const error = await rejects(store.open(owner, tampered));
        expect(CODES).toContain(error.code);
      }),
      { numRuns: 2000 },
    );
  });

  it("does not open an envelope for any other owner", async () => {
    await fc.assert(
      fc.asyncProperty(ownerArb, ownerArb, fc.string(), async (a, b, value) => {
        fc.pre(a.tenantId !== b.tenantId || a.integrationId !== b.integrationId || a.name !== b.name);
        const { envelope } = await store.seal(a, value);
        expect((await rejects(store.open(b, envelope))).code).toBe("DECRYPT_FAILED");
      }),
      { numRuns: 500 },
    );
  });

  it("tells apart owners whose joined fields are equal (length-prefixed associated data)", async () => {
    const a = { tenantId: "t", integrationId: "a|b", name: "c" };
    const b = { tenantId: "t", integrationId: "a", name: "b|c" };
    const { envelope } = await store.seal(a, "v");
    expect((await rejects(store.open(b, envelope))).code).toBe("DECRYPT_FAILED");
  });

  it("never repeats an IV across 10,000 full seals", async () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i += 1) {
      ivs.add(parseEnvelope((await store.seal(ownerOf(), "same value")).envelope).iv.toString("hex"));
    }
    expect(ivs.size).toBe(10_000);
  });

  it("never repeats an IV across 1,000,000 full seals (direct and envelope mode)", async () => {
    const envelopeStore = createCredentialStore({
      keyProvider: createLocalKeyProvider(ringOf("kek", KEY_B)),
      mode: "envelope",
    });
    const ivs = new Set<string>();
    const owner = ownerOf();
    for (let i = 0; i < 1_000_000; i += 1) {
      const sealer = i % 10 === 9 ? envelopeStore : store;
      const { iv } = parseEnvelope((await sealer.seal(owner, "same value")).envelope);
      ivs.add(iv.toString("latin1"));
      if (ivs.size !== i + 1) expect.fail(`IV of seal ${i} repeats an earlier one`);
    }
    expect(ivs.size).toBe(1_000_000);
  }, 300_000);
});
