import { deterministicGuid } from "../../random/deterministic-guid";
import { hash32 } from "../../random/hash32";
import type { ComplianceState, ManagedDevice } from "./graph-types";

/** Salt of managed device ids in {@link deterministicGuid}. */
export const DEVICE_SALT = 3;
const AAD_DEVICE_SALT = 4;

const STATES: Array<[ComplianceState, number]> = [
  ["compliant", 70],
  ["noncompliant", 12],
  ["inGracePeriod", 5],
  ["unknown", 4],
  ["conflict", 3],
  ["error", 3],
  ["configManager", 3],
];

const MODELS: Array<[string, string, string, string]> = [
  ["Windows", "10.0.22631.4460", "Latitude 7440", "Dell Inc."],
  ["Windows", "10.0.26100.2314", "ThinkPad T14 Gen 4", "LENOVO"],
  ["iOS", "17.6.1", "iPhone 15", "Apple"],
  ["macOS", "14.6.1", "MacBook Pro", "Apple"],
  ["Android", "14", "Galaxy S23", "samsung"],
];

function complianceFor(roll: number): ComplianceState {
  let left = roll % 100;
  for (const [state, weight] of STATES) {
    if (left < weight) return state;
    left -= weight;
  }
  return "compliant";
}

/** The owner (user index) of device `index`, or undefined for the 10% of devices without a primary user. */
export function deviceOwner(index: number, users: number): number | undefined {
  return index % 10 === 9 || users === 0 ? undefined : index % users;
}

/**
 * The generated managed device number `index`; `anchor` is the model's "now" in ms (last syncs fall in the
 * 30 days before it). Every compliance state occurs; the first seven devices cover them all.
 */
export function generateDevice(
  seed: number,
  index: number,
  anchor: number,
  owner: { id: string; userPrincipalName: string } | undefined,
): ManagedDevice {
  const h = hash32(seed, index, 31);
  const [operatingSystem, osVersion, model, manufacturer] = MODELS[h % MODELS.length] as [
    string,
    string,
    string,
    string,
  ];
  const complianceState =
    index < STATES.length ? (STATES[index]?.[0] as ComplianceState) : complianceFor(h >>> 8);
  const lastSync = anchor - (h % (30 * 86_400)) * 1000;
  return {
    id: deterministicGuid(seed, DEVICE_SALT, index),
    userId: owner?.id ?? null,
    deviceName: `${operatingSystem === "Windows" ? "DESKTOP" : operatingSystem.toUpperCase()}-${(h >>> 4).toString(36).toUpperCase().padStart(7, "0").slice(0, 7)}`,
    managedDeviceOwnerType: index % 10 === 9 ? "unknown" : h % 5 === 0 ? "personal" : "company",
    enrolledDateTime: `${new Date(lastSync - ((h >>> 3) % 700) * 86_400_000).toISOString().slice(0, 19)}Z`,
    lastSyncDateTime: `${new Date(lastSync).toISOString().slice(0, 19)}Z`,
    operatingSystem,
    osVersion,
    complianceState,
    userPrincipalName: owner?.userPrincipalName ?? null,
    serialNumber: `SN${(h >>> 2).toString(16).toUpperCase().padStart(8, "0")}`,
    azureADDeviceId: deterministicGuid(seed, AAD_DEVICE_SALT, index),
    model,
    manufacturer,
    managementAgent: operatingSystem === "Windows" ? "mdm" : "intuneClient",
    isEncrypted: h % 7 !== 0,
  };
}
