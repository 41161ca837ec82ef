import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { wrapDatabase } from "../src/database/sqlite-database";
import { createSqliteStorage, type SqliteStorage } from "../src/index";
import { createSqliteLockStore } from "../src/stores/sqlite-lock-store";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const SCRIPT = fileURLToPath(new URL("./fixtures/sqlite-child.ts", import.meta.url));

/** Starts a child that takes `name` and holds it; resolves with its token once held, and a way to SIGKILL it. */
function holdInChild(file: string, name: string): Promise<{ token: number; kill: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["--conditions=@uslimato/source", "--import", "tsx", SCRIPT, "hold", file, name],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = /^held (\d+)$/.exec(out.trim());
      if (match) {
        resolve({
          token: Number(match[1]),
          kill: async () => {
            child.kill("SIGKILL");
            await exited;
          },
        });
      } else if (out.includes("busy")) reject(new Error("the child found the lock busy"));
    });
    child.on("error", reject);
  });
}

describe("a killed sync's lock on SQLite", () => {
  let dir: string;
  let file: string;
  let storage: SqliteStorage;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "uslimato-resume-"));
    file = join(dir, "hub.db");
    storage = createSqliteStorage({ filename: file });
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is free at once when its holder process was killed on this machine (no wait for the lease)", async () => {
    const child = await holdInChild(file, "sync:int-1");
    expect(await storage.locks.tryAcquire("sync:int-1")).toBeNull();
    await child.kill();
    const resumed = await storage.locks.tryAcquire("sync:int-1");
    expect(resumed).not.toBeNull();
    expect(resumed?.token).toBeGreaterThan(child.token);
    await resumed?.release();
  }, 30_000);

  it("stays held while its holder process lives, across adapters", async () => {
    const child = await holdInChild(file, "sync:int-1");
    expect(await storage.locks.tryAcquire("sync:int-1")).toBeNull();
    await child.kill();
  }, 30_000);

  it("is taken from a holder on another machine only once its lease (60 s by default) ran out", async () => {
    let clock = 1_000_000;
    const db = new DatabaseSync(file);
    const elsewhere = createSqliteLockStore(wrapDatabase(db), () => clock, {
      pid: 1,
      machine: "other-host/boot",
    });
    const here = createSqliteLockStore(wrapDatabase(db), () => clock);
    const held = await elsewhere.tryAcquire("sync:int-1");
    expect(held?.ttlMs).toBe(60_000);
    clock += 59_000;
    expect(await here.tryAcquire("sync:int-1")).toBeNull();
    clock += 1_000;
    const taken = await here.tryAcquire("sync:int-1");
    expect(taken?.token).toBe((held?.token ?? 0) + 1);
    expect(await held?.renew()).toBe(false);
    expect(held?.lost.aborted).toBe(true);
    db.close();
  });
});
