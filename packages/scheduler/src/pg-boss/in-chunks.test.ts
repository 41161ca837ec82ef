import { describe, expect, it } from "vitest";
import { inChunks } from "./in-chunks";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("inChunks", () => {
  it("covers every item once, in chunks, never more than `concurrency` at once", async () => {
    const items = Array.from({ length: 2_501 }, (_, i) => i);
    const seen: number[] = [];
    let active = 0;
    let maxActive = 0;
    await inChunks(items, { chunkSize: 1_000, concurrency: 2 }, async (chunk) => {
      active++;
      maxActive = Math.max(maxActive, active);
      expect(chunk.length).toBeLessThanOrEqual(1_000);
      await tick();
      seen.push(...chunk);
      active--;
    });
    expect(maxActive).toBe(2);
    expect(seen.sort((a, b) => a - b)).toEqual(items);
  });

  it("does nothing for no items", async () => {
    let calls = 0;
    await inChunks([], { chunkSize: 10, concurrency: 2 }, async () => void calls++);
    expect(calls).toBe(0);
  });

  it("rejects with the failure only after the other chunks settled", async () => {
    let finished = 0;
    const failing = inChunks([1, 2], { chunkSize: 1, concurrency: 2 }, async ([n]) => {
      if (n === 1) throw new Error("insert failed");
      await tick();
      await tick();
      finished++;
    });
    await expect(failing).rejects.toThrow("insert failed");
    expect(finished).toBe(1);
  });
});
