import { existsSync } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "@uslimato/cli";
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type GraphSimulator,
  startGraphSimulator,
} from "@uslimato/simulators";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";

/**
 * The reference console in a real headless Chromium (Debian's, driven by playwright-core): configure an
 * integration against the Graph simulator, test it, sync now, read the log. Screenshots of each page go to
 * test/artifacts/ (git-ignored). `.ci/run` installs Chromium; elsewhere the suite is skipped with a message.
 */
const CHROMIUM = process.env.USLIMATO_CHROMIUM ?? "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env.CI && process.env.USLIMATO_SKIP_BROWSER !== "1")
  throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install -y chromium)`);
if (!available)
  process.stderr.write(
    `console browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`,
  );

const ARTIFACTS = fileURLToPath(new URL("./artifacts/", import.meta.url));
const TOKEN = "browser-test-admin-token-0123456789";

describe.skipIf(!available)("the admin console in headless Chromium", () => {
  let sim: GraphSimulator;
  let browser: Browser;
  let page: Page;
  let base = "";
  let stop: (() => void) | undefined;
  let serving: Promise<number> | undefined;
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    sim = await startGraphSimulator({ modelOptions: { users: 400, seed: 11 } });
    const home = await mkdtemp(join(tmpdir(), "usl-console-"));
    const env = { USLIMATO_ADMIN_TOKEN: TOKEN };
    expect(await runCli(["init"], { io: captureIo({ homeDir: home, env }).io })).toBe(0);
    const cap = captureIo({ homeDir: home, env });
    serving = runCli(["serve", "--port", "0"], { io: cap.io });
    stop = cap.shutdown;
    for (let i = 0; i < 300 && !cap.stdout().includes("console"); i++)
      await new Promise((r) => setTimeout(r, 50));
    base = /console\s+(\S+)\//.exec(cap.stdout())?.[1] ?? "";
    expect(cap.stdout()).not.toContain(TOKEN);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    stop?.();
    await serving;
    await sim?.close();
  });

  it("asks for the admin token and refuses a wrong one", async () => {
    await page.goto(`${base}/`);
    await page.getByLabel("Admin token").fill("not-the-token-at-all-123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("refused");
    await shot("0-sign-in");
    await page.getByLabel("Admin token").fill(TOKEN);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Integrations", level: 1 }).waitFor();
  });

  it("shows a tile per connector and configures one from its JSON Schema form, field errors first", async () => {
    const tile = page.getByRole("listitem").filter({ hasText: "Microsoft Entra ID" });
    await tile.getByText("Not configured").waitFor();
    await shot("1-integrations-empty");
    await tile.getByRole("button", { name: "Configure" }).click();
    const dialog = page.getByRole("dialog", { name: "Configure Microsoft Entra ID" });
    await dialog.getByLabel("Tenant ID (required)").fill(sim.tenantId);
    await dialog.getByLabel("Client ID (required)").fill("not-a-guid");
    await dialog.getByLabel("Client secret").fill(DEFAULT_CLIENT_SECRET);
    await dialog.getByRole("combobox", { name: "Sync scope" }).selectOption("usersAndGroups");
    await dialog.getByLabel("Sync interval (minutes) (required)").fill("10");
    await dialog.getByText("Advanced settings").click();
    // Core's form hints: titled options, and the certificate key asked for only with a certificate credential.
    const key = dialog.getByLabel("Certificate private key (PEM)");
    expect(await key.isVisible()).toBe(false);
    const credential = dialog.getByRole("combobox", { name: "Authentication" });
    await credential.selectOption({ label: "Certificate" });
    await key.waitFor();
    await credential.selectOption({ label: "Client secret" });
    await key.waitFor({ state: "hidden" });
    const endpoints = dialog.getByRole("group", { name: "Endpoints" });
    await endpoints.getByLabel("Authority host (required)").fill(sim.authorityHost);
    await endpoints.getByLabel("Graph base URL (required)").fill(`${sim.graphBaseUrl}/v1.0`);
    await endpoints.getByLabel("Token scope").fill("https://graph.microsoft.com/.default");
    await dialog.getByRole("button", { name: "Create" }).click();
    // The API's issues land next to their fields.
    await expect
      .poll(() => dialog.getByLabel("Client ID (required)").getAttribute("aria-invalid"))
      .toBe("true");
    await expect.poll(() => dialog.getByText(/Application \(client\) ID/).count()).toBeGreaterThan(0);
    await expect.poll(() => dialog.getByText(/at least|minimum|30/).count()).toBeGreaterThan(0);
    await shot("2-configure-errors");
    await dialog.getByLabel("Client ID (required)").fill(DEFAULT_CLIENT_ID);
    await dialog.getByLabel("Sync interval (minutes) (required)").fill("60");
    await shot("3-configure-dialog");
    await dialog.getByRole("button", { name: "Create" }).click();
    await page.getByRole("heading", { name: "Microsoft Entra ID", level: 1 }).waitFor();
    const configuration = page.getByRole("region", { name: "Configuration" });
    await configuration.getByText("configured", { exact: true }).first().waitFor();
    expect(await page.content()).not.toContain(DEFAULT_CLIENT_SECRET);
  });

  it("tests the connection: the steps; with a wrong secret, the failed step, the remedy and the diagnosis", async () => {
    await page.getByRole("button", { name: "Test connection" }).click();
    const result = page.locator("#test-result");
    await result.getByText("Connection OK").waitFor();
    expect(await result.getByRole("listitem").count()).toBeGreaterThan(1);
    await shot("4-test-connection-ok");

    await page.getByRole("button", { name: "Configure" }).click();
    const dialog = page.getByRole("dialog", { name: "Configure Microsoft Entra ID" });
    expect(await dialog.getByLabel(/Client secret/).inputValue()).toBe("");
    expect(await dialog.getByLabel(/Client secret/).getAttribute("placeholder")).toContain("Configured");
    await dialog.getByLabel(/Client secret/).fill("a-wrong-secret-for-the-test");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.getByRole("button", { name: "Test connection" }).click();
    await result.getByText("What to do:").waitFor();
    expect(await result.getByRole("definition").count()).toBeGreaterThan(1);
    await shot("5-test-connection-failed");

    await page.getByRole("button", { name: "Configure" }).click();
    await dialog.getByLabel(/Client secret/).fill(DEFAULT_CLIENT_SECRET);
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "detached" });
  });

  it("syncs now with a live progress bar, then reads the sync log with its counts", async () => {
    const slow = sim.faults.inject({ kind: "slow", match: "/v1.0/users", delayMs: 600, times: 2 });
    await page.getByRole("button", { name: "Sync now" }).click();
    await page
      .locator("#sync-text")
      .getByText(/Sync running|records processed/)
      .waitFor();
    await shot("6-sync-running");
    await page
      .locator("#sync-text")
      .getByText(/Sync success/)
      .waitFor({ timeout: 20_000 });
    expect(slow.fired).toBeGreaterThan(0);
    const row = page.locator("tbody tr").first();
    await row.getByText("Success").waitFor();
    await shot("7-sync-log");
    const { users, groups } = sim.model.counts();
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(4, 9)).toEqual([String(users + groups), String(users + groups), "0", "0", "0"]);

    await page.getByRole("link", { name: "← Integrations" }).click();
    const tile = page.getByRole("listitem").filter({ hasText: "Microsoft Entra ID" });
    await tile.getByText("Success").waitFor();
    await shot("8-integrations-configured");
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await page.getByText("sync.finished").first().waitFor();
    await shot("9-audit-log");
    expect(await page.content()).not.toContain(DEFAULT_CLIENT_SECRET);
  });
});
