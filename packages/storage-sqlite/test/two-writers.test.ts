import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
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

describe("two writers on one file", () => {
  let dir: string;
  let file: string;
  let a: SqliteStorage;
  let b: SqliteStorage;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "uslimato-writers-"));
    file = join(dir, "hub.db");
    a = createSqliteStorage({ filename: file });
    b = createSqliteStorage({ filename: file });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("excludes each other with locks; a release lets the other in", async () => {
    const held = await a.locks.tryAcquire("sync:int-1");
    expect(held).not.toBeNull();
    expect(await b.locks.tryAcquire("sync:int-1")).toBeNull();
    await held?.release();
    const taken = await b.locks.tryAcquire("sync:int-1");
    expect(taken).not.toBeNull();
    expect(await a.locks.tryAcquire("sync:int-1")).toBeNull();
    await taken?.release();
  });

  it("lets another writer take over an expired lease, and the old handle cannot free it", async () => {
    const stale = await a.locks.tryAcquire("sync:int-1", { ttlMs: 0 });
    const fresh = await b.locks.tryAcquire("sync:int-1");
    expect(fresh).not.toBeNull();
    await stale?.release();
    expect(await a.locks.tryAcquire("sync:int-1")).toBeNull();
    await fresh?.release();
  });

  it("excludes another process holding the lock", async () => {
    const held = await a.locks.tryAcquire("sync:int-1");
    expect((await runChild(["lock", file, "sync:int-1"])).stdout).toBe("busy");
    await held?.release();
    expect((await runChild(["lock", file, "sync:int-1"])).stdout).toBe("acquired");
  });

  it("interleaves pages of two adapters without losing or mixing anything", async () => {
    const pages = (s: SqliteStorage, prefix: string) =>
      Array.from({ length: 20 }, (_, page) => {
        const create = Array.from({ length: 50 }, (_, i) => user(`${prefix}-${page * 50 + i}`));
        const link = create.map((u) => ({ externalId: `x-${u.id}`, userId: u.id }));
        return s.directory.applyPage(prefix, { users: { create, link } }, { page });
      });
    await Promise.all([...pages(a, "a"), ...pages(b, "b")]);
    expect(await a.directory.countActiveLinkedUsers("a")).toBe(1000);
    expect(await b.directory.countActiveLinkedUsers("b")).toBe(1000);
    expect((await a.inspect.listUsers()).length).toBe(2000);
    expect((await b.checkpoints.get("a"))?.value).toEqual({ page: 19 });
  });

  it("keeps the file consistent when two processes write at once", async () => {
    const [one, two] = await Promise.all([
      runChild(["write", file, "p1", "50", "200"]),
      runChild(["write", file, "p2", "50", "200"]),
    ]);
    expect([one.stdout, two.stdout, one.stderr, two.stderr]).toEqual(["done", "done", "", ""]);
    expect(await a.directory.countActiveLinkedUsers("p1")).toBe(10000);
    expect(await a.directory.countActiveLinkedUsers("p2")).toBe(10000);
    expect((await a.checkpoints.get("p2"))?.value).toEqual({ page: 49 });
    const check = new DatabaseSync(file);
    expect(check.prepare("PRAGMA integrity_check").get()?.integrity_check).toBe("ok");
    check.close();
  });
});
