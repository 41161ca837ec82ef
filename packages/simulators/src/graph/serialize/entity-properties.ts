import type { EntraDevice, GraphGroup, GraphUser, ManagedDeviceProperty } from "../model/graph-types";

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

/** Every managed device property `$select` accepts, in the order Graph writes them. */
export const DEVICE_PROPERTIES: readonly ManagedDeviceProperty[] = [
  "id",
  "userId",
  "deviceName",
  "managedDeviceOwnerType",
  "enrolledDateTime",
  "lastSyncDateTime",
  "operatingSystem",
  "complianceState",
  "jailBroken",
  "managementAgent",
  "osVersion",
  "azureADRegistered",
  "deviceEnrollmentType",
  "activationLockBypassCode",
  "emailAddress",
  "azureADDeviceId",
  "deviceRegistrationState",
  "deviceCategoryDisplayName",
  "isSupervised",
  "isEncrypted",
  "userPrincipalName",
  "model",
  "manufacturer",
  "imei",
  "complianceGracePeriodExpirationDateTime",
  "serialNumber",
  "androidSecurityPatchLevel",
  "userDisplayName",
  "wiFiMacAddress",
  "meid",
  "totalStorageSpaceInBytes",
  "freeStorageSpaceInBytes",
  "managedDeviceName",
  "managementState",
  "iccid",
  "udid",
  "notes",
  "ethernetMacAddress",
  "physicalMemoryInBytes",
  "remoteAssistanceSessionUrl",
];

/**
 * "Non-default" properties: `null` in listings and in a GET without `$select`; their values come only from a
 * GET of one device that selects them (per the property docs in Graph's metadata).
 */
export const DEVICE_LIST_OMITTED: ReadonlySet<ManagedDeviceProperty> = new Set([
  "activationLockBypassCode",
  "iccid",
  "udid",
  "notes",
  "ethernetMacAddress",
  "physicalMemoryInBytes",
  "remoteAssistanceSessionUrl",
]);

/** Entra `device` properties `$select` accepts (and lists by default). */
export const ENTRA_DEVICE_PROPERTIES: readonly (keyof EntraDevice)[] = [
  "id",
  "deviceId",
  "displayName",
  "operatingSystem",
  "operatingSystemVersion",
  "accountEnabled",
  "isCompliant",
  "isManaged",
  "mdmAppId",
  "trustType",
  "approximateLastSignInDateTime",
  "registrationDateTime",
  "createdDateTime",
];
