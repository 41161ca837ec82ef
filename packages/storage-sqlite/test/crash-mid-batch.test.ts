import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DirectoryBatch, JsonValue } from "@uslimato/core/storage";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSqliteStorage, type SqliteStorage } from "../src/index";
import { runChild } from "./fixtures/child-process";

const user = (id: string) => ({
  id,
  email: `${id}@x.io`,
  displayName: null,
  active: true,
  role: "viewer",
  attributes: {},
});

/** A batch that writes to every table before the failure point. */
const bigBatch: DirectoryBatch = {
  users: {
    create: [user("u2"), user("u3")],
    link: [{ externalId: "e2", userId: "u2" }],
    markPendingDeactivation: ["e1"],
  },
  groups: { upsert: [{ externalId: "g1", displayName: "G", description: null, attributes: {} }] },
  memberships: { add: [{ groupExternalId: "g1", userExternalId: "e2" }] },
  records: [{ kind: "device", upsert: [{ externalId: "d1", data: {} }] }],
  seen: { sweepId: "s1", users: ["e2"] },
  finishSweep: { kind: "user", sweepId: "s1" },
};

describe("a failure in the middle of a page", () => {
  let dir: string;
  let file: string;
  let storage: SqliteStorage;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "uslimato-crash-"));
    file = join(dir, "hub.db");
    storage = createSqliteStorage({ filename: file });
    await storage.directory.applyPage(
      "int-1",
      { users: { create: [user("u1")], link: [{ externalId: "e1", userId: "u1" }] } },
      "cp-1",
    );
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const expectOnlyFirstPage = async (s: SqliteStorage) => {
    expect((await s.inspect.listUsers()).map((u) => u.id)).toEqual(["u1"]);
    expect(await s.inspect.listLinks("int-1")).toEqual([
      { integrationId: "int-1", externalId: "e1", userId: "u1", pendingDeactivation: false },
    ]);
    expect(await s.inspect.listGroups("int-1")).toEqual([]);
    expect(await s.inspect.listMemberships("int-1")).toEqual([]);
    expect(await s.inspect.listRecords("int-1", "device")).toEqual([]);
    expect((await s.checkpoints.get("int-1"))?.value).toBe("cp-1");
  };

  it("rolls back everything when the last write (the checkpoint) throws", async () => {
    const unserializable = { n: 1n } as unknown as JsonValue;
    await expect(storage.directory.applyPage("int-1", bigBatch, unserializable)).rejects.toMatchObject({
      code: "STORAGE_FAILED",
    });
    await expectOnlyFirstPage(storage);
    await storage.directory.applyPage("int-1", { users: { create: [user("u9")] } }, "cp-2");
    expect((await storage.checkpoints.get("int-1"))?.value).toBe("cp-2");
  });

  it("rolls back everything when a value in the middle cannot be bound", async () => {
    const bad = {
      ...bigBatch,
      records: [{ kind: "device" as const, upsert: [{ externalId: {} as string, data: {} }] }],
    };
    await expect(storage.directory.applyPage("int-1", bad, "cp-2")).rejects.toMatchObject({
      code: "STORAGE_FAILED",
    });
    await expectOnlyFirstPage(storage);
  });

  it("loses nothing committed and keeps nothing half-written when the process dies mid-transaction", async () => {
    const result = await runChild(["crash", file]);
    expect(result.code).toBe(70);
    const reopened = createSqliteStorage({ filename: file });
    await expectOnlyFirstPage(reopened);
    await reopened.close();
  });
});
