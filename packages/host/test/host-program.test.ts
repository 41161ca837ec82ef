import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createEntraConnector } from "@uslimato/connector-entra";
import { createHub } from "@uslimato/core";
import { createCredentialStore, generateKey, keyRingFromEnv } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import { startGraphSimulator } from "@uslimato/simulators";
import { createPostgresStorage } from "@uslimato/storage-postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { adminQuery, createSimulatedEntra, databaseUrl, randomName } from "./support/entra-setup";

// Issue 21: the 20-line Express + PostgreSQL + webhooks program of docs/getting-started.md, run as it is written.
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const generated = join(here, ".generated");

function hostProgram(): string {
  const doc = readFileSync(join(root, "docs", "getting-started.md"), "utf8");
  const match = /<!-- host-program[^>]*-->\s*```ts\n([\s\S]*?)```/.exec(doc);
  if (!match?.[1]) throw new Error("the host program is missing from docs/getting-started.md");
  return match[1];
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const database = randomName();
const url = databaseUrl(database);
const keys = `k1:${generateKey().toString("base64")}`;
let sim: Awaited<ReturnType<typeof startGraphSimulator>>;
let child: ChildProcess | undefined;

beforeAll(async () => {
  await adminQuery(`CREATE DATABASE "${database}"`);
  sim = await startGraphSimulator({ modelOptions: { users: 150, seed: 5 } });
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await sim?.close();
  rmSync(generated, { recursive: true, force: true });
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

it("runs the docs' host program: subscriptions, a webhook-triggered sync, and a graceful SIGTERM", async () => {
  // What the host's admin UI would have done: an integration, and its first full sync.
  const storage = await createPostgresStorage({ connectionString: url });
  const hub = createHub({
    storage,
    vault: createCredentialStore({ keyRing: keyRingFromEnv(keys) }),
    connectors: [createEntraConnector()],
    mapping: fieldMappingEngine(),
  });
  const id = await createSimulatedEntra(hub, sim);
  expect((await hub.syncNow(id)).status).toBe("success");

  mkdirSync(generated, { recursive: true });
  const file = join(generated, "host-program.ts");
  writeFileSync(file, hostProgram());
  const port = await freePort();
  let output = "";
  child = spawn(join(root, "node_modules", ".bin", "tsx"), ["--conditions=@uslimato/source", file], {
    cwd: generated,
    env: {
      ...process.env,
      DATABASE_URL: url,
      USLIMATO_KEYS: keys,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));

  // The program subscribes at start; Graph's validation handshake reaches its Express route.
  const subscription = await until("a subscription", () =>
    sim.subscriptions().find((s) => s.notificationUrl === `http://127.0.0.1:${port}/webhooks/entra`),
  );
  expect(subscription.resource).toBe("users");

  // A change in the tenant: Graph notifies, the program syncs the change (debounced, incremental).
  const [first] = [...sim.model.listUsers()];
  sim.model.updateUser(first!.id, { displayName: "Renamed By Webhook" });
  await sim.flushNotifications();
  const log = await until("a webhook-triggered sync", async () =>
    (await hub.syncLogs(id)).find((l) => l.trigger === "webhook" && l.finishedAt !== null),
  );
  expect(log).toMatchObject({ status: "success", mode: "incremental" });
  expect(log.counts.updated).toBe(1);

  child.kill("SIGTERM");
  expect(await exited, output).toBe(0);
  expect((await hub.syncLogs(id)).every((l) => l.finishedAt !== null)).toBe(true);
  await storage.close();
}, 60_000);
