import { type DemoStep, requireLive } from "../demo-context";

/** Step 6: a round of changes in the tenant: new, renamed, disabled and deleted users. */
export const changeTenant: DemoStep = {
  name: "tenantChanges",
  title: "Change the tenant (new, renamed, disabled, deleted users)",
  async run(ctx) {
    const { sim } = requireLive(ctx);
    const { model } = sim;
    const existing: string[] = [];
    for (const user of model.listUsers()) {
      existing.push(user.id);
      if (existing.length === 6) break;
    }
    const [renameA, renameB, disableA, disableB, deleteA, deleteB] = existing;
    if (!deleteB) throw new Error("the demo needs at least 6 users (--users 6 or more)");
    const added = ["Ada Newcomer", "Grace Newcomer", "Linus Newcomer"].map((displayName, i) =>
      model.addUser({
        displayName,
        mail: `demo.newcomer${i + 1}@${model.domain}`,
        userPrincipalName: `demo.newcomer${i + 1}@${model.domain}`,
        accountEnabled: true,
      }),
    );
    const renamed = [renameA, renameB].map((id, i) =>
      model.updateUser(id as string, { displayName: `Renamed Person ${i + 1}` }),
    );
    const disabled = [disableA, disableB].map((id) => model.disableUser(id as string));
    const deleted = [deleteA, deleteB].map((id) => {
      const user = model.getUser(id as string);
      model.softDeleteUser(id as string);
      return user;
    });
    const show = (label: string, names: ReadonlyArray<string | null | undefined>) =>
      ctx.output.line(`  ${label.padEnd(9)} ${names.join(", ")}`);
    show(
      "new",
      added.map((u) => u.displayName),
    );
    show(
      "renamed",
      renamed.map((u) => u.displayName),
    );
    show(
      "disabled",
      disabled.map((u) => u.displayName),
    );
    show(
      "deleted",
      deleted.map((u) => u?.displayName),
    );
    return { new: added.length, renamed: renamed.length, disabled: disabled.length, deleted: deleted.length };
  },
};
