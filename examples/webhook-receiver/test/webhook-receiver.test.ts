import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { webhookRoundTrip } from "../src/webhook-round-trip";

describe.each(["hono", "node"] as const)("webhook receiver mounted with %s", (adapter) => {
  it("answers the handshake, accepts the notification and runs one webhook-triggered sync", async () => {
    const trip = await webhookRoundTrip({ adapter, users: 150 });
    expect(trip.notificationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graph\/notifications$/);
    expect(trip.firstSync).toMatchObject({ status: "success", mode: "full", counts: { created: 150 } });
    expect(trip.validated).toBe(true);
    expect(trip.subscriptions.map((s) => s.resource)).toEqual(["users"]);
    expect(trip.webhookSync).toMatchObject({
      trigger: "webhook",
      mode: "incremental",
      status: "success",
      counts: { updated: 1, created: 0, failed: 0 },
    });
  });
});

describe("webhook-receiver start script", () => {
  it("prints the round trip", async () => {
    const tsx = createRequire(import.meta.url).resolve("tsx/cli");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [tsx, "--conditions=@uslimato/source", "src/main.ts", "--node", "--users", "50"],
      { cwd: fileURLToPath(new URL("..", import.meta.url)), timeout: 30_000 },
    );
    expect(stdout).toContain("receiver (node) listening at http://127.0.0.1:");
    expect(stdout).toContain("handshake ok: true");
    expect(stdout).toContain("webhook-triggered sync: webhook incremental success, 1 updated");
  });
});
