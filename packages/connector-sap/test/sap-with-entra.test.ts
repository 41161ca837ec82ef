import { createEntraConnector } from "@uslimato/connector-entra";
import { createSapConnector } from "@uslimato/connector-sap";
import { createHub, createMemoryStorage } from "@uslimato/core";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  startGraphSimulator,
  startSapSimulator,
} from "@uslimato/simulators";
import { describe, expect, it } from "vitest";
import { SAP_PASSWORD, sapSettings, testOptions } from "./fixtures/setup-sap";

describe("an employee also in Entra ID is one host user", () => {
  it("links both integrations to one user; leaving SAP does not deactivate while Entra reports it active", async () => {
    const graph = await startGraphSimulator({ modelOptions: { users: 50, seed: 4 } });
    const sap = await startSapSimulator({
      modelOptions: { equipment: 10, fixedAssets: 5, employees: 30, seed: 4 },
    });
    const storage = createMemoryStorage();
    const hub = createHub({
      storage,
      vault: createCredentialStore({
        keyRing: createKeyRing({ keys: [{ id: "k", key: generateKey() }], activeKeyId: "k" }),
      }),
      connectors: [
        createEntraConnector({ retry: { baseDelayMs: 5, maxDelayMs: 50 } }),
        createSapConnector(testOptions),
      ],
      mapping: fieldMappingEngine(),
    });
    try {
      const entraUser = [...graph.model.listUsers()].find((u) => u.accountEnabled && u.mail) as {
        mail: string;
      };
      const employee = "1000001";
      sap.model.changeEmail(employee, entraUser.mail.toUpperCase());
      const entra = await hub.integrations.create({
        tenantId: "host",
        connectorId: "entra",
        name: "Entra",
        settings: {
          tenantId: graph.tenantId,
          clientId: DEFAULT_CLIENT_ID,
          endpoints: {
            authorityHost: graph.authorityHost,
            graphBaseUrl: `${graph.graphBaseUrl}/v1.0`,
            scope: "https://graph.microsoft.com/.default",
          },
        },
        secrets: { clientSecret: DEFAULT_CLIENT_SECRET },
        intervalMinutes: 60,
      });
      const sapIntegration = await hub.integrations.create({
        tenantId: "host",
        connectorId: "sap",
        name: "SAP",
        settings: sapSettings(sap, { sources: { employees: { mode: "businessPartner" } } }),
        secrets: { password: SAP_PASSWORD },
        intervalMinutes: 60,
      });
      expect((await hub.syncNow(entra.id)).status).toBe("success");
      expect((await hub.syncNow(sapIntegration.id)).status).toBe("success");
      const email = entraUser.mail.toLowerCase();
      const matching = (await storage.inspect.listUsers()).filter((u) => u.email === email);
      expect(matching).toHaveLength(1);
      expect(matching[0]?.active).toBe(true);

      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      sap.model.endEmployment(employee, yesterday);
      const log = await hub.syncNow(sapIntegration.id);
      expect(log.notices.map((n) => n.message).join(" ")).toContain("left");
      const after = (await storage.inspect.listUsers()).filter((u) => u.email === email);
      expect(after).toHaveLength(1);
      expect(after[0]?.active).toBe(true);
    } finally {
      await graph.close();
      await sap.close();
    }
  });
});
