import type { ResolvedTestApi } from "../runner/test-api";
import { at, auditEntry, syncLog } from "./conformance-fixtures";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

/** Sync logs (save/replace, newest first, `before` paging) and the append-only audit log. */
export function describeLogsAndAudit(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("sync logs and audit", () => {
    const storage = useStorage(options, t);

    it("saves, replaces and reads back a sync log with every field", async () => {
      const running = syncLog("run-1", at(0), {
        status: "running",
        finishedAt: null,
        errors: [],
        errorCount: 0,
      });
      await storage().syncLogs.save(running);
      expect(await storage().syncLogs.get("run-1")).toEqual(running);
      const done = syncLog("run-1", at(0), { failureCode: "MASS_DEACTIVATION_BLOCKED", status: "failed" });
      await storage().syncLogs.save(done);
      const stored = await storage().syncLogs.get("run-1");
      expect(stored).toEqual(done);
      expect(stored?.finishedAt).toBeInstanceOf(Date);
      expect(await storage().syncLogs.get("missing")).toBeNull();
    });

    it("keeps a watcher's trigger and reason", async () => {
      const watched = syncLog("run-w", at(0), { trigger: "watch", reason: "3 devices checked in" });
      await storage().syncLogs.save(watched);
      expect(await storage().syncLogs.get("run-w")).toEqual(watched);
      expect((await storage().syncLogs.list("int-1"))[0]).toMatchObject({
        trigger: "watch",
        reason: "3 devices checked in",
      });
    });

    it("lists an integration's logs newest first, with limit and a `before` cursor", async () => {
      for (const [id, minute] of [
        ["r2", 2],
        ["r1", 1],
        ["r4", 4],
        ["r3", 3],
      ] as const) {
        await storage().syncLogs.save(syncLog(id, at(minute)));
      }
      await storage().syncLogs.save(syncLog("other", at(5), { integrationId: "int-2" }));
      const ids = async (page?: { limit?: number; before?: Date }) =>
        (await storage().syncLogs.list("int-1", page)).map((l) => l.id);
      expect(await ids()).toEqual(["r4", "r3", "r2", "r1"]);
      expect(await ids({ limit: 2 })).toEqual(["r4", "r3"]);
      expect(await ids({ limit: 2, before: at(3) })).toEqual(["r2", "r1"]);
      expect(await ids({ before: at(1) })).toEqual([]);
    });

    it("appends audit entries and lists them newest first, filtered, limited", async () => {
      await storage().audit.append(auditEntry("a1", at(1)));
      await storage().audit.append(
        auditEntry("a3", at(3), { integrationId: null, action: "connection.tested" }),
      );
      await storage().audit.append(auditEntry("a2", at(2), { tenantId: "tenant-2", integrationId: "int-2" }));
      const ids = async (filter: { tenantId?: string; integrationId?: string; limit?: number }) =>
        (await storage().audit.list(filter)).map((e) => e.id);
      expect(await ids({})).toEqual(["a3", "a2", "a1"]);
      expect(await ids({ tenantId: "tenant-1" })).toEqual(["a3", "a1"]);
      expect(await ids({ integrationId: "int-2" })).toEqual(["a2"]);
      expect(await ids({ limit: 1 })).toEqual(["a3"]);
      const [entry] = await storage().audit.list({ integrationId: "int-1" });
      expect(entry).toEqual(auditEntry("a1", at(1)));
      expect((await storage().audit.list({ tenantId: "tenant-1" }))[0]?.integrationId).toBeNull();
    });
  });
}
