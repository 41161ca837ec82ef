import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import { expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";

it("demo --serve ends by printing the console's address and serves the demo's data until stopped", async () => {
  const cap = captureIo({ homeDir: await mkdtemp(join(tmpdir(), "usl-home-")) });
  const running = runCli(["demo", "--users", "40", "--serve", "--port", "0"], { io: cap.io });
  await expect.poll(() => cap.stdout(), { timeout: 60_000 }).toMatch(/console\s+http/);
  const url = /console\s+(http\S+)/.exec(cap.stdout())?.[1] ?? "";
  const { origin, hash } = new URL(url);
  const token = decodeURIComponent(/token=(.+)$/.exec(hash)?.[1] ?? "");
  expect(cap.stdout()).toContain("✓ demo complete");
  expect(cap.stdout().indexOf(url)).toBeGreaterThan(cap.stdout().indexOf("✓ demo complete"));

  const page = await fetch(`${origin}/`);
  expect(page.headers.get("content-type")).toMatch(/^text\/html/);
  expect(await page.text()).toContain("<main");
  const auth = { authorization: `Bearer ${token}` };
  const [integration] = (await (
    await fetch(`${origin}/api/integrations`, { headers: auth })
  ).json()) as Array<{
    id: string;
  }>;
  const logs = (await (
    await fetch(`${origin}/api/integrations/${integration?.id}/logs`, { headers: auth })
  ).json()) as Array<{ status: string; trigger: string }>;
  expect(logs.length).toBeGreaterThanOrEqual(3);
  expect(logs.every((log) => log.status === "success")).toBe(true);
  // The simulator still answers: a sync now runs against it.
  const started = await fetch(`${origin}/api/integrations/${integration?.id}/sync`, {
    method: "POST",
    headers: auth,
  });
  expect(started.status).toBe(202);
  await expect
    .poll(async () => {
      const [latest] = (await (
        await fetch(`${origin}/api/integrations/${integration?.id}/logs?limit=1`, { headers: auth })
      ).json()) as Array<{
        trigger: string;
        status: string;
      }>;
      return `${latest?.trigger} ${latest?.status}`;
    })
    .toBe("manual success");

  cap.shutdown();
  expect(await running).toBe(0);
  await expect(fetch(`${origin}/`)).rejects.toThrow();
});
