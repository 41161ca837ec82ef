import { describe, expect, it } from "vitest";
import { keyRingFromEnv } from "./key-ring-from-env";

const k1 = Buffer.alloc(32, 1);
const k2 = Buffer.alloc(32, 0xfb);

describe("keyRingFromEnv", () => {
  it("reads id:base64 pairs, the first active", () => {
    const ring = keyRingFromEnv(` k2:${k2.toString("base64")} , k1:${k1.toString("base64url")} `);
    expect(ring.activeKeyId).toBe("k2");
    expect(ring.keyIds).toEqual(["k2", "k1"]);
  });

  it("reads the JSON forms", () => {
    const map = keyRingFromEnv(
      JSON.stringify({ activeKeyId: "k1", keys: { k2: k2.toString("base64"), k1: k1.toString("base64") } }),
    );
    expect(map.activeKeyId).toBe("k1");
    const list = keyRingFromEnv(JSON.stringify({ keys: [{ id: "k2", key: k2.toString("base64") }] }));
    expect(list.keyIds).toEqual(["k2"]);
  });

  it.each([
    ["empty", ""],
    ["no id", k1.toString("base64")],
    ["not base64", "k1:***"],
    ["wrong length", `k1:${Buffer.alloc(31).toString("base64")}`],
    ["broken JSON", "{"],
    ["wrong JSON shape", JSON.stringify({ keys: 3 })],
  ])("rejects %s with KEY_RING_INVALID and never echoes key material", (_, value) => {
    let message = "";
    expect(() => {
      try {
        keyRingFromEnv(value);
      } catch (error) {
        message = (error as Error).message;
        throw error;
      }
    }).toThrow(expect.objectContaining({ code: "KEY_RING_INVALID" }));
    expect(message).not.toContain(k1.toString("base64"));
  });

  it("does not echo a key given where an id belongs", () => {
    const key = Buffer.alloc(32, 9).toString("base64url");
    expect(() =>
      keyRingFromEnv(JSON.stringify({ activeKeyId: key, keys: { k1: k1.toString("base64") } })),
    ).toThrow(expect.objectContaining({ message: expect.not.stringContaining(key) }));
  });
});
