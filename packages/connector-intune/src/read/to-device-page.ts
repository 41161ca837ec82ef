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
const TYPE = "@odata.type";

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function emailOf(value: unknown): string | undefined {
  const trimmed = text(value);
  return trimmed !== undefined && EMAIL.test(trimmed) ? trimmed : undefined;
}

/**
 * The owner Intune names for a device: the primary user's Entra object id (`userId`, the id the Entra integration
 * links users by) and an e-mail (`emailAddress`, else the UPN when it looks like one). A `""` or missing `userId`
 * means a userless device: no owner, whatever the UPN says.
 */
export function ownerOf(device: Record<string, unknown>): RecordOwner | null {
  const userId = text(device.userId);
  if (!userId || userId === NO_DEVICE) return null;
  const email = emailOf(device.emailAddress) ?? emailOf(device.userPrincipalName);
  return email
    ? { externalUserId: userId, source: "entra", email }
    : { externalUserId: userId, source: "entra" };
}

/** The key that joins a device to its policy statuses (which carry no device id): name and UPN. */
export function statusKey(deviceName: unknown, userPrincipalName: unknown): string {
  const name = typeof deviceName === "string" ? deviceName.toLowerCase() : "";
  const upn = typeof userPrincipalName === "string" ? userPrincipalName.toLowerCase() : "";
  return `${name}|${upn}`;
}

/** A device's fields without its `@odata.type`: the parsed object itself when it has none (most have none). */
function fieldsOf(device: Record<string, unknown>): Record<string, unknown> {
  if (!Object.hasOwn(device, TYPE)) return device;
  const { [TYPE]: _type, ...fields } = device;
  return fields;
}

/**
 * Splits a `managedDevices` page: items without an id are counted as invalid, devices outside the configured scope
 * (owner type, operating system: Intune would ignore such a `$filter`) are dropped, and every other device becomes
 * an upsert with its owner, and its policy statuses when they were read. A device's `data` is the parsed item
 * itself unless it had to be copied (an `@odata.type` dropped, policies added): the page hands its items over.
 */
export function toDevicePage(
  items: ReadonlyArray<unknown>,
  scope: IntuneSettings["scope"],
  statuses?: ReadonlyMap<string, PolicyStatus[]>,
): DevicePageParts {
  const parts: DevicePageParts = { upserts: [], outOfScope: 0, invalid: 0 };
  const ownerTypes = scope.ownerTypes as readonly string[] | undefined;
  const systems = scope.operatingSystems?.map((s) => s.toLowerCase());
  for (const item of items) {
    const device = item !== null && typeof item === "object" ? (item as Record<string, unknown>) : null;
    const id = device ? text(device.id) : undefined;
    if (!device || !id) {
      parts.invalid++;
      continue;
    }
    if (
      (ownerTypes &&
        !ownerTypes.includes(
          typeof device.managedDeviceOwnerType === "string" ? device.managedDeviceOwnerType : "unknown",
        )) ||
      (systems &&
        !systems.includes(
          typeof device.operatingSystem === "string" ? device.operatingSystem.toLowerCase() : "",
        ))
    ) {
      parts.outOfScope++;
      continue;
    }
    const fields = fieldsOf(device);
    parts.upserts.push({
      externalId: id,
      data: statuses
        ? {
            ...fields,
            compliancePolicies: statuses.get(statusKey(device.deviceName, device.userPrincipalName)) ?? [],
          }
        : fields,
      owner: ownerOf(device),
    });
  }
  return parts;
}
