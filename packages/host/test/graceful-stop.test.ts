import { createEntraConnector } from "@uslimato/connector-entra";
import { createKeyRing, generateKey } from "@uslimato/credential-store";
import { startGraphSimulator } from "@uslimato/simulators";
import { createPostgresStorage, type PostgresStorage } from "@uslimato/storage-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInterfaceHub } from "../src/index";
import { createSimulatedEntra, randomName, TEST_DATABASE_URL } from "./support/entra-setup";

const USERS = 2_000;
const PAGE = 100;

describe("createInterfaceHub: a graceful stop during a sync (issue 21)", () => {
  const schema = randomName();
  const keyRing = createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" });
  let storage: PostgresStorage;
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 6 });
  let sim: Awaited<ReturnType<typeof startGraphSimulator>>;

  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: USERS, seed: 21 } });
    storage = await createPostgresStorage({ pool, schema });
  });
  afterAll(async () => {
    await storage?.close();
    await sim?.close();
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  const compose = () =>
    createInterfaceHub({
      connectors: [createEntraConnector({ pageSize: PAGE })],
      storage,
      keyRing,
      plan: "enterprise",
      scheduler: false,
    });

  it("aborts the running sync at the timeout at a page boundary; the next run resumes from its checkpoint", async () => {
    const app = compose();
    await app.start();
    const id = await createSimulatedEntra(app.hub, sim);
    // Every users page takes a while, so the stop lands in the middle of the sync.
    const slow = sim.faults.inject({ kind: "slow", match: "/v1.0/users", delayMs: 120 });
    let pagesSeen = 0;
    let stopping: ReturnType<typeof app.stop> | undefined;
    const run = app.hub.syncNow(id, {
      onProgress: (progress) => {
        pagesSeen = progress.pages;
        if (pagesSeen >= 3 && !stopping) stopping = app.stop({ timeoutMs: 50 });
      },
    });
    const first = await run;
    const report = await stopping;
    slow.remove();
    expect(report).toEqual({ drained: false, aborted: 1 });
    expect(app.state).toBe("stopped");
    expect(first).toMatchObject({ status: "failed", failureCode: "SYNC_ABORTED" });
    expect(first.finishedAt).not.toBeNull();
    // Whole pages only: what the log counts is exactly what is stored, a multiple of the page size.
    const linked = async () =>
      Number(
        (
          await pool.query<{ n: string }>(
            `SELECT count(*) AS n FROM "${schema}".user_links WHERE integration_id = $1`,
            [id],
          )
        ).rows[0]?.n,
      );
    const stored = await linked();
    expect(stored).toBe(first.counts.created);
    expect(first.counts.processed % PAGE).toBe(0);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(USERS);
    expect(await storage.checkpoints.get(id)).not.toBeNull();
    // A stopped composition refuses new syncs and notifications.
    await expect(app.hub.syncNow(id)).rejects.toMatchObject({ code: "SYNC_ABORTED" });
    expect((await app.handler(new Request("http://h/webhooks/entra", { method: "POST" }))).status).toBe(503);

    // The next process resumes where the aborted run stopped.
    const next = compose();
    await next.start();
    const second = await next.hub.syncNow(id);
    expect(second).toMatchObject({ status: "success" });
    expect(second.counts.created).toBe(USERS - stored);
    expect(await linked()).toBe(USERS);
    expect(await next.stop()).toEqual({ drained: true, aborted: 0 });
  });
});
