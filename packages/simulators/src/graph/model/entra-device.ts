import { deterministicGuid } from "../../random/deterministic-guid";
import type { EntraDevice, ManagedDevice } from "./graph-types";

/** Salt of Entra device object ids (`device.id`, not `deviceId`). */
export const ENTRA_DEVICE_SALT = 5;
/** Intune's MDM application id, as Entra devices managed by Intune carry it. */
const INTUNE_MDM_APP_ID = "0000000a-0000-0000-c000-000000000000";

const ENTRA_OS: Record<string, string> = { macOS: "MacMDM" };

/** Whether a managed device has an Entra device at all (`azureADDeviceId` neither `""` nor all zeros). */
function hasEntraDevice(device: ManagedDevice): boolean {
  return device.azureADDeviceId !== "" && !/^0{8}-0{4}-0{4}-0{4}-0{12}$/.test(device.azureADDeviceId);
}

/**
 * The Entra `device` object of managed device `index`: `deviceId` is its `azureADDeviceId`, `isCompliant`
 * follows the Intune verdict (`compliant` and `inGracePeriod` count as compliant), `isManaged` is false once the
 * device left Intune (retired or wiped). `undefined` for devices without an Entra registration.
 */
export function toEntraDevice(
  seed: number,
  index: number,
  device: ManagedDevice,
  managed: boolean,
): EntraDevice | undefined {
  if (!hasEntraDevice(device)) return undefined;
  return {
    id: deterministicGuid(seed, ENTRA_DEVICE_SALT, index),
    deviceId: device.azureADDeviceId,
    displayName: device.deviceName,
    operatingSystem: ENTRA_OS[device.operatingSystem] ?? device.operatingSystem,
    operatingSystemVersion: device.osVersion,
    accountEnabled: true,
    isCompliant: managed
      ? device.complianceState === "compliant" || device.complianceState === "inGracePeriod"
      : false,
    isManaged: managed,
    mdmAppId: managed ? INTUNE_MDM_APP_ID : null,
    trustType: device.managedDeviceOwnerType === "personal" ? "Workplace" : "AzureAd",
    approximateLastSignInDateTime: device.lastSyncDateTime,
    registrationDateTime: device.enrolledDateTime,
    createdDateTime: device.enrolledDateTime,
  };
}

/** The Entra properties whose change shows in `/devices/delta` (sign-in times are refreshed silently). */
export function entraFingerprint(device: EntraDevice | undefined): string {
  if (!device) return "";
  const { approximateLastSignInDateTime: _ignored, ...rest } = device;
  return JSON.stringify(rest);
}
