import { describe, expect, it } from "vitest";
import { createIvSource, IV_LENGTH, nextIv } from "./iv-source";

describe("IV source", () => {
  it("gives 1,000,000 distinct 12-byte IVs (the source every seal uses)", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1_000_000; i += 1) {
      const iv = nextIv();
      expect(iv.length).toBe(IV_LENGTH);
      seen.add(iv.toString("latin1"));
    }
    expect(seen.size).toBe(1_000_000);
  });

  it("never changes an IV it already handed out when it draws a new pool", () => {
    const next = createIvSource();
    const first = next();
    const copy = Buffer.from(first);
    for (let i = 0; i < 10_000; i += 1) next();
    expect(first.equals(copy)).toBe(true);
  });
});
