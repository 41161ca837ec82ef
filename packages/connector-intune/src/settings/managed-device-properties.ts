/**
 * `managedDevice` properties (Graph v1.0) that list pages carry, so a connector may `$select` them for custom
 * mappings. Complex-typed properties are left out.
 */
export const LISTABLE_DEVICE_PROPERTIES = [
  "id",
  "userId",
  "deviceName",
  "managedDeviceName",
  "managedDeviceOwnerType",
  "enrolledDateTime",
  "lastSyncDateTime",
  "operatingSystem",
  "osVersion",
  "androidSecurityPatchLevel",
  "complianceState",
  "complianceGracePeriodExpirationDateTime",
  "userPrincipalName",
  "userDisplayName",
  "emailAddress",
  "serialNumber",
  "imei",
  "meid",
  "wiFiMacAddress",
  "azureADDeviceId",
  "azureADRegistered",
  "deviceRegistrationState",
  "deviceEnrollmentType",
  "model",
  "manufacturer",
  "managementAgent",
  "managementState",
  "isEncrypted",
  "isSupervised",
  "jailBroken",
  "deviceCategoryDisplayName",
  "totalStorageSpaceInBytes",
  "freeStorageSpaceInBytes",
  "phoneNumber",
  "subscriberCarrier",
  "easActivated",
  "easDeviceId",
  "easActivationDateTime",
  "exchangeAccessState",
  "exchangeAccessStateReason",
  "exchangeLastSuccessfulSyncDateTime",
  "partnerReportedThreatState",
  "requireUserEnrollmentApproval",
  "managementCertificateExpirationDate",
] as const;

/** A property of {@link LISTABLE_DEVICE_PROPERTIES}. */
export type ListableDeviceProperty = (typeof LISTABLE_DEVICE_PROPERTIES)[number];

/**
 * Properties Intune leaves `null` in list pages ("Non-Default property"): only a GET of one device returns them,
 * which a sweep never does (one request per device), so they are refused as extra properties.
 */
export const UNLISTED_DEVICE_PROPERTIES = [
  "activationLockBypassCode",
  "iccid",
  "udid",
  "notes",
  "ethernetMacAddress",
  "physicalMemoryInBytes",
  "remoteAssistanceSessionUrl",
] as const;
