/** Application permissions that let the connector read users. */
export const USER_READ_ROLES = [
  "User.Read.All",
  "User.ReadWrite.All",
  "Directory.Read.All",
  "Directory.ReadWrite.All",
];

/** Application permissions that let the connector read groups and their members. */
export const GROUP_READ_ROLES = [
  "Group.Read.All",
  "GroupMember.Read.All",
  "Group.ReadWrite.All",
  "Directory.Read.All",
  "Directory.ReadWrite.All",
];

/** The permissions a scope needs that the token's roles lack (each entry: the permission to grant). */
export function missingPermissions(
  roles: ReadonlyArray<string>,
  scope: "users" | "usersAndGroups",
): string[] {
  const has = (any: string[]) => any.some((role) => roles.includes(role));
  const missing: string[] = [];
  if (!has(USER_READ_ROLES)) missing.push("User.Read.All");
  if (scope === "usersAndGroups" && !has(GROUP_READ_ROLES))
    missing.push("Group.Read.All (or GroupMember.Read.All)");
  return missing;
}
