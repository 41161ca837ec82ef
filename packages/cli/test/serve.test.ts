import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import type { SyncLog } from "@uslimato/core";
import { DEFAULT_CLIENT_ID, type GraphSimulator, startGraphSimulator } from "@uslimato/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";

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

  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 120, seed: 5 } });
    home = await mkdtemp(join(tmpdir(), "usl-serve-"));
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("subscribes, answers the handshake and health, syncs on a notification, and stops on a signal", async () => {
    await cli(["init"]);
    const added = await cli([
      "integrations",
      "add",
      "entra",
      "--tenant-id",
      sim.tenantId,
      "--client-id",
      DEFAULT_CLIENT_ID,
      "--authority-host",
      sim.url,
      "--graph-base-url",
      `${sim.url}/v1.0`,
      "--secret-from-env",
      "ENTRA_SECRET",
      "--json",
    ]);
    const id = JSON.parse(added.out).id as string;
    expect((await cli(["sync", id])).code).toBe(0);

    const cap = captureIo({ homeDir: home, env });
    const serving = runCli(["serve", "--port", "0", "--subscribe"], { io: cap.io });
    await until(() => cap.stdout().includes("listening on"), "the server");
    const base = /listening on (\S+)/.exec(cap.stdout())?.[1] ?? "";
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
});
