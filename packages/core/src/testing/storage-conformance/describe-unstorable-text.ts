import { createHub } from "../../hub/create-hub";
import type { ResolvedTestApi } from "../runner/test-api";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { plainTestVault, unstorableTextConnector } from "./unstorable-text-connector";
import { useStorage } from "./use-storage";

/**
 * A NUL character or an unpaired surrogate in one record (a field, an attribute, an external id) fails that
 * record alone, through a whole sync: its page and the run go on, and the next run is not blocked.
 */
export function describeUnstorableText(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("records with text storage cannot hold", () => {
    const storage = useStorage(options, t);

    it("fail one by one, never their page or the integration", async () => {
      const hub = createHub({
        storage: storage(),
        vault: plainTestVault,
        connectors: [unstorableTextConnector()],
      });
      const { id } = await hub.integrations.create({
        tenantId: "t1",
        connectorId: "unstorable-text",
        name: "NUL",
        settings: {},
        intervalMinutes: 60,
      });
      for (let run = 1; run <= 2; run++) {
        const log = await hub.syncNow(id);
        expect(log.status).toBe("partial");
        expect(log.failureCode).toBeNull();
        expect(log.pages).toBe(3);
        expect(log.countsByKind.user?.failed).toBe(6);
        expect(log.countsByKind.group?.failed).toBe(1);
        expect(log.countsByKind.device?.failed).toBe(1);
        const failures = log.errors.filter((e) => e.severity === "error");
        expect(failures.map((e) => [e.kind, e.externalId, e.field]).sort()).toEqual(
          [
            ["device", "d-nul", "name"],
            ["group", "g-nul", "displayName"],
            ["user", "gone\\u0000", "externalId"],
            ["user", "nul-attr", "dept"],
            ["user", "nul-mail", "email"],
            ["user", "nul-name", "displayName"],
            ["user", "nul\\u0000id", "externalId"],
            ["user", "surrogate", "displayName"],
          ].sort(),
        );
        for (const failure of failures) expect(failure).toMatchObject({ code: "RECORD_INVALID" });
        const stored = await hub.syncLogs(id, { limit: 1 });
        expect(stored[0]?.errors).toEqual(log.errors);
      }
      const dir = fullDirectory(storage());
      expect((await dir.listUsers()).map((u) => u.email).sort()).toEqual(["ok1@x.io", "ok2@x.io"]);
      expect((await dir.listGroups(id)).map((g) => g.externalId)).toEqual(["g-ok"]);
      expect(await dir.listMemberships(id)).toMatchObject([
        { groupExternalId: "g-ok", userExternalId: "ok-1" },
      ]);
      expect((await dir.listRecords(id, "device")).map((r) => r.externalId)).toEqual(["d-ok"]);
    });
  });
}
