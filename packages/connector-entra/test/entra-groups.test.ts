import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupEntra } from "./fixtures/setup-entra";

type Setup = Awaited<ReturnType<typeof setupEntra>>;

describe("Entra 'Users and Groups' scope", () => {
  let env: Setup;
  beforeAll(async () => {
    env = await setupEntra({ users: 2000, seed: 21, scope: "usersAndGroups" });
  }, 30_000);
  afterAll(() => env?.sim.close());

  const expectedMemberships = () => {
    const pairs = new Set<string>();
    for (let g = 0; g < env.sim.model.groupCount; g++) {
      const group = env.sim.model.group(g);
      for (const member of env.sim.model.groupMembers(g)) pairs.add(`${group.id}/${member}`);
    }
    return pairs;
  };
  const storedMemberships = async () =>
    new Set(
      (await env.storage.inspect.listMemberships(env.id)).map(
        (m) => `${m.groupExternalId}/${m.userExternalId}`,
      ),
    );

  it("syncs groups and every membership from /groups/delta, merging split member pages", async () => {
    const log = await env.hub.syncNow(env.id);
    expect(log.status).toBe("success");
    expect(log.countsByKind.group?.created).toBe(env.sim.model.groupCount);
    const groups = await env.storage.inspect.listGroups(env.id);
    expect(groups).toHaveLength(env.sim.model.groupCount);
    expect(groups.find((g) => g.externalId === env.sim.model.group(0).id)?.displayName).toBe(
      env.sim.model.group(0).displayName,
    );
    expect(await storedMemberships()).toEqual(expectedMemberships());
  });

  it("applies membership changes incrementally", async () => {
    const group = env.sim.model.group(1);
    const [member] = [...env.sim.model.groupMembers(1)];
    const outsider = [...env.sim.model.listUsers()].find(
      (u) => ![...env.sim.model.groupMembers(1)].includes(u.id),
    )!;
    env.sim.model.removeGroupMember(group.id, member!);
    env.sim.model.addGroupMember(group.id, outsider.id);
    const log = await env.hub.syncNow(env.id);
    expect(log).toMatchObject({ status: "success", mode: "incremental" });
    const stored = await storedMemberships();
    expect(stored.has(`${group.id}/${outsider.id}`)).toBe(true);
    expect(stored.has(`${group.id}/${member}`)).toBe(false);
    expect(stored).toEqual(expectedMemberships());
  });
});
