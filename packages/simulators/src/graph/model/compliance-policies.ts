import { deterministicGuid } from "../../random/deterministic-guid";
import type { CompliancePolicy, DeviceComplianceStatus, ManagedDevice } from "./graph-types";

/** Salt of compliance policy ids. */
const POLICY_SALT = 12;
const STATUS_SALT = 13;
const CREATED = "2023-03-14T09:00:00Z";

const POLICIES: Array<[string, string, string]> = [
  ["windows10CompliancePolicy", "Windows 10/11 baseline", "Windows"],
  ["iosCompliancePolicy", "iOS baseline", "iOS"],
  ["macOSCompliancePolicy", "macOS baseline", "macOS"],
  ["androidWorkProfileCompliancePolicy", "Android Enterprise baseline", "Android"],
  ["windows10CompliancePolicy", "Windows BitLocker required", "Windows"],
];

const STATUS: Record<ManagedDevice["complianceState"], DeviceComplianceStatus["status"]> = {
  compliant: "compliant",
  noncompliant: "nonCompliant",
  inGracePeriod: "nonCompliant",
  unknown: "unknown",
  conflict: "conflict",
  error: "error",
  configManager: "notApplicable",
};

/** The tenant's compliance policies: one per platform and a second Windows one, assigned to every device. */
export function compliancePolicies(seed: number): CompliancePolicy[] {
  return POLICIES.map(([type, displayName, platform], index) => ({
    "@odata.type": `#microsoft.graph.${type}`,
    id: deterministicGuid(seed, POLICY_SALT, index),
    displayName,
    description: `${platform} devices (simulated)`,
    createdDateTime: CREATED,
    lastModifiedDateTime: CREATED,
    version: 1,
    platform,
  }));
}

/**
 * The status of device `index` under a policy: the device's verdict (`inGracePeriod` reports `nonCompliant`
 * with the grace period end). The status `id` is opaque: it does not carry the managed device id.
 */
export function complianceStatus(
  seed: number,
  policy: CompliancePolicy,
  index: number,
  device: ManagedDevice,
): DeviceComplianceStatus {
  return {
    id: `${policy.id.slice(0, 9)}${deterministicGuid(seed, STATUS_SALT, index).slice(9)}`,
    deviceDisplayName: device.deviceName,
    userName: device.userDisplayName ?? null,
    deviceModel: device.model,
    complianceGracePeriodExpirationDateTime: device.complianceGracePeriodExpirationDateTime,
    status: STATUS[device.complianceState],
    lastReportedDateTime: device.lastSyncDateTime,
    userPrincipalName: device.userPrincipalName ?? null,
  };
}
