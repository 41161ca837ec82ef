import { access, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";

const BASE_URL = process.env.USLIMATO_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `cli_pw_${process.pid}_${Date.now().toString(36)}`;
const PASSWORD = "Db-Pa55word-never-in-clear";

const withPassword = (url: string, password: string) => {
  const u = new URL(url);
  u.password = password;
  return u.href;
};

describe("the database password is sealed or refused, never stored in clear (issue 15 item 13)", () => {
  let home: string;
  const database = `${BASE_URL}?schema=${schema}`;
  const configPath = () => join(home, ".uslimato", "config.json");
  const cli = async (args: string[], stdin?: string) => {
    const cap = captureIo({ homeDir: home, env: { DB_PW: PASSWORD }, ...(stdin ? { stdin } : {}) });
    const code = await runCli(args, { io: cap.io });
    expect(cap.all()).not.toContain(PASSWORD);
    return { code, out: cap.stdout(), err: cap.stderr() };
  };

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), "usl-dbpw-"));
  });
  afterAll(async () => {
    const pool = new pg.Pool({ connectionString: BASE_URL });
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });

  it("init --database postgres://user:password@... is refused (2) and writes nothing", async () => {
    const { code, err } = await cli(["init", "--database", withPassword(database, PASSWORD)]);
    expect(code).toBe(2);
    expect(err).toContain("--database-password-from-env");
    await expect(access(configPath())).rejects.toThrow();
    // Every other command refuses it as an override too.
    expect((await cli(["integrations", "list", `--database=${withPassword(database, PASSWORD)}`])).code).toBe(
      2,
    );
  });

  it("a password from the environment is sealed with the key ring into config.json; commands open it", async () => {
    const init = await cli([
      "init",
      "--database",
      database,
      "--database-password-from-env",
      "DB_PW",
      "--json",
    ]);
    expect(init.err).toBe("");
    expect(init.code).toBe(0);
    const text = await readFile(configPath(), "utf8");
    expect(text).not.toContain(PASSWORD);
    const config = JSON.parse(text);
    expect(config.database).toBe(database);
    expect(config.databasePassword).toMatchObject({ keyId: "k1", envelope: expect.any(String) });
    expect((await cli(["integrations", "list", "--json"])).code).toBe(0);
  });

  it("keys rotate --retire re-seals it with the new key, so retiring the old one strands nothing", async () => {
    const rotated = await cli(["keys", "rotate", "--retire", "--json"]);
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.out)).toMatchObject({ databasePasswordRewrapped: true, retired: ["k1"] });
    const text = await readFile(configPath(), "utf8");
    expect(text).not.toContain(PASSWORD);
    expect(JSON.parse(text).databasePassword.keyId).toBe("k2");
    expect((await cli(["integrations", "list"])).code).toBe(0);
  });

  it("a password from stdin is sealed the same way", async () => {
    const init = await cli(
      ["init", "--force", "--database", database, "--database-password-stdin", "--json"],
      `${PASSWORD}\n`,
    );
    expect(init.code).toBe(0);
    const text = await readFile(configPath(), "utf8");
    expect(text).not.toContain(PASSWORD);
    expect(JSON.parse(text).databasePassword.envelope).toEqual(expect.any(String));
  });

  it("a config file holding a password in clear is a configuration error (3) that never echoes it", async () => {
    const config = JSON.parse(await readFile(configPath(), "utf8"));
    await writeFile(configPath(), JSON.stringify({ ...config, database: withPassword(database, PASSWORD) }));
    const { code, err } = await cli(["integrations", "list"]);
    expect(code).toBe(3);
    expect(err).toContain("CLI_CONFIG_INVALID");
    expect(err).toContain("database: holds a password in clear");
  });
});
