import { deterministicGuid } from "../../random/deterministic-guid";
import { hash32 } from "../../random/hash32";
import type { ComplianceState, ManagedDevice } from "./graph-types";

/** Salt of managed device ids in {@link deterministicGuid}. */
export const DEVICE_SALT = 3;
/** Salt of the Entra `deviceId` (`azureADDeviceId`) of managed devices. */
const AAD_DEVICE_SALT = 4;
/** The all-zero GUID some userless devices carry as `azureADDeviceId`. */
const ZERO_GUID = "00000000-0000-0000-0000-000000000000";
/** `complianceGracePeriodExpirationDateTime` of devices that are not in a grace period. */
export const NO_GRACE_PERIOD = "9999-12-31T23:59:59Z";

const STATES: Array<[ComplianceState, number]> = [
  ["compliant", 70],
  ["noncompliant", 12],
  ["inGracePeriod", 5],
  ["unknown", 4],
  ["conflict", 3],
  ["error", 3],
  ["configManager", 3],
];

interface HardwareModel {
  os: string;
  version: string;
  model: string;
  manufacturer: string;
  enrollment: string;
  mobile: boolean;
  apple: boolean;
}

const MODELS: HardwareModel[] = [
  hw("Windows", "10.0.22631.4460", "Latitude 7440", "Dell Inc.", "windowsAzureADJoin"),
  hw("Windows", "10.0.26100.2314", "ThinkPad T14 Gen 4", "LENOVO", "windowsAutoEnrollment"),
  hw("iOS", "17.6.1", "iPhone 15", "Apple", "appleBulkWithUser", true, true),
  hw("macOS", "14.6.1", "MacBook Pro", "Apple", "appleBulkWithUser", false, true),
  hw("Android", "14", "Galaxy S23", "samsung", "androidEnterpriseFullyManaged", true),
  hw("Windows", "10.0.19045.5131", "Surface Laptop 5", "Microsoft Corporation", "windowsBulkAzureDomainJoin"),
];

const CATEGORIES = ["Unknown", "Sales", "Engineering", "Kiosk", "Unknown"];
const NOTES = ["Loaner pool", "Replaced screen 2024", "Shared device - front desk"];

function hw(
  os: string,
  version: string,
  model: string,
  manufacturer: string,
  enrollment: string,
  mobile = false,
  apple = false,
): HardwareModel {
  return { os, version, model, manufacturer, enrollment, mobile, apple };
}

function complianceFor(roll: number): ComplianceState {
  let left = roll % 100;
  for (const [state, weight] of STATES) {
    if (left < weight) return state;
    left -= weight;
  }
  return "compliant";
}

const DATE = new Date(0);

function iso(ms: number): string {
  DATE.setTime(ms);
  return `${DATE.toISOString().slice(0, 19)}Z`;
}

function hex(value: number, digits: number): string {
  return (value >>> 0).toString(16).toUpperCase().padStart(8, "0").slice(0, digits);
}

/** The owner (user index) of device `index`, or undefined for the 10% of devices without a primary user. */
export function deviceOwner(index: number, users: number): number | undefined {
  return index % 10 === 9 || users === 0 ? undefined : index % users;
}

/** The primary user fields a device copies from its Entra user. */
export interface DeviceOwnerInfo {
  id: string;
  userPrincipalName: string;
  displayName: string | null;
  mail: string | null;
}

/** The owner fields of a device: the user's, or one of the three userless shapes seen in the wild. */
export function ownerFields(
  index: number,
  owner: DeviceOwnerInfo | undefined,
): Pick<ManagedDevice, "userId" | "userPrincipalName" | "userDisplayName" | "emailAddress"> {
  if (owner) {
    return {
      userId: owner.id,
      userPrincipalName: owner.userPrincipalName,
      userDisplayName: owner.displayName,
      emailAddress: owner.mail ?? "",
    };
  }
  const shape = Math.floor(index / 10) % 3;
  if (shape === 1) return {};
  return {
    userId: "",
    userPrincipalName: shape === 2 ? "not-an-email" : "",
    userDisplayName: "",
    emailAddress: "",
  };
}

/**
 * The generated managed device number `index`; `anchor` is the model's "now" in ms (last syncs fall in the
 * 30 days before it). Every compliance state occurs (the first seven devices cover them all); device `i` with
 * `i % 10 === 9` has no primary user (`userId` `""`, or absent, or `""` with UPN `not-an-email`, in turn);
 * `i % 50 === 19` has the all-zero `azureADDeviceId` and `i % 50 === 29` an empty one.
 */
