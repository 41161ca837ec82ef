import type { StorageAdapter } from "../../storage/storage-adapter";
import type { ResolvedTestApi } from "../runner/test-api";
import { newUser } from "./conformance-fixtures";
import { fullDirectory } from "./full-directory";
import type { StorageConformanceOptions } from "./storage-conformance-options";
import { useStorage } from "./use-storage";

/** Creates users u1..un linked as e1..en in int-1. */
async function seedLinkedUsers(storage: StorageAdapter, n: number): Promise<void> {
  const ids = Array.from({ length: n }, (_, i) => i + 1);
  await storage.directory.applyPage(
    "int-1",
    {
      users: {
        create: ids.map((i) => newUser(`u${i}`)),
        link: ids.map((i) => ({ externalId: `e${i}`, userId: `u${i}` })),
      },
    },
    "seed",
  );
}

/** Pending deactivations (mark, clear, count, commit, discard) and the end of a user sweep. */
export function describeDeactivations(options: StorageConformanceOptions, t: ResolvedTestApi): void {
  const { describe, expect, it } = t;
  describe("pending deactivations and user sweeps", () => {
    const storage = useStorage(options, t);
    const dir = () => fullDirectory(storage());
    const pendingIds = async () =>
      (await dir().listLinks("int-1")).filter((l) => l.pendingDeactivation).map((l) => l.externalId);

    it("marks and clears pending deactivations without deactivating anyone", async () => {
      await seedLinkedUsers(storage(), 3);
      await dir().applyPage("int-1", { users: { markPendingDeactivation: ["e1", "e2", "unknown"] } }, 1);
      expect(await pendingIds()).toEqual(["e1", "e2"]);
      expect(await dir().countPendingDeactivations("int-1")).toBe(2);
      await dir().applyPage("int-1", { users: { clearPendingDeactivation: ["e2"] } }, 2);
      expect(await pendingIds()).toEqual(["e1"]);
      expect((await dir().listUsers()).every((u) => u.active)).toBe(true);
    });

    it("applies marks before clears within one batch", async () => {
      await seedLinkedUsers(storage(), 1);
      await dir().applyPage(
        "int-1",
        { users: { markPendingDeactivation: ["e1"], clearPendingDeactivation: ["e1"] } },
        1,
      );
      expect(await pendingIds()).toEqual([]);
    });

    it("counts only pending links whose user is still active", async () => {
      await seedLinkedUsers(storage(), 2);
      await dir().applyPage(
        "int-1",
        {
          users: {
            update: [{ userId: "u2", set: { active: false } }],
            markPendingDeactivation: ["e1", "e2"],
          },
        },
        1,
      );
      expect(await dir().countPendingDeactivations("int-1")).toBe(1);
      expect(await dir().countPendingDeactivations("int-2")).toBe(0);
    });

    it("commits: deactivates the users of pending links, clears every mark, returns users changed", async () => {
      await seedLinkedUsers(storage(), 3);
      await dir().applyPage(
        "int-1",
        {
          users: {
            update: [{ userId: "u2", set: { active: false } }],
            markPendingDeactivation: ["e1", "e2"],
          },
        },
        1,
      );
      expect(await dir().commitPendingDeactivations("int-1")).toBe(1);
      const active = Object.fromEntries((await dir().listUsers()).map((u) => [u.id, u.active]));
      expect(active).toEqual({ u1: false, u2: false, u3: true });
      expect(await pendingIds()).toEqual([]);
      expect(await dir().countPendingDeactivations("int-1")).toBe(0);
      expect(await dir().commitPendingDeactivations("int-1")).toBe(0);
    });

    it("discards: clears every mark, deactivates nobody", async () => {
      await seedLinkedUsers(storage(), 3);
      await dir().applyPage("int-1", { users: { markPendingDeactivation: ["e1", "e3"] } }, 1);
      expect(await dir().discardPendingDeactivations("int-1")).toBe(2);
      expect(await pendingIds()).toEqual([]);
      expect((await dir().listUsers()).every((u) => u.active)).toBe(true);
    });

    it("keeps marks per integration", async () => {
      await seedLinkedUsers(storage(), 1);
      await dir().applyPage("int-2", { users: { link: [{ externalId: "x1", userId: "u1" }] } }, 1);
      await dir().applyPage("int-2", { users: { markPendingDeactivation: ["x1"] } }, 2);
      expect(await dir().countPendingDeactivations("int-1")).toBe(0);
      expect(await dir().commitPendingDeactivations("int-1")).toBe(0);
      expect((await dir().listUsers())[0]?.active).toBe(true);
      expect(await dir().countPendingDeactivations("int-2")).toBe(1);
    });

    it("finishing a user sweep marks active linked users not seen by it, and counts them", async () => {
      await seedLinkedUsers(storage(), 5);
      await dir().applyPage(
        "int-1",
        {
          users: { update: [{ userId: "u4", set: { active: false } }] },
          seen: { sweepId: "s1", users: ["e1", "e2"] },
        },
        1,
      );
      const result = await dir().applyPage(
        "int-1",
        { seen: { sweepId: "s1", users: ["e3"] }, finishSweep: { kind: "user", sweepId: "s1" } },
        2,
      );
      expect(result).toEqual({ sweptUsers: 1, sweptOthers: 0 });
      expect(await pendingIds()).toEqual(["e5"]);
      expect((await dir().listUsers()).every((u) => u.id === "u4" || u.active)).toBe(true);
    });

    it("a later sweep ignores what an earlier sweep saw", async () => {
      await seedLinkedUsers(storage(), 2);
      await dir().applyPage("int-1", { seen: { sweepId: "s1", users: ["e1", "e2"] } }, 1);
      const result = await dir().applyPage(
        "int-1",
        { seen: { sweepId: "s2", users: ["e2"] }, finishSweep: { kind: "user", sweepId: "s2" } },
        2,
      );
      expect(result.sweptUsers).toBe(1);
      expect(await pendingIds()).toEqual(["e1"]);
    });

    it("a sweep counts only links it newly marks", async () => {
      await seedLinkedUsers(storage(), 2);
      await dir().applyPage("int-1", { users: { markPendingDeactivation: ["e1"] } }, 1);
      const result = await dir().applyPage("int-1", { finishSweep: { kind: "user", sweepId: "s1" } }, 2);
      expect(result.sweptUsers).toBe(1);
      expect(await pendingIds()).toEqual(["e1", "e2"]);
    });

    it("a user sweep leaves other integrations alone", async () => {
      await seedLinkedUsers(storage(), 1);
      await dir().applyPage("int-2", { users: { link: [{ externalId: "x1", userId: "u1" }] } }, 1);
      const result = await dir().applyPage("int-1", { finishSweep: { kind: "user", sweepId: "s1" } }, 2);
      expect(result.sweptUsers).toBe(1);
      expect((await dir().listLinks("int-2"))[0]?.pendingDeactivation).toBe(false);
    });
  });
}
