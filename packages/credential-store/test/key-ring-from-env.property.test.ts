import { inspect } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CredentialStoreError, keyRingFromEnv } from "../src/index";

/** Every spelling of a key that must never show: base64 (with and without padding), base64url, hex. */
function spellings(key: Uint8Array): string[] {
  const b = Buffer.from(key);
  const hex = b.toString("hex");
  return [
    b.toString("base64"),
    b.toString("base64").replace(/=+$/, ""),
    b.toString("base64url"),
    hex,
    hex.toUpperCase(),
  ];
}

/** Whole spellings and 16-character pieces of them, so that a partial echo is caught too. */
function needles(keys: Uint8Array[]): string[] {
  return keys.flatMap(spellings).flatMap((s) => [s, ...[0, 8, 16, 24].map((at) => s.slice(at, at + 16))]);
}

/** Everything an error shows: message, stack, inspect (own fields and cause chain), JSON. */
function everythingShown(error: unknown): string {
  const own = error instanceof Error ? `${error.message}\n${error.stack}\n${String(error)}` : String(error);
  return `${own}\n${inspect(error, { depth: 10, showHidden: true })}\n${JSON.stringify(error)}`;
}

const keyArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
const encodingArb = fc.constantFrom<BufferEncoding>("base64", "base64url", "hex");
const enc = (key: Uint8Array, encoding: BufferEncoding) => Buffer.from(key).toString(encoding);

/** Malformed (or odd) key-ring values built around real keys: swapped, truncated, doubled, misplaced. */
const specArb = fc
  .tuple(keyArb, keyArb, encodingArb, encodingArb, fc.nat(14))
  .map(([a, b, ea, eb, shape]) => {
    const x = enc(a, ea);
    const y = enc(b, eb);
    const good = enc(b, "base64");
    const specs = [
      `${x}:k1`,
      `${x}:${y}`,
      `k1:${x},${y}:k2`,
      `k1:${good},${x}:k1`,
      `k1:${x},k1:${good}`,
      `k1:${x.slice(0, -4)}`,
      `k1:${x}!`,
      `${x}`,
      JSON.stringify({ keys: { [x]: "k1" } }),
      JSON.stringify({ keys: [{ id: x, key: "k1" }] }),
      JSON.stringify({ activeKeyId: x, keys: { k1: good } }),
      JSON.stringify({ keys: { [x]: 5, k2: good } }),
      JSON.stringify({ activeKeyId: "k9", keys: { [x]: good } }),
      JSON.stringify({ activeKeyId: "k9", keys: [{ id: x, key: y }] }),
      `{"keys":{"${x}":`,
    ];
    return { spec: specs[shape] as string, keys: [a, b] };
  });

describe("keyRingFromEnv never shows key material (properties)", () => {
  it("keeps every spelling of every key out of errors for malformed values", () => {
    fc.assert(
      fc.property(specArb, ({ spec, keys }) => {
        let error: unknown;
        try {
          keyRingFromEnv(spec);
        } catch (e) {
          error = e;
        }
        if (error === undefined) return; // a value that happens to be a valid ring
        expect(error).toBeInstanceOf(CredentialStoreError);
        expect((error as CredentialStoreError).code).toBe("KEY_RING_INVALID");
        const shown = everythingShown(error);
        for (const needle of needles(keys)) expect(shown).not.toContain(needle);
      }),
      { numRuns: 1_500 },
    );
  });

  it("refuses the swapped form of issue 15 without the key in the message", () => {
    const key = Buffer.alloc(32, 0xab);
    for (const encoding of ["base64", "base64url", "hex"] as const) {
      const spec = `${key.toString(encoding)}:k1`;
      expect(() => keyRingFromEnv(spec)).toThrow(expect.objectContaining({ code: "KEY_RING_INVALID" }));
      try {
        keyRingFromEnv(spec);
      } catch (error) {
        for (const needle of needles([key])) expect(everythingShown(error)).not.toContain(needle);
      }
    }
  });
});
