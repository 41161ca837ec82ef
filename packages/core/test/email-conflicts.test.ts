import { describe, expect, it } from "vitest";
import { setupHub } from "./fixtures/setup-hub";

const person = (n: number) => `p${String(n).padStart(6, "0")}`;
const email = (n: number) => `person.${String(n).padStart(6, "0")}@example.com`;

describe("an e-mail change onto an address another host user holds", () => {
  it("fails the whole record, ends partial, and succeeds on a later run once the conflict is gone", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 3 });
    await hub.syncNow(id);
    const before = await storage.inspect.listUsers();
    const mine = before.find((u) => u.email === email(0))!;
    const holder = before.find((u) => u.email === email(1))!;
    directory.update(person(0), { email: email(1), displayName: "New name", active: false });

    const failed = await hub.syncNow(id);
    expect(failed).toMatchObject({ status: "partial", counts: { failed: 1, updated: 0, deactivated: 0 } });
    expect(failed.errors).toHaveLength(1);
    const [error] = failed.errors;
    expect(error).toMatchObject({ externalId: person(0), code: "RECORD_EMAIL_TAKEN", severity: "error" });
    for (const part of [mine.id, holder.id, email(1), person(0), person(1)])
      expect(error?.message).toContain(part);
    const untouched = (await storage.inspect.listUsers()).find((u) => u.id === mine.id);
    expect(untouched).toMatchObject({ email: email(0), displayName: mine.displayName, active: true });

    const again = await hub.syncNow(id);
    expect(again).toMatchObject({ status: "partial", counts: { failed: 1 } });

    directory.update(person(1), { email: "moved@example.com" });
    const cleared = await hub.syncNow(id);
    expect(cleared).toMatchObject({ status: "success", counts: { failed: 0 } });
    const after = (await storage.inspect.listUsers()).find((u) => u.id === mine.id);
    expect(after).toMatchObject({ email: email(1), displayName: "New name", active: false });
    expect((await hub.syncNow(id)).counts).toMatchObject({ processed: 0, failed: 0 });
  });

  it("a second source user with a taken e-mail is tried again on the next run", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 2 });
    await hub.syncNow(id);
    directory.upsert({ id: "late", email: email(0), displayName: "Late", active: true });
    const failed = await hub.syncNow(id);
    expect(failed).toMatchObject({ status: "partial", counts: { failed: 1 } });
    expect(failed.errors[0]).toMatchObject({ externalId: "late", code: "RECORD_DUPLICATE_EMAIL" });
    expect(failed.errors[0]?.message).toContain(person(0));
    directory.update(person(0), { email: "elsewhere@example.com" });
    const cleared = await hub.syncNow(id);
    expect(cleared).toMatchObject({ status: "success", counts: { failed: 0, created: 1 } });
    expect((await storage.inspect.listUsers()).map((u) => u.email).sort()).toEqual([
      "elsewhere@example.com",
      email(0),
      email(1),
    ]);
  });

  it("a record waiting for its retry that the source then removes is not applied again", async () => {
    const { hub, storage, directory, id } = await setupHub({ people: 2 });
    await hub.syncNow(id);
    directory.update(person(0), { email: email(1) });
    expect((await hub.syncNow(id)).counts.failed).toBe(1);
    directory.remove(person(0));
    directory.update(person(1), { email: "moved@example.com" });
    const log = await hub.syncNow(id);
    expect(log).toMatchObject({ status: "success", counts: { failed: 0, deactivated: 1 } });
    const users = await storage.inspect.listUsers();
    expect(users.find((u) => u.email === email(0))?.active).toBe(false);
  });
});
