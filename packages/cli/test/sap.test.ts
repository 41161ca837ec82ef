import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import type { ConnectionTestResult, IntegrationView, SyncLog } from "@uslimato/core";
import { type SapSimulator, startSapSimulator } from "@uslimato/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";

const PASSWORD = `sap-${randomBytes(8).toString("hex")}`;
const OAUTH_SECRET = "sap-cli-oauth-secret-93b2";
const CERT = "-----BEGIN CERTIFICATE-----\nMIIBcli-test-certificate-body\n-----END CERTIFICATE-----";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIIEcli-test-private-key-body\n-----END PRIVATE KEY-----";
const SECRETS = [PASSWORD, OAUTH_SECRET, "cli-test-certificate-body", "cli-test-private-key-body"];

describe("uslimato integrations add sap, test and sync against the SAP simulator over HTTP", () => {
  let sim: SapSimulator;
  let home: string;
  const env = { SAP_PASSWORD: PASSWORD, SAP_OAUTH: OAUTH_SECRET, SAP_CERT: CERT, SAP_KEY: KEY };
  const cli = async (args: string[], extra: { stdin?: string } = {}) => {
    const cap = captureIo({
      homeDir: home,
      env,
      ...(extra.stdin !== undefined ? { stdin: extra.stdin } : {}),
    });
    const code = await runCli(args, {
      io: cap.io,
      runtime: { sapConnectorOptions: { retry: { baseDelayMs: 5, maxDelayMs: 50 }, timeoutMs: 10_000 } },
    });
    for (const secret of SECRETS) expect(cap.all()).not.toContain(secret);
    return { code, out: cap.stdout(), err: cap.stderr() };
  };
  const system = () => ["--base-url", sim.url, "--sap-client", "100"];
  const sources = ["--equipment", "--fixed-assets", "1010, 1710", "--employees", "businessPartner"];

  beforeAll(async () => {
    sim = await startSapSimulator({
      password: PASSWORD,
      oauth: { clientId: "CLI_CLIENT", clientSecret: OAUTH_SECRET },
      modelOptions: { equipment: 120, fixedAssets: 40, employees: 60, seed: 5 },
    });
    home = await mkdtemp(join(tmpdir(), "usl-cli-sap-"));
    expect((await cli(["init", "--plan", "enterprise"])).code).toBe(0);
  });
  afterAll(async () => {
    await sim?.close();
  });

  it("basic logon: the password from the environment, the settings from flags; only 'configured' is shown", async () => {
    const add = await cli([
      "integrations",
      "add",
      "sap",
      "--name",
      "SAP (basic)",
      ...system(),
      "--username",
      "SIM_USER",
      ...sources,
      "--time-zone",
      "Europe/Berlin",
      "--page-size",
      "50",
      "--secret-from-env",
      "SAP_PASSWORD",
      "--json",
    ]);
    expect(add.err).toBe("");
    expect(add.code).toBe(0);
    const view = JSON.parse(add.out) as IntegrationView;
    expect(view).toMatchObject({
      connectorId: "sap",
      settings: {
        baseUrl: sim.url.replace(/\/+$/, ""),
        sapClient: "100",
        auth: "basic",
        username: "SIM_USER",
        systemTimeZone: "Europe/Berlin",
        pageSize: 50,
        sources: {
          equipment: {},
          fixedAssets: { companyCodes: ["1010", "1710"] },
          employees: { mode: "businessPartner" },
        },
      },
    });
    expect(view.secrets.filter((s) => s.configured).map((s) => s.name)).toEqual(["password"]);

    const test = await cli(["test", view.id]);
    expect(test.code).toBe(0);
    expect(test.out).toContain("Connection OK");
    expect(test.out).toMatch(/equipment/);

    const sync = await cli(["sync", view.id, "--json"]);
    expect(sync.code).toBe(0);
    const log = JSON.parse(sync.out) as SyncLog;
    expect(log).toMatchObject({ status: "success", mode: "full" });
    expect(log.countsByKind?.asset?.created).toBeGreaterThan(100);
    expect(log.countsByKind?.user?.created).toBeGreaterThan(30);

    sim.model.updateEquipment("10000003", { EquipmentName: "Renamed by the CLI test" });
    const again = await cli(["sync", view.id]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/incremental\s+success/);
    const show = await cli(["integrations", "show", view.id]);
    expect(show.out).toMatch(/password\s+configured/);
  });

  it("OAuth client credentials: the client secret from stdin; a wrong one fails the test with SAP's code (4)", async () => {
    const add = await cli(
      [
        "integrations",
        "add",
        "sap",
        ...system(),
        "--auth",
        "oauth",
        "--client-id",
        "CLI_CLIENT",
        "--employees",
        "businessPartner",
        "--secret-stdin",
        "--json",
      ],
      { stdin: `${OAUTH_SECRET}\n` },
    );
    expect(add.code).toBe(0);
    const view = JSON.parse(add.out) as IntegrationView;
    expect(view.settings).toMatchObject({
      auth: "oauthClientCredentials",
      oauth: { clientId: "CLI_CLIENT" },
    });
    expect(view.secrets.filter((s) => s.configured).map((s) => s.name)).toEqual(["clientSecret"]);
    expect((await cli(["test", view.id])).code).toBe(0);
    const sync = await cli(["sync", view.id, "--json"]);
    expect((JSON.parse(sync.out) as SyncLog).status).toBe("success");

    const update = await cli(["integrations", "update", view.id, "--secret-stdin"], {
      stdin: "wrong-secret",
    });
    expect(update.code).toBe(0);
    const failed = await cli(["test", view.id, "--json"]);
    expect(failed.code).toBe(4);
    expect(JSON.parse(failed.out) as ConnectionTestResult).toMatchObject({
      ok: false,
      code: "SAP_LOGON_FAILED",
    });
  });

  it("certificate logon takes two secrets, each named (clientCertificate=VAR, clientKey=VAR)", async () => {
    const add = await cli([
      "integrations",
      "add",
      "sap",
      "--base-url",
      "https://my300000-api.s4hana.cloud.sap",
      "--auth",
      "certificate",
      "--equipment",
      "--plants",
      "1010",
      "--owner-partner-function",
      "VW",
      "--secret-from-env",
      "clientCertificate=SAP_CERT",
      "--secret-from-env",
      "clientKey=SAP_KEY",
      "--json",
    ]);
    expect(add.err).toBe("");
    expect(add.code).toBe(0);
    const view = JSON.parse(add.out) as IntegrationView;
    expect(view.settings).toMatchObject({
      auth: "certificate",
      sources: { equipment: { plants: ["1010"], ownerPartnerFunction: "VW" } },
    });
    expect(view.secrets.filter((s) => s.configured).map((s) => s.name)).toEqual([
      "clientCertificate",
      "clientKey",
    ]);
    const missingKey = await cli([
      "integrations",
      "add",
      "sap",
      "--base-url",
      "https://my300000-api.s4hana.cloud.sap",
      "--auth",
      "certificate",
      "--equipment",
      "--secret-from-env",
      "clientCertificate=SAP_CERT",
    ]);
    expect(missingKey.code).toBe(2);
    expect(missingKey.err).toContain("clientKey=VAR");
  });

  it("refuses secrets on argv and in --settings (nested too), and bad flags with a usage error", async () => {
    for (const args of [
      ["--password=x"],
      ["--settings", JSON.stringify({ password: PASSWORD })],
      ["--settings", JSON.stringify({ oauth: { clientId: "c", clientSecret: OAUTH_SECRET } })],
    ]) {
      const { code, err } = await cli(["integrations", "add", "sap", ...system(), ...args]);
      expect(code).toBe(2);
      expect(err).toContain("never read from the command line");
    }
    const badAuth = await cli(["integrations", "add", "sap", ...system(), "--auth", "saml"]);
    expect(badAuth.code).toBe(2);
    expect(badAuth.err).toContain("--auth must be basic, oauth or certificate");
    const badUrl = await cli([
      "integrations",
      "add",
      "sap",
      "--base-url",
      "http://sap.example.com",
      "--username",
      "U",
      "--equipment",
      "--secret-from-env",
      "SAP_PASSWORD",
    ]);
    expect(badUrl.code).not.toBe(0);
    expect(badUrl.err).toContain("https");
    const badFunction = await cli([
      "integrations",
      "add",
      "sap",
      ...system(),
      "--username",
      "U",
      "--owner-partner-function",
      "vw",
      "--secret-from-env",
      "SAP_PASSWORD",
    ]);
    expect(badFunction.code).not.toBe(0);
    expect(badFunction.err).toContain("partner function");
  });
});
