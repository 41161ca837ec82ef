import { describe, expect, it } from "vitest";
import { createKeepNothingStorage } from "./keep-nothing-storage";

describe("createKeepNothingStorage", () => {
  it("drops a page's users and links but keeps its checkpoint", async () => {
    const storage = createKeepNothingStorage();
    const create = [
      { id: "u1", email: "a@x.example", displayName: "A", active: true, role: "viewer", attributes: {} },
    ];
    await storage.directory.applyPage(
      "i1",
      { users: { create, link: [{ externalId: "e1", userId: "u1" }] } },
      { page: 1 },
    );
    expect(await storage.inspect.listUsers()).toEqual([]);
    expect(await storage.inspect.listLinks("i1")).toEqual([]);
    expect((await storage.checkpoints.get("i1"))?.value).toEqual({ page: 1 });
  });
});
