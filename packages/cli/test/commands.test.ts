import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMMANDS, runCli } from "@uslimato/cli";
import type { IntegrationView, SyncLog } from "@uslimato/core";
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type GraphSimulator,
  startGraphSimulator,
} from "@uslimato/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";

describe("uslimato commands against the Graph simulator", () => {
  let sim: GraphSimulator;
  let home: string;
  let id = "";
  const env = { ENTRA_SECRET: DEFAULT_CLIENT_SECRET };
  const cli = async (args: string[], extra: { stdin?: string; env?: Record<string, string> } = {}) => {
    const cap = captureIo({
      homeDir: home,
      env: { ...env, ...extra.env },
      ...(extra.stdin !== undefined ? { stdin: extra.stdin } : {}),
    });
    const code = await runCli(args, { io: cap.io });
    expect(cap.all()).not.toContain(DEFAULT_CLIENT_SECRET);
    return { code, out: cap.stdout(), err: cap.stderr() };
  };
  const endpoints = () => ["--authority-host", sim.url, "--graph-base-url", `${sim.url}/v1.0`];

  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 250, seed: 3 } });
    home = await mkdtemp(join(tmpdir(), "usl-cli-"));
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("before init: a configuration error (3) that says to run init", async () => {
    const { code, err } = await cli(["integrations", "list"]);
    expect(code).toBe(3);
    expect(err).toContain("uslimato init");
  });

  it("init writes the config and a 0600 key ring with a generated key", async () => {
    const { code, out } = await cli(["init", "--plan", "professional"]);
    expect(code).toBe(0);
    expect(out).toContain("config.json");
    const ringPath = join(home, ".uslimato", "keys.json");
    expect((await stat(ringPath)).mode & 0o777).toBe(0o600);
    const ring = JSON.parse(await readFile(ringPath, "utf8"));
    expect(ring).toMatchObject({ format: "uslimato-key-ring/1", activeKeyId: "k1" });
    expect(Buffer.from(ring.keys[0].key, "base64")).toHaveLength(32);
    expect((await cli(["init"])).code).toBe(3);
  });

  it("refuses a secret on argv (2), in a flag or inside --settings", async () => {
    for (const flag of [`--client-secret=${DEFAULT_CLIENT_SECRET}`, "--clientSecret", "--password=x"]) {
      const { code, err } = await cli(["integrations", "add", "entra", flag]);
      expect(code).toBe(2);
      expect(err).toContain("never read from the command line");
    }
    const inSettings = await cli([
      "integrations",
      "add",
      "entra",
      "--settings",
      `{"clientSecret":"${DEFAULT_CLIENT_SECRET}"}`,
    ]);
    expect(inSettings.code).toBe(2);
  });

  it("add with the secret from an environment variable; only 'configured' is shown", async () => {
    const { code, out } = await cli([
      "integrations",
      "add",
      "entra",
      "--name",
      "Simulated Entra",
      "--tenant-id",
      sim.tenantId,
      "--client-id",
      DEFAULT_CLIENT_ID,
      ...endpoints(),
      "--secret-from-env",
      "ENTRA_SECRET",
      "--json",
    ]);
    expect(code).toBe(0);
    const view = JSON.parse(out) as IntegrationView;
    id = view.id;
    expect(view.intervalMinutes).toBe(60);
    expect(view.secrets).toEqual([
      { name: "clientSecret", configured: true, updatedAt: expect.any(String) },
      { name: "certificatePrivateKey", configured: false, updatedAt: null },
    ]);
  });

  it("add without a secret source and without a TTY is a usage error naming the options", async () => {
    const { code, err } = await cli([
      "integrations",
      "add",
      "entra",
      "--tenant-id",
      sim.tenantId,
      "--client-id",
      DEFAULT_CLIENT_ID,
    ]);
    expect(code).toBe(2);
    expect(err).toContain("--secret-from-env");
  });

  it("list and show never print a secret, in tables or JSON", async () => {
    const list = await cli(["integrations", "list"]);
    expect(list.out).toContain("clientSecret: configured");
    const show = await cli(["integrations", "show", id]);
    expect(show.out).toMatch(/clientSecret\s+configured/);
    const json = await cli(["integrations", "show", id, "--json"]);
    expect(JSON.parse(json.out).id).toBe(id);
  });

  it("test passes (0); sync prints plain progress and the log; logs --json returns the runs", async () => {
    expect((await cli(["test", id])).out).toContain("Connection OK");
    const sync = await cli(["sync", id]);
    expect(sync.code).toBe(0);
    expect(sync.out).toMatch(/pages \d+\s+users 250/);
    expect(sync.out.includes("\r") || sync.out.includes("\u001b[")).toBe(false);
    sim.model.addUser({
      displayName: "Late Arrival",
      mail: `late.arrival@${sim.model.domain}`,
      accountEnabled: true,
    });
    expect((await cli(["sync", id])).code).toBe(0);
    const logs = await cli(["logs", id, "--json"]);
    const runs = JSON.parse(logs.out) as SyncLog[];
    expect(runs.map((r) => [r.mode, r.counts.created])).toEqual([
      ["incremental", 1],
      ["full", 250],
    ]);
    expect((await cli(["logs", id])).out).toMatch(/manual\s+incremental\s+success/);
  });

  it("colors only on a terminal, and never with NO_COLOR or --no-color", async () => {
    const onTerminal = async (args: string[], env: Record<string, string> = {}) => {
      const cap = captureIo({ homeDir: home, env, tty: true });
      expect(await runCli(args, { io: cap.io })).toBe(0);
      return cap.stdout();
    };
    expect(await onTerminal(["logs", id])).toContain("\u001b[32msuccess");
    expect(await onTerminal(["logs", id], { NO_COLOR: "1" })).not.toContain("\u001b[");
    expect(await onTerminal(["logs", id, "--no-color"])).not.toContain("\u001b[");
    expect((await cli(["logs", id])).out).not.toContain("\u001b[");
  });

  it("keys rotate re-wraps every secret to the new key; --retire drops the unused old one; sync still works", async () => {
    const first = await cli(["keys", "rotate", "--json"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({
      activeKeyId: "k2",
      rewrapped: 1,
      failed: [],
      usage: { k2: 1, k1: 0 },
    });
    const second = await cli(["keys", "rotate", "--retire", "--json"]);
    expect(JSON.parse(second.out)).toMatchObject({
      activeKeyId: "k3",
      usage: { k3: 1 },
      retired: ["k2", "k1"],
    });
    const ring = JSON.parse(await readFile(join(home, ".uslimato", "keys.json"), "utf8"));
    expect(ring.keys.map((k: { id: string }) => k.id)).toEqual(["k3"]);
    expect((await cli(["test", id])).code).toBe(0);
  });

  it("a key ring that cannot open the stored secrets stops every command at start-up (3)", async () => {
    const ringPath = join(home, ".uslimato", "keys.json");
    const ring = await readFile(ringPath, "utf8");
    const parsed = JSON.parse(ring);
    parsed.keys[0].key = Buffer.alloc(32, 7).toString("base64");
    await writeFile(ringPath, JSON.stringify(parsed), { mode: 0o600 });
    try {
      for (const args of [
        ["integrations", "list"],
        ["sync", id],
      ]) {
        const { code, err } = await cli(args);
        expect(code).toBe(3);
        expect(err).toContain("KEY_RING_CANNOT_OPEN_STORED");
        expect(err).toContain(`${parsed.keys[0].id} (1 secrets)`);
      }
    } finally {
      await writeFile(ringPath, ring, { mode: 0o600 });
    }
    expect((await cli(["integrations", "list"])).code).toBe(0);
  });

  it("a wrong secret (from stdin) makes the connection test fail with exit code 4", async () => {
    const update = await cli(["integrations", "update", id, "--secret-stdin"], { stdin: "wrong-secret\n" });
    expect(update.code).toBe(0);
    const test = await cli(["test", id]);
    expect(test.code).toBe(4);
    expect(test.out).toContain("What to do");
    await cli(["integrations", "update", id, "--secret-from-env", "ENTRA_SECRET"]);
    expect((await cli(["test", id])).code).toBe(0);
  });

  it("update checks the interval against the plan (3); disable, enable and remove", async () => {
    expect((await cli(["integrations", "update", id, "--interval", "30"])).code).toBe(3);
    expect((await cli(["integrations", "update", id, "--interval", "120", "--json"])).out).toContain(
      '"intervalMinutes": 120',
    );
    expect((await cli(["integrations", "disable", id])).out).toContain("disabled");
    expect((await cli(["integrations", "enable", id])).out).toContain("enabled");
    expect((await cli(["integrations", "remove", id])).code).toBe(0);
    expect((await cli(["integrations", "show", id])).code).toBe(3);
  });

  it("--help everywhere lists the exit codes; unknown commands and flags are usage errors", async () => {
    for (const args of [
      ["--help"],
      ["sync", "--help"],
      ["integrations", "add", "--help"],
      ["keys", "rotate", "-h"],
    ]) {
      const { code, out } = await cli(args);
      expect(code).toBe(0);
      expect(out).toContain("4  the connection test failed");
    }
    for (const command of COMMANDS) {
      const { code, out } = await cli([...command.name.split(" "), "--help"]);
      expect(code, command.name).toBe(0);
      expect(out).toContain(`uslimato ${command.name}`);
      expect(out).toContain("--config PATH");
      expect(out).toContain("3  configuration error");
    }
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["sync"])).code).toBe(2);
    expect((await cli(["logs", "x", "--bogus"])).code).toBe(2);
  });
});
