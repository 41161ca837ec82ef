import type { ResolvedTestApi } from "../runner/test-api";
import { integration, newUser } from "./conformance-fixtures";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

/**
 * Several integrations linking one user (Entra and SAP employees): a user is deactivated only when no link of
 * another enabled integration still reports it active; removing an integration deactivates nobody.
 */
export function describeSeveralSources(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("several sources per user", () => {
    const storage = useStorage(options, t);
    const dir = () => fullDirectory(storage());
    const activeOf = async (id: string) => (await dir().listUsers()).find((u) => u.id === id)?.active;
    const setup = async () => {
      await storage().integrations.insert(integration({ id: "entra-1", connectorId: "entra" }));
      await storage().integrations.insert(integration({ id: "sap-1", connectorId: "sap" }));
      await dir().applyPage(
        "entra-1",
        {
          users: {
            create: [newUser("u1"), newUser("u2")],
            link: [
              { externalId: "e1", userId: "u1" },
              { externalId: "e2", userId: "u2" },
            ],
          },
        },
        "cp",
      );
      await dir().applyPage(
        "sap-1",
        { users: { link: [{ externalId: "p1", userId: "u1" }], reportedActive: ["p1"] } },
        "cp",
      );
    };
    const mark = (integrationId: string, ...externalIds: string[]) =>
      dir().applyPage(
        integrationId,
        { users: { markPendingDeactivation: externalIds, reportedInactive: externalIds } },
        "cp",
      );

    it("keeps a user active while another enabled integration reports it active", async () => {
      await setup();
      await mark("entra-1", "e1", "e2");
      expect(await dir().countPendingDeactivations("entra-1")).toBe(1);
      expect(await dir().commitPendingDeactivations("entra-1")).toBe(1);
      expect(await activeOf("u1")).toBe(true);
      expect(await activeOf("u2")).toBe(false);
      expect((await dir().listLinks("entra-1")).every((l) => !l.pendingDeactivation)).toBe(true);
    });

    it("deactivates once the last source reports the user gone", async () => {
      await setup();
      await mark("entra-1", "e1");
      await dir().commitPendingDeactivations("entra-1");
      await mark("sap-1", "p1");
      expect(await dir().countPendingDeactivations("sap-1")).toBe(1);
      expect(await dir().commitPendingDeactivations("sap-1")).toBe(1);
      expect(await activeOf("u1")).toBe(false);
    });

    it("a committed deactivation stops that link reporting the user active, even without a page saying so", async () => {
      await setup();
      await dir().applyPage("entra-1", { users: { markPendingDeactivation: ["e1"] } }, "cp");
      await dir().commitPendingDeactivations("entra-1");
      await dir().applyPage("sap-1", { users: { markPendingDeactivation: ["p1"] } }, "cp");
      expect(await dir().commitPendingDeactivations("sap-1")).toBe(1);
    });

    it("a source that reports the user active again counts again", async () => {
      await setup();
      await mark("entra-1", "e1");
      await dir().commitPendingDeactivations("entra-1");
      await dir().applyPage("entra-1", { users: { reportedActive: ["e1"] } }, "cp");
      await mark("sap-1", "p1");
      expect(await dir().commitPendingDeactivations("sap-1")).toBe(0);
      expect(await activeOf("u1")).toBe(true);
    });

    it("a source pending its own deactivation, reporting the user disabled, or disabled itself does not count", async () => {
      await setup();
      await dir().applyPage("sap-1", { users: { markPendingDeactivation: ["p1"] } }, "cp");
      await mark("entra-1", "e1");
      expect(await dir().countPendingDeactivations("entra-1")).toBe(1);
      await dir().discardPendingDeactivations("sap-1");
      expect(await dir().countPendingDeactivations("entra-1")).toBe(0);
      await dir().applyPage("sap-1", { users: { reportedInactive: ["p1"] } }, "cp");
      expect(await dir().countPendingDeactivations("entra-1")).toBe(1);
      await dir().applyPage("sap-1", { users: { reportedActive: ["p1"] } }, "cp");
      const sap = await storage().integrations.get("sap-1");
      await storage().integrations.update(
        { ...sap!, enabled: false, revision: sap!.revision + 1 },
        sap!.revision,
      );
      expect(await dir().countPendingDeactivations("entra-1")).toBe(1);
      expect(await dir().commitPendingDeactivations("entra-1")).toBe(1);
      expect(await activeOf("u1")).toBe(false);
    });

    it("removing an integration deactivates nobody, and the other source still decides", async () => {
      await setup();
      await mark("sap-1", "p1");
      await storage().integrations.delete("sap-1");
      expect(await activeOf("u1")).toBe(true);
      await mark("entra-1", "e1");
      expect(await dir().commitPendingDeactivations("entra-1")).toBe(1);
      expect(await activeOf("u1")).toBe(false);
    });

    it("removing one source leaves a user the other source reports active", async () => {
      await setup();
      await storage().integrations.delete("entra-1");
      expect(await activeOf("u1")).toBe(true);
      expect(await dir().countPendingDeactivations("sap-1")).toBe(0);
      expect((await dir().listLinks("sap-1")).map((l) => l.userId)).toEqual(["u1"]);
    });
  });
}
