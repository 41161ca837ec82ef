import { describe, expect, it } from "vitest";
import { setupHub } from "./fixtures/setup-hub";

describe("the guard's confirm and discard under the sync lock", () => {
  it("refuses to confirm or discard held-back deactivations while a sync of the integration runs", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 100, pageSize: 25 });
    await hub.syncNow(id);
    for (let i = 0; i < 30; i++) directory.remove(`p${String(i).padStart(6, "0")}`);
    expect(await hub.syncNow(id)).toMatchObject({ failureCode: "MASS_DEACTIVATION_BLOCKED" });
    const running = await storage.locks.tryAcquire(`sync:${id}`);
    await expect(hub.confirmDeactivations(id)).rejects.toMatchObject({ code: "SYNC_ALREADY_RUNNING" });
    await expect(hub.discardDeactivations(id)).rejects.toMatchObject({ code: "SYNC_ALREADY_RUNNING" });
    expect(await storage.directory.countPendingDeactivations(id)).toBe(30);
    await running?.release();
    expect(await hub.confirmDeactivations(id)).toBe(30);
  });
});
