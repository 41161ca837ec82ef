import { randomBytes } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import type { SyncLog } from "@uslimato/core";
import { DEFAULT_CLIENT_SECRET, type GraphSimulator, startGraphSimulator } from "@uslimato/simulators";
import { createConnection } from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";
import { addEntraOnSimulator } from "./fixtures/simulator-entra";

const SERVER = process.env.USLIMATO_TEST_MYSQL ?? "mysql://root@127.0.0.1:3306";
const name = `cli_${randomBytes(5).toString("hex")}`;
const PASSWORD = `pw-${randomBytes(12).toString("hex")}`;

describe("uslimato with --database mysql:// (the password sealed, never in clear)", () => {
  let sim: GraphSimulator;
  let home: string;
  const url = new URL(SERVER);
  const database = `mysql://${name}@${url.host}/${name}`;
  const cli = async (args: string[]) => {
    const cap = captureIo({ homeDir: home, env: { ENTRA_SECRET: DEFAULT_CLIENT_SECRET, DB_PW: PASSWORD } });
    const code = await runCli(args, { io: cap.io });
    expect(cap.all()).not.toContain(PASSWORD);
    return { code, out: cap.stdout(), err: cap.stderr() };
  };
  const admin = async (sql: string) => {
    const connection = await createConnection({ uri: SERVER });
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };

  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 120, seed: 4 } });
    home = await mkdtemp(join(tmpdir(), "usl-my-"));
    await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
    await admin(`CREATE USER '${name}'@'%' IDENTIFIED BY '${PASSWORD}'`);
    await admin(`GRANT ALL ON \`${name}\`.* TO '${name}'@'%'`);
    await admin(`CREATE DATABASE \`${name}_demo\` CHARACTER SET utf8mb4`);
  });
  afterAll(async () => {
    await sim?.close();
    await admin(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin(`DROP DATABASE IF EXISTS \`${name}_demo\``);
    await admin(`DROP USER IF EXISTS '${name}'@'%'`);
  });

  it("refuses a password in the URL, seals one from the environment, then adds, syncs and logs", async () => {
    const inClear = `mysql://${name}:${PASSWORD}@${url.host}/${name}`;
    expect((await cli(["init", "--database", inClear])).code).toBe(2);
    const init = await cli(["init", "--database", database, "--database-password-from-env", "DB_PW"]);
    expect(init.err).toBe("");
    expect(init.code).toBe(0);
    const config = await readFile(join(home, ".uslimato", "config.json"), "utf8");
    expect(config).not.toContain(PASSWORD);
    expect(JSON.parse(config).databasePassword).toMatchObject({ keyId: "k1" });
    const added = await cli(addEntraOnSimulator(sim, "ENTRA_SECRET"));
    expect(added.err).toBe("");
    const id = JSON.parse(added.out).id as string;
    expect((await cli(["sync", id])).code).toBe(0);
    const logs = JSON.parse((await cli(["logs", id, "--json"])).out) as SyncLog[];
    expect(logs[0]).toMatchObject({ status: "success", counts: { created: 120 } });
  });

  it("runs the demo on MySQL/MariaDB with --database", async () => {
    const demo = await cli(["demo", "--users", "60", "--json", "--database", `${SERVER}/${name}_demo`]);
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.out)).toMatchObject({ ok: true });
  });
});
