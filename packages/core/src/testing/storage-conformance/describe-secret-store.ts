import type { ResolvedTestApi } from "../runner/test-api";
import { at, secret } from "./conformance-fixtures";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

/** Sealed secrets: put/replace by name, delete, compare-and-swap, listing by key with a cursor, counts. */
export function describeSecretStore(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("secrets", () => {
    const storage = useStorage(options, t);

    it("puts, replaces by (integrationId, name), lists ordered by name", async () => {
      await storage().secrets.put([secret({ name: "b" }), secret({ name: "a" })]);
      await storage().secrets.put([secret({ name: "b", envelope: "env-2", updatedAt: at(3) })]);
      const list = await storage().secrets.list("int-1");
      expect(list.map((s) => [s.name, s.envelope])).toEqual([
        ["a", "env-1"],
        ["b", "env-2"],
      ]);
      expect(list[1]?.updatedAt).toEqual(at(3));
      expect(await storage().secrets.list("other")).toEqual([]);
    });

    it("deletes named secrets, or all of an integration", async () => {
      await storage().secrets.put([secret({ name: "a" }), secret({ name: "b" }), secret({ name: "c" })]);
      await storage().secrets.put([secret({ integrationId: "int-2", name: "a" })]);
      await storage().secrets.delete("int-1", ["a", "missing"]);
      expect((await storage().secrets.list("int-1")).map((s) => s.name)).toEqual(["b", "c"]);
      await storage().secrets.delete("int-1");
      expect(await storage().secrets.list("int-1")).toEqual([]);
      expect(await storage().secrets.list("int-2")).toHaveLength(1);
    });

    it("replaces only while the envelope is the expected one (compare-and-swap)", async () => {
      await storage().secrets.put([secret()]);
      const rewrapped = secret({ keyId: "key-b", envelope: "env-b", updatedAt: at(9) });
      expect(await storage().secrets.replace(rewrapped, "env-1")).toBe(true);
      expect(await storage().secrets.list("int-1")).toEqual([rewrapped]);
      expect(await storage().secrets.replace(secret({ envelope: "env-c" }), "env-1")).toBe(false);
      expect((await storage().secrets.list("int-1"))[0]?.envelope).toBe("env-b");
      expect(await storage().secrets.replace(secret({ name: "missing" }), "env-1")).toBe(false);
      expect(await storage().secrets.list("int-1")).toHaveLength(1);
    });

    it("pages secrets of one key by (integrationId, name) after a cursor", async () => {
      await storage().secrets.put([
        secret({ integrationId: "i2", name: "a" }),
        secret({ integrationId: "i1", name: "b" }),
        secret({ integrationId: "i1", name: "a" }),
        secret({ integrationId: "i1", name: "c", keyId: "key-b" }),
        secret({ integrationId: "i3", name: "z" }),
      ]);
      const position = (s: { integrationId: string; name: string }) => `${s.integrationId}/${s.name}`;
      const first = await storage().secrets.listByKey("key-a", { limit: 2 });
      expect(first.map(position)).toEqual(["i1/a", "i1/b"]);
      const last = first[first.length - 1]!;
      const second = await storage().secrets.listByKey("key-a", {
        limit: 2,
        after: { integrationId: last.integrationId, name: last.name },
      });
      expect(second.map(position)).toEqual(["i2/a", "i3/z"]);
      const third = await storage().secrets.listByKey("key-a", {
        limit: 2,
        after: { integrationId: "i3", name: "z" },
      });
      expect(third).toEqual([]);
      expect((await storage().secrets.listByKey("key-b", { limit: 10 })).map(position)).toEqual(["i1/c"]);
    });

    it("counts secrets per key id", async () => {
      expect(await storage().secrets.countByKey()).toEqual({});
      await storage().secrets.put([
        secret({ name: "a" }),
        secret({ name: "b" }),
        secret({ integrationId: "int-2", name: "a", keyId: "key-b" }),
      ]);
      expect(await storage().secrets.countByKey()).toEqual({ "key-a": 2, "key-b": 1 });
    });
  });
}
