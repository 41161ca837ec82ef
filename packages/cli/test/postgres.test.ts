import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import type { SyncLog } from "@uslimato/core";
import { DEFAULT_CLIENT_SECRET, type GraphSimulator, startGraphSimulator } from "@uslimato/simulators";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";
import { addEntraOnSimulator } from "./fixtures/simulator-entra";

const BASE_URL = process.env.USLIMATO_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `cli_${process.pid}_${Date.now().toString(36)}`;

describe("uslimato with --database postgres://", () => {
  let sim: GraphSimulator;
  let home: string;
  const database = `${BASE_URL}?schema=${schema}`;
  const cli = async (args: string[]) => {
    const cap = captureIo({ homeDir: home, env: { ENTRA_SECRET: DEFAULT_CLIENT_SECRET } });
    const code = await runCli(args, { io: cap.io });
    return { code, out: cap.stdout(), err: cap.stderr() };
  };

  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 150, seed: 9 } });
    home = await mkdtemp(join(tmpdir(), "usl-pg-"));
  });
  afterAll(async () => {
    await sim?.close();
    const pool = new pg.Pool({ connectionString: BASE_URL });
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  it("init, add, sync and logs against PostgreSQL (the schema from ?schema=)", async () => {
    expect((await cli(["init", "--database", database])).code).toBe(0);
    const added = await cli(addEntraOnSimulator(sim, "ENTRA_SECRET"));
    expect(added.err).toBe("");
    const id = JSON.parse(added.out).id as string;
    expect((await cli(["sync", id])).code).toBe(0);
    const logs = JSON.parse((await cli(["logs", id, "--json"])).out) as SyncLog[];
    expect(logs[0]).toMatchObject({ status: "success", counts: { created: 150 } });
    const pool = new pg.Pool({ connectionString: BASE_URL });
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "${schema}".users`);
    await pool.end();
    expect(rows[0]?.n).toBe(150);
  });
});
