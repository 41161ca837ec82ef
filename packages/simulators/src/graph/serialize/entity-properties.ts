import type { GraphGroup, GraphUser, ManagedDevice } from "../model/graph-types";

/** Every user property the simulator knows (what `$select` accepts). */
export const USER_PROPERTIES: readonly (keyof GraphUser)[] = [
  "id",
  "displayName",
  "givenName",
  "surname",
  "mail",
  "userPrincipalName",
  "accountEnabled",
  "jobTitle",
  "department",
  "country",
  "companyName",
  "employeeId",
  "createdDateTime",
  "userType",
  "usageLocation",
  "officeLocation",
  "mobilePhone",
  "businessPhones",
  "preferredLanguage",
];

/** What Graph v1.0 returns for users without `$select`. */
export const USER_DEFAULT_PROPERTIES: readonly (keyof GraphUser)[] = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
];

/** Group properties; `members` is the navigation that groups delta expands as `members@delta`. */
export type GroupProperty = keyof GraphGroup | "members";

/** Every group property `$select` accepts. */
export const GROUP_PROPERTIES: readonly GroupProperty[] = [
  "id",
  "displayName",
  "description",
  "mailEnabled",
  "securityEnabled",
  "mailNickname",
  "createdDateTime",
  "members",
];

/** Group properties without `$select`. */
export const GROUP_DEFAULT_PROPERTIES: readonly GroupProperty[] = GROUP_PROPERTIES.filter(
  (p) => p !== "members",
);

/** Every managed device property. */
export const DEVICE_PROPERTIES: readonly (keyof ManagedDevice)[] = [
  "id",
  "userId",
  "deviceName",
  "managedDeviceOwnerType",
  "enrolledDateTime",
  "lastSyncDateTime",
  "operatingSystem",
  "osVersion",
  "complianceState",
  "userPrincipalName",
  "serialNumber",
  "azureADDeviceId",
  "model",
  "manufacturer",
  "managementAgent",
  "isEncrypted",
];
