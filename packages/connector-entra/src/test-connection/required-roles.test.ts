import { describe, expect, it } from "vitest";
import { missingPermissions } from "./required-roles";

describe("missingPermissions", () => {
  it("asks for User.Read.All, and a group permission for the users-and-groups scope", () => {
    expect(missingPermissions(["User.Read.All"], "users")).toEqual([]);
    expect(missingPermissions(["Directory.Read.All"], "usersAndGroups")).toEqual([]);
    expect(missingPermissions(["User.Read.All"], "usersAndGroups")).toEqual([
      "Group.Read.All (or GroupMember.Read.All)",
    ]);
    expect(missingPermissions(["GroupMember.Read.All"], "usersAndGroups")).toEqual(["User.Read.All"]);
  });
});
