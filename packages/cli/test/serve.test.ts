import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import type { SyncLog } from "@uslimato/core";
import { type GraphSimulator, startGraphSimulator } from "@uslimato/simulators";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { captureIo } from "./fixtures/capture-io";
import { addEntraOnSimulator } from "./fixtures/simulator-entra";

const until = async (check: () => boolean | Promise<boolean>, what: string) => {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("uslimato serve", () => {
  let sim: GraphSimulator;
  let home: string;
  const env = { ENTRA_SECRET: "sim-secret~not-a-real-credential" };
  const cli = async (args: string[]) => {
    const cap = captureIo({ homeDir: home, env });
    return { code: await runCli(args, { io: cap.io }), out: cap.stdout() };
  };

  /** `init`, an Entra integration against `sim`, a first sync, then `serve --subscribe` until it listens. */
  const serveAfterFirstSync = async (sim: GraphSimulator) => {
    await cli(["init"]);
    const added = await cli(addEntraOnSimulator(sim, "ENTRA_SECRET"));
    const id = JSON.parse(added.out).id as string;
    expect((await cli(["sync", id])).code).toBe(0);
    const cap = captureIo({ homeDir: home, env });
    const serving = runCli(["serve", "--port", "0", "--subscribe"], { io: cap.io });
    await until(() => cap.stdout().includes("listening on"), "the server");
    const base = /listening on (\S+)/.exec(cap.stdout())?.[1] ?? "";
    return { id, cap, serving, base };
  };

  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 120, seed: 5 } });
    home = await mkdtemp(join(tmpdir(), "usl-serve-"));
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("subscribes, answers the handshake and health, syncs on a notification, and stops on a signal", async () => {
    const { id, cap, serving, base } = await serveAfterFirstSync(sim);
    expect(await (await fetch(`${base}/health`)).text()).toBe("ok");
    const handshake = await fetch(`${base}/notifications?validationToken=abc%20123`, { method: "POST" });
    expect(await handshake.text()).toBe("abc 123");
    await until(() => sim.subscriptions().length === 1, "the subscription");

    const [user] = sim.model.listUsers();
    sim.model.updateUser(user?.id ?? "", { displayName: "Changed While Serving" });
    await sim.flushNotifications();
    await until(() => cap.stderr().includes("trigger=webhook"), "the webhook-triggered sync");

    cap.shutdown();
    expect(await serving).toBe(0);
    expect(cap.stdout()).toContain("stopped");
    const logs = JSON.parse((await cli(["logs", id, "--json"])).out) as SyncLog[];
    expect(logs[0]).toMatchObject({ trigger: "webhook", status: "success", counts: { updated: 1 } });
  });

  it("a signal during a webhook-triggered sync lets it finish before storage closes; later notifications get 503", async () => {
    // Its own tenant and home: Graph holds one subscription per resource and app.
    const sim = await startGraphSimulator({ modelOptions: { users: 80, seed: 6 } });
    onTestFinished(() => sim.close());
    home = await mkdtemp(join(tmpdir(), "usl-serve-"));
    const { id, cap, serving, base } = await serveAfterFirstSync(sim);
    await until(() => sim.subscriptions().length === 1, "the subscription");

    // The delta read of the webhook-triggered sync answers slowly: the signal arrives while it runs.
    const slow = sim.faults.inject({ kind: "slow", match: "/v1.0/users/delta", delayMs: 1_500, times: 1 });
    const [user] = sim.model.listUsers();
    sim.model.updateUser(user?.id ?? "", { displayName: "Changed During Shutdown" });
    await sim.flushNotifications();
    await until(() => /sync started .*trigger=webhook/.test(cap.stderr()), "the webhook-triggered sync");
    expect(cap.stderr()).not.toMatch(/sync finished .*trigger=webhook/);
    cap.shutdown();
    await until(() => cap.stderr().includes("shutting down"), "the shutdown");
    const late = await fetch(`${base}/notifications`, { method: "POST", body: "{}" });
    expect(late.status).toBe(503);
    expect(await serving).toBe(0);
    expect(slow.fired).toBe(1);
    expect(cap.stderr()).toContain("webhookSyncs=1");
    expect(cap.stderr()).toMatch(/sync finished .*trigger=webhook status=success/);
    const logs = JSON.parse((await cli(["logs", id, "--json"])).out) as SyncLog[];
    expect(logs[0]).toMatchObject({ trigger: "webhook", status: "success", counts: { updated: 1 } });
  });

  it("serves the admin API with a token generated for the run and printed once; refuses requests without it", async () => {
    home = await mkdtemp(join(tmpdir(), "usl-serve-"));
    await cli(["init"]);
    const cap = captureIo({ homeDir: home, env });
    const serving = runCli(["serve", "--port", "0"], { io: cap.io });
    await until(() => cap.stdout().includes("admin token"), "the server");
    const base = /listening on (\S+)/.exec(cap.stdout())?.[1] ?? "";
    const token = /admin token \(generated for this run, shown once\): (\S+)/.exec(cap.stdout())?.[1] ?? "";
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(cap.stdout().split(token)).toHaveLength(2);
    expect((await fetch(`${base}/api/integrations`)).status).toBe(401);
    const listed = await fetch(`${base}/api/integrations`, { headers: { authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual([]);
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toBe("3.1.0");
    cap.shutdown();
    expect(await serving).toBe(0);
    expect(cap.stderr()).not.toContain(token);
  });
});