export function generateDevice(
  seed: number,
  index: number,
  anchor: number,
  owner: DeviceOwnerInfo | undefined,
): ManagedDevice {
  const h = hash32(seed, index, 31);
  const g = hash32(seed, index, 32);
  const hardware = MODELS[h % MODELS.length] as HardwareModel;
  const complianceState =
    index < STATES.length ? (STATES[index]?.[0] as ComplianceState) : complianceFor(h >>> 8);
  const lastSync = anchor - (h % (30 * 86_400)) * 1000;
  const enrolled = lastSync - ((h >>> 3) % 700) * 86_400_000;
  const unregistered = index % 50 === 19 || index % 50 === 29;
  const prefix = hardware.os === "Windows" ? "DESKTOP" : hardware.os.toUpperCase();
  const deviceName = `${prefix}-${(h >>> 4).toString(36).toUpperCase().padStart(7, "0").slice(0, 7)}`;
  const local = owner ? owner.userPrincipalName.split("@")[0] : undefined;
  const total = [128, 256, 512][g % 3] as number;
  const device: ManagedDevice = {
    id: deterministicGuid(seed, DEVICE_SALT, index),
    deviceName,
    managedDeviceName: local ? `${local}_${hardware.os}_${iso(enrolled).slice(0, 10)}` : deviceName,
    managedDeviceOwnerType: index % 10 === 9 ? "unknown" : h % 5 === 0 ? "personal" : "company",
    enrolledDateTime: iso(enrolled),
    lastSyncDateTime: iso(lastSync),
    operatingSystem: hardware.os,
    osVersion: hardware.version,
    androidSecurityPatchLevel: hardware.os === "Android" ? "2024-10-01" : null,
    complianceState,
    complianceGracePeriodExpirationDateTime:
      complianceState === "inGracePeriod" ? iso(anchor + ((g >>> 4) % 72) * 3_600_000) : NO_GRACE_PERIOD,
    serialNumber: `SN${hex(h >>> 2, 8)}`,
    imei: hardware.mobile ? `35${String(g % 1_000_000_000_000).padStart(13, "0")}` : "",
    meid: "",
    udid: hardware.apple ? `00008110-${hex(g, 8)}${hex(h, 8)}` : null,
    wiFiMacAddress: `${hex(g, 6)}${hex(h, 6)}`,
    ethernetMacAddress: hardware.mobile ? null : `${hex(h >>> 3, 6)}${hex(g >>> 5, 6)}`,
    azureADDeviceId:
      index % 50 === 19
        ? ZERO_GUID
        : index % 50 === 29
          ? ""
          : deterministicGuid(seed, AAD_DEVICE_SALT, index),
    azureADRegistered: !unregistered,
    deviceRegistrationState: unregistered ? "notRegisteredPendingEnrollment" : "registered",
    deviceEnrollmentType: hardware.enrollment,
    model: hardware.model,
    manufacturer: hardware.manufacturer,
    managementAgent: hardware.os === "Windows" ? "mdm" : "intuneClient",
    managementState: "managed",
    isEncrypted: h % 7 !== 0,
    isSupervised: hardware.apple && g % 2 === 0,
    jailBroken: hardware.mobile ? (g % 97 === 0 ? "True" : "False") : "Unknown",
    deviceCategoryDisplayName: CATEGORIES[(g >>> 8) % CATEGORIES.length] as string,
    totalStorageSpaceInBytes: total * 1_073_741_824,
    freeStorageSpaceInBytes: Math.floor((total * ((g >>> 12) % 90)) / 100) * 1_073_741_824,
    physicalMemoryInBytes: hardware.mobile ? 8 * 1_073_741_824 : (16 << (g % 2)) * 1_073_741_824,
    notes: (g >>> 16) % 20 === 0 ? (NOTES[(g >>> 20) % NOTES.length] as string) : null,
    activationLockBypassCode: hardware.apple && g % 11 === 0 ? `${hex(h, 5)}-${hex(g, 5)}` : null,
    iccid: hardware.mobile ? `8949${String(h % 1_000_000_000).padStart(15, "0")}` : null,
    remoteAssistanceSessionUrl: null,
  };
  Object.assign(device, ownerFields(index, owner));
  if (hardware.os === "Windows" && (g >>> 24) % 3 === 0) {
    device["@odata.type"] = "#microsoft.graph.windowsManagedDevice";
  }
  return device;
}
