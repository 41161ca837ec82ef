import { describe, expect, it } from "vitest";
import { getToken } from "../../test/fixtures/index";
import { DEFAULT_CLIENT_ID } from "../graph/model/graph-model";
import { runCli } from "./run-cli";

describe("uslimato-sim", () => {
  it("starts a 100,000-user Graph simulator on a free port and prints how to reach it", async () => {
    const lines: string[] = [];
    const run = await runCli(
      ["graph", "--users", "100000", "--devices", "120000", "--port", "0", "--seed", "3"],
      (l) => lines.push(l),
    );
    if (run.kind !== "graph") throw new Error("expected a Graph simulator");
    try {
      const { url } = run.simulator;
      expect(lines[0]).toMatch(
        new RegExp(`^Graph simulator on ${url} \\(100000 users, 120000 devices, started in \\d+ ms\\)$`),
      );
      expect(lines.join("\n")).toContain(`client id ${DEFAULT_CLIENT_ID}`);
      const token = await getToken(run.simulator);
      const page = (await (
        await fetch(`${url}/v1.0/users?$select=id&$top=999`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { value: unknown[] };
      expect(page.value).toHaveLength(999);
      expect(run.simulator.model.counts().users).toBe(100_000);
      expect(lines.join("\n")).toContain(`${url}/v1.0/deviceManagement/managedDevices`);
      const devices = (await (
        await fetch(`${url}/v1.0/deviceManagement/managedDevices?$select=id&$count=true&$top=1`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as { "@odata.count": number };
      expect(devices["@odata.count"]).toBe(120_000);
    } finally {
      await run.simulator.close();
    }
  });

  it("starts the SAP simulator with the given communication user and client", async () => {
    const lines: string[] = [];
    const run = await runCli(
      [
        "sap",
        "--equipment",
        "10",
        "--port",
        "0",
        "--user",
        "U1",
        "--password",
        "p",
        "--client",
        "200",
        "--partner-stamps-equipment",
      ],
      (l) => lines.push(l),
    );
    if (run.kind !== "sap") throw new Error("expected a SAP simulator");
    try {
      const open = encodeURIComponent("ValidityEndDate eq datetime'9999-12-31T00:00:00'");
      const response = await fetch(
        `${run.simulator.url}/sap/opu/odata/sap/API_EQUIPMENT/Equipment?$filter=${open}`,
        {
          headers: { authorization: `Basic ${btoa("U1:p")}`, "sap-client": "200" },
        },
      );
      expect(((await response.json()) as { d: { results: unknown[] } }).d.results).toHaveLength(10);
      expect(lines.at(-1)).toContain("U1 / p, sap-client 200");
      const before = Date.now() - 1000;
      run.simulator.model.setEquipmentPartner("10000000", "VW", "1000001");
      expect(run.simulator.model.equipment("10000000")?.LastChangeDateTime).toBeGreaterThanOrEqual(before);
    } finally {
      await run.simulator.close();
    }
  });

  it("starts the SAP simulator with fixed assets, a time zone, page caps, OAuth and a v4 custom employee view", async () => {
    const lines: string[] = [];
    const run = await runCli(
      [
        "sap",
        "--equipment",
        "5",
        "--fixed-assets",
        "7",
        "--employees",
        "9",
        "--port",
        "0",
        "--time-zone",
        "Europe/Berlin",
        "--max-page",
        "3",
        "--oauth-client",
        "HUB",
        "--oauth-secret",
        "s",
        "--custom-employees",
        "v4",
      ],
      (l) => lines.push(l),
    );
    if (run.kind !== "sap") throw new Error("expected a SAP simulator");
    try {
      const auth = { authorization: `Basic ${btoa("SIM_USER:sim-password")}` };
      const assets = (await (
        await fetch(
          `${run.simulator.url}/sap/opu/odata4/sap/api_fixedasset/srvd_a2x/sap/fixedasset/0001/FixedAsset?$top=50&$count=true`,
          { headers: auth },
        )
      ).json()) as { value: unknown[]; "@odata.count": number; "@odata.nextLink"?: string };
      expect(assets.value).toHaveLength(3);
      expect(assets["@odata.count"]).toBeGreaterThanOrEqual(7);
      expect(assets["@odata.nextLink"]).toMatch(/^FixedAsset\?\$skiptoken=3&/);
      expect(run.simulator.model.systemTimeZone).toBe("Europe/Berlin");
      expect(lines.join("\n")).toContain("/sap/bc/sec/oauth2/token (client HUB)");
      expect(lines.join("\n")).toContain("yy1_workforceperson");
    } finally {
      await run.simulator.close();
    }
  });

  it("prints usage for no or an unknown command, and refuses bad numbers", async () => {
    const lines: string[] = [];
    expect(await runCli([], (l) => lines.push(l))).toEqual({ kind: "usage", exitCode: 0 });
    expect(await runCli(["nope"], (l) => lines.push(l))).toEqual({ kind: "usage", exitCode: 1 });
    expect(lines[0]).toContain("uslimato-sim graph [--users");
    await expect(runCli(["graph", "--users", "many"], () => {})).rejects.toThrow(/--users/);
  });
});
