import type { JsonValue } from "@uslimato/core/connector";

/**
 * Default field mapping of HR people to users, in `@uslimato/field-mapping`'s JSON: `email` (the matching key),
 * `name` → display name, `active` → active status. Admins override it per integration.
 */
export const hrUserMapping = {
  version: 1,
  rules: [
    { target: "email", source: "ToLower(Trim([email]))" },
    { target: "displayName", source: "[name]" },
    { target: "active", source: "[active]" },
  ],
} satisfies JsonValue;
