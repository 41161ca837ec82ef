import type { JsonValue } from "@uslimato/core/connector";

/**
 * The seed's field table as field-mapping defaults: displayName → display name; mail, else userPrincipalName →
 * email (the matching key, normalized); accountEnabled → active status. Admins override or extend them.
 */
export const entraUserMapping = {
  version: 1,
  rules: [
    { target: "displayName", source: "[displayName]" },
    { target: "email", source: "ToLower(Trim(Coalesce([mail], [userPrincipalName])))" },
    { target: "active", source: "[accountEnabled]" },
  ],
} satisfies JsonValue;

/** Groups: display name and description. */
export const entraGroupMapping = {
  version: 1,
  rules: [
    { target: "displayName", source: "[displayName]" },
    { target: "description", source: "[description]" },
  ],
} satisfies JsonValue;

/** The user properties the default mapping reads (the minimal `$select`). */
export const DEFAULT_USER_PROPERTIES = [
  "id",
  "displayName",
  "mail",
  "userPrincipalName",
  "accountEnabled",
] as const;
