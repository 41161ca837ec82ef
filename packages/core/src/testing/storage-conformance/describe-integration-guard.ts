import type { ResolvedTestApi } from "../runner/test-api";
import { integration } from "./conformance-fixtures";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

/** An integration's own mass-deactivation guard is stored, replaced and removed with the integration. */
export function describeIntegrationGuard(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("integration guard", () => {
    const storage = useStorage(options, t);

    it("keeps an integration's guard through insert, update and removal", async () => {
      const store = storage().integrations;
      await store.insert(integration({ guard: { maxShare: 0.05, minCount: 25 } }));
      expect((await store.get("int-1"))?.guard).toEqual({ maxShare: 0.05, minCount: 25 });
      expect((await store.get("int-1"))?.mappings).toEqual(integration().mappings);
      await store.update(integration({ guard: { minCount: 3 }, revision: 2 }), 1);
      expect((await store.list())[0]?.guard).toEqual({ minCount: 3 });
      await store.update(integration({ revision: 3 }), 2);
      const stored = await store.get("int-1");
      expect(stored?.guard).toBeUndefined();
      expect(stored).toEqual(integration({ revision: 3 }));
    });
  });
}
