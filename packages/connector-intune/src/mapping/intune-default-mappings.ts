import type { JsonValue } from "@uslimato/core/connector";

/**
 * The default device mapping: name, admin-given name, serial number, manufacturer, model, OS and version, the
 * compliance state and a compliant flag (`inGracePeriod` counts as compliant, as Entra's `isCompliant` does), last
 * seen (`lastSyncDateTime`), owner email (none for userless devices), Entra device id (none for `""` and the
 * all-zero GUID), ownership (`company`, `personal`, `unknown`), management state, and per-policy compliance when
 * read. Admins override or extend it per integration.
 */
export const intuneDeviceMapping: JsonValue = {
  version: 1,
  rules: [
    { target: "name", source: "Coalesce([deviceName], [managedDeviceName])" },
    { target: "managedName", source: "[managedDeviceName]" },
    { target: "serialNumber", source: "[serialNumber]" },
    { target: "manufacturer", source: "[manufacturer]" },
    { target: "model", source: "[model]" },
    { target: "operatingSystem", source: "[operatingSystem]" },
    { target: "osVersion", source: "[osVersion]" },
    { target: "complianceState", source: "[complianceState]" },
    {
      target: "compliant",
      source: 'Or([complianceState] = "compliant", [complianceState] = "inGracePeriod")',
    },
    { target: "lastSeen", source: "[lastSyncDateTime]" },
    {
      target: "ownerEmail",
      source: "IIF(IsPresent([userId]), ToLower(Trim(Coalesce([emailAddress], [userPrincipalName]))), null)",
    },
    {
      target: "entraDeviceId",
      source:
        'IIF(Or(IsNullOrEmpty([azureADDeviceId]), [azureADDeviceId] = "00000000-0000-0000-0000-000000000000"), null, ToLower([azureADDeviceId]))',
    },
    { target: "ownership", source: "[managedDeviceOwnerType]" },
    { target: "managementState", source: "[managementState]" },
    { target: "compliancePolicies", source: "[compliancePolicies]", ignoreIfEmpty: true },
  ],
};

/** The `managedDevice` properties the connector always reads (the defaults' `$select`). */
export const DEFAULT_DEVICE_PROPERTIES = [
  "id",
  "deviceName",
  "managedDeviceName",
  "serialNumber",
  "manufacturer",
  "model",
  "operatingSystem",
  "osVersion",
  "complianceState",
  "lastSyncDateTime",
  "userId",
  "userPrincipalName",
  "emailAddress",
  "azureADDeviceId",
  "managedDeviceOwnerType",
  "managementState",
] as const;
