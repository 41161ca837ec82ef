import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { createSapConnector } from "@uslimato/connector-sap";
import { readAll } from "@uslimato/core/testing";
import { startSapSimulator } from "@uslimato/simulators";
import { describe, expect, it } from "vitest";
import { SAP_PASSWORD, sapSettings, testOptions } from "./fixtures/setup-sap";

describe("keyset paging overlaps the wait for SAP with the work on a page", () => {
  it("hands out each page only once the next page's request is on the wire", async () => {
    const sim = await startSapSimulator({ modelOptions: { equipment: 1200, seed: 3 } });
    let sent = 0;
    const onSendHeaders = (message: unknown) => {
      const request = (message as { request?: { path?: string } }).request;
      if (request?.path?.includes("/API_EQUIPMENT/Equipment")) sent += 1;
    };
    subscribe("undici:client:sendHeaders", onSendHeaders);
    const sentAtHandOut: number[] = [];
    try {
      const connector = createSapConnector(testOptions);
      const settings = sapSettings(sim, { sources: { equipment: {} }, pageSize: 200 });
      const pages = await readAll(connector, { settings, secrets: { password: SAP_PASSWORD } }, null, {
        onPage: () => sentAtHandOut.push(sent),
      });
      expect(pages.length).toBeGreaterThan(3);
      // Page k (0-based) is handed out after k + 2 requests left (its own and the next), the last page after its own.
      const expected = pages.map((_, k) => (k === pages.length - 1 ? k + 1 : k + 2));
      expect(sentAtHandOut).toEqual(expected);
    } finally {
      unsubscribe("undici:client:sendHeaders", onSendHeaders);
      await sim.close();
    }
  });
});
