import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createSqliteStorage } from "@uslimato/storage-sqlite";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const offline = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith("ENTRA_")),
);

/** Runs the quickstart the way `pnpm start` does, without a real tenant's variables. */
async function runQuickstart(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [tsx, "--conditions=@uslimato/source", "src/main.ts", ...args],
    { cwd: root, env: offline, timeout: 30_000 },
  );
  return stdout;
}

describe("entra-quickstart", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("tests the connection and syncs the simulated tenant into memory", async () => {
    const out = await runQuickstart("--users", "300");
    expect(out).toContain("against the Graph simulator");
    expect(out).toContain("clientSecret configured=true");
    expect(out).toContain("test connection: ok");
    expect(out).toMatch(/manual full success processed=300 created=300 .* failed=0/);
  });

  it("keeps everything in one SQLite file with --sqlite, and a second run links the same users", async () => {
    const dir = await mkdtemp(join(tmpdir(), "quickstart-"));
    dirs.push(dir);
    const file = join(dir, "hub.db");
    expect(await runQuickstart("--sqlite", file, "--users", "200")).toMatch(
      /success processed=200 created=200/,
    );
    expect(await runQuickstart("--sqlite", file, "--users", "200")).toMatch(
      /success processed=200 created=0 updated=200 /,
    );

    const storage = createSqliteStorage({ filename: file });
    try {
      const users = await storage.inspect.listUsers({ limit: 1000 });
      expect(users).toHaveLength(200);
      expect(users.every((u) => u.role === "viewer" && u.hgeIdAccountId === null)).toBe(true);
      expect(await storage.integrations.list({})).toHaveLength(2);
    } finally {
      await storage.close();
    }
  });

  it("--intune also sweeps the tenant's managed devices, owned by the Entra users it synced", async () => {
    const out = await runQuickstart("--users", "100", "--intune");
    // The simulator's default: 80 devices for 100 users, every tenth one userless.
    expect(out).toContain("intune: full success devices=80 owned by synced users=72");
  });
});
