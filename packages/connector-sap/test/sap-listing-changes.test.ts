import { createSapConnector } from "@uslimato/connector-sap";
import { readAll } from "@uslimato/core/testing";
import { startSapSimulator } from "@uslimato/simulators";
import { describe, expect, it } from "vitest";
import { SAP_PASSWORD, sapSettings, testOptions } from "./fixtures/setup-sap";

const EQUIPMENT = "/sap/opu/odata/sap/API_EQUIPMENT/Equipment";

describe("rows changed during a listing (offset skiptokens on, pages capped below $top)", () => {
  it("are neither lost nor doubled: capped pages continue from the last key, not from the next link", async () => {
    const sim = await startSapSimulator({
      modelOptions: { equipment: 3000, seed: 5 },
      services: { equipment: { maxPageSize: 250, skiptoken: "offset" } },
    });
    const m = sim.model;
    const ids = Array.from({ length: 3000 }, (_, i) => String(10_000_000 + i));
    const current = new Set(ids.filter((id) => m.equipment(id) !== undefined));
    let calls = 0;
    const today = m.clock().toISOString().slice(0, 10);
    // after the 3rd page, a new validity segment of an equipment already read (a row inserted before the offset),
    // after the 5th, two equipment already read are deleted (rows removed before the offset)
    const hooked: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = new Request(input, init).url;
      if (url.includes(EQUIPMENT)) {
        calls++;
        if (calls === 3) m.changeEquipmentFrom([...current][10] as string, today, { CostCenter: "99999999" });
        if (calls === 5) {
          m.deleteEquipment([...current][20] as string);
          m.deleteEquipment([...current][21] as string);
        }
      }
      return response;
    };
    const connector = createSapConnector({ ...testOptions, fetch: hooked });
    const settings = sapSettings(sim, { sources: { equipment: {} }, pageSize: 1000 });
    try {
      const pages = await readAll(connector, { settings, secrets: { password: SAP_PASSWORD } }, null);
      const listed = pages.flatMap((p) => [...p.upserts, ...p.removals].map((r) => r.externalId));
      expect(calls).toBeGreaterThan(10);
      expect(listed.length).toBe(new Set(listed).size);
      expect(new Set(listed)).toEqual(new Set([...current].map((id) => `equipment/${id}`)));
      expect(sim.requests.entries.some((r) => r.path.includes("$skiptoken"))).toBe(false);
    } finally {
      await sim.close();
    }
  });
});
