import { describe, expect, it } from "vitest";
import { createSqliteStorage } from "./create-sqlite-storage";

describe("createSqliteStorage options", () => {
  it("refuses a page cache or WAL checkpoint size that is not a positive whole number, naming the option", () => {
    for (const [option, value] of [
      ["cacheSizeKiB", 0],
      ["cacheSizeKiB", 1.5],
      ["walCheckpointPages", -1],
      ["walCheckpointPages", Number.NaN],
      ["walCheckpointPages", "1; DROP TABLE users" as unknown as number],
    ] as const) {
      expect(() => createSqliteStorage({ filename: ":memory:", [option]: value })).toThrow(
        expect.objectContaining({ code: "CONFIG_INVALID", path: [option] }),
      );
    }
  });

  it("opens with explicit sizes", async () => {
    const storage = createSqliteStorage({
      filename: ":memory:",
      cacheSizeKiB: 1024,
      walCheckpointPages: 500,
    });
    expect(await storage.integrations.list()).toEqual([]);
    await storage.close();
  });
});
