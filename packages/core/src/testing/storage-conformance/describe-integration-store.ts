import type { ResolvedTestApi } from "../runner/test-api";
import { at, integration } from "./conformance-fixtures";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

/** Integrations: insert, get, list filters, optimistic update by revision. */
export function describeIntegrationStore(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("integrations", () => {
    const storage = useStorage(options, t);

    it("inserts and reads back an integration with Dates and JSON intact", async () => {
      const record = integration();
      await storage().integrations.insert(record);
      const stored = await storage().integrations.get("int-1");
      expect(stored).toEqual(record);
      expect(stored?.createdAt).toBeInstanceOf(Date);
      expect(await storage().integrations.get("missing")).toBeNull();
    });

    it("rejects a second insert with the same id as STORAGE_CONFLICT", async () => {
      await storage().integrations.insert(integration());
      await expect(storage().integrations.insert(integration({ name: "Other" }))).rejects.toMatchObject({
        code: "STORAGE_CONFLICT",
      });
      expect((await storage().integrations.get("int-1"))?.name).toBe("Entra");
    });

    it("updates only when the stored revision is the expected one", async () => {
      await storage().integrations.insert(integration());
      const next = integration({ name: "Renamed", revision: 2, updatedAt: at(5) });
      expect(await storage().integrations.update(next, 1)).toBe(true);
      expect(await storage().integrations.get("int-1")).toEqual(next);
      const stale = integration({ name: "Stale", revision: 2 });
      expect(await storage().integrations.update(stale, 1)).toBe(false);
      expect((await storage().integrations.get("int-1"))?.name).toBe("Renamed");
      expect(await storage().integrations.update(integration({ id: "missing" }), 1)).toBe(false);
      expect(await storage().integrations.get("missing")).toBeNull();
    });

    it("lists with tenant, connector and enabled filters", async () => {
      await storage().integrations.insert(integration({ id: "a", tenantId: "t1", connectorId: "entra" }));
      await storage().integrations.insert(
        integration({ id: "b", tenantId: "t1", connectorId: "sap", enabled: false }),
      );
      await storage().integrations.insert(integration({ id: "c", tenantId: "t2", connectorId: "entra" }));
      const ids = async (filter?: Parameters<ReturnType<typeof storage>["integrations"]["list"]>[0]) =>
        (await storage().integrations.list(filter)).map((r) => r.id).sort();
      expect(await ids()).toEqual(["a", "b", "c"]);
      expect(await ids({ tenantId: "t1" })).toEqual(["a", "b"]);
      expect(await ids({ connectorId: "entra" })).toEqual(["a", "c"]);
      expect(await ids({ enabled: false })).toEqual(["b"]);
      expect(await ids({ tenantId: "t1", enabled: true })).toEqual(["a"]);
      expect(await ids({ tenantId: "none" })).toEqual([]);
    });
  });
}
