import type { RecordOwner, SourceRecord } from "@uslimato/core/connector";
import type { IntuneSettings } from "../settings/intune-settings";

/** One policy's compliance status for a device, as joined from the policy's device statuses. */
export interface PolicyStatus {
  policyId: string;
  policyName: string;
  status: string;
}

/** Devices of one Graph page: the upserts in scope, how many fell out of scope, how many were unreadable. */
export interface DevicePageParts {
  upserts: SourceRecord[];
  outOfScope: number;
  invalid: number;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const NO_DEVICE = "00000000-0000-0000-0000-000000000000";

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

/**
 * The owner Intune names for a device: the primary user's Entra object id (`userId`, the id the Entra integration
 * links users by) and an e-mail (`emailAddress`, else the UPN when it looks like one). A `""` or missing `userId`
 * means a userless device: no owner, whatever the UPN says.
 */
export function ownerOf(device: Record<string, unknown>): RecordOwner | null {
  const userId = text(device.userId);
  if (!userId || userId === NO_DEVICE) return null;
  const email = [text(device.emailAddress), text(device.userPrincipalName)].find(
    (value) => value !== undefined && EMAIL.test(value),
  );
  return { externalUserId: userId, source: "entra", ...(email ? { email } : {}) };
}

/** The key that joins a device to its policy statuses (which carry no device id): name and UPN. */
export function statusKey(deviceName: unknown, userPrincipalName: unknown): string {
  const name = typeof deviceName === "string" ? deviceName.toLowerCase() : "";
  const upn = typeof userPrincipalName === "string" ? userPrincipalName.toLowerCase() : "";
  return `${name}|${upn}`;
}

/**
 * Splits a `managedDevices` page: items without an id are counted as invalid, devices outside the configured scope
 * (owner type, operating system: Intune would ignore such a `$filter`) are dropped, and every other device becomes
 * an upsert with its owner, and its policy statuses when they were read.
 */
export function toDevicePage(
  items: ReadonlyArray<unknown>,
  scope: IntuneSettings["scope"],
  statuses?: ReadonlyMap<string, PolicyStatus[]>,
): DevicePageParts {
  const parts: DevicePageParts = { upserts: [], outOfScope: 0, invalid: 0 };
  const systems = scope.operatingSystems?.map((s) => s.toLowerCase());
  for (const item of items) {
    const device = item !== null && typeof item === "object" ? (item as Record<string, unknown>) : null;
    const id = device ? text(device.id) : undefined;
    if (!device || !id) {
      parts.invalid++;
      continue;
    }
    const ownerType =
      typeof device.managedDeviceOwnerType === "string" ? device.managedDeviceOwnerType : "unknown";
    const system = typeof device.operatingSystem === "string" ? device.operatingSystem.toLowerCase() : "";
    if (
      (scope.ownerTypes && !(scope.ownerTypes as string[]).includes(ownerType)) ||
      (systems && !systems.includes(system))
    ) {
      parts.outOfScope++;
      continue;
    }
    const { "@odata.type": _type, ...fields } = device;
    const policies = statuses?.get(statusKey(device.deviceName, device.userPrincipalName));
    parts.upserts.push({
      externalId: id,
      data: statuses ? { ...fields, compliancePolicies: policies ?? [] } : fields,
      owner: ownerOf(device),
    });
  }
  return parts;
}
