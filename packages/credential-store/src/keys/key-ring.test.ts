import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createKeyRing, ringKey } from "./key-ring";

const a = Buffer.alloc(32, 1);
const b = Buffer.alloc(32, 2);

describe("createKeyRing", () => {
  it("holds keys by id with one active, active first", () => {
    const ring = createKeyRing({
      keys: [
        { id: "a", key: a },
        { id: "b", key: b },
      ],
      activeKeyId: "b",
    });
    expect(ring.activeKeyId).toBe("b");
    expect(ring.keyIds).toEqual(["b", "a"]);
    expect(ring.has("a") && !ring.has("c")).toBe(true);
  });

  it("changes only by returning new rings", () => {
    const ring = createKeyRing({ keys: [{ id: "a", key: a }], activeKeyId: "a" });
    const both = ring.withKey({ id: "b", key: b }, { activate: true });
    expect(both.keyIds).toEqual(["b", "a"]);
    expect(ring.keyIds).toEqual(["a"]);
    expect(both.withActiveKey("a").withoutKey("b").keyIds).toEqual(["a"]);
    expect(() => both.withoutKey("b")).toThrow(expect.objectContaining({ code: "KEY_RING_INVALID" }));
    expect(() => both.withKey({ id: "a", key: a })).toThrow(
      expect.objectContaining({ code: "KEY_RING_INVALID" }),
    );
  });

  it("copies key bytes, so wiping the caller's buffer changes nothing", () => {
    const mine = Buffer.alloc(32, 5);
    const ring = createKeyRing({ keys: [{ id: "k", key: mine }], activeKeyId: "k" });
    mine.fill(0);
    expect(ringKey(ring, "k")!.export().equals(Buffer.alloc(32, 5))).toBe(true);
  });

  it.each([
    ["a short key", [{ id: "a", key: Buffer.alloc(16) }], "a"],
    ["a bad id", [{ id: "a:b", key: a }], "a:b"],
    [
      "a duplicate id",
      [
        { id: "a", key: a },
        { id: "a", key: b },
      ],
      "a",
    ],
    ["an active id not in the ring", [{ id: "a", key: a }], "z"],
    ["no keys", [], "a"],
  ])("rejects %s with KEY_RING_INVALID", (_, keys, activeKeyId) => {
    expect(() => createKeyRing({ keys, activeKeyId })).toThrow(
      expect.objectContaining({ code: "KEY_RING_INVALID" }),
    );
  });

  it("never prints key bytes", () => {
    const ring = createKeyRing({ keys: [{ id: "a", key: a }], activeKeyId: "a" });
    const shown = [inspect(ring, { showHidden: true, depth: 9 }), JSON.stringify(ring), String(ring)].join(
      "\n",
    );
    expect(shown).toContain("a");
    expect(shown).not.toContain(a.toString("base64"));
    expect(shown).not.toContain(a.toString("hex"));
  });
});
