import { deterministicGuid } from "../../random/deterministic-guid";
import type { AuditProperty, IntuneAuditEvent, ManagedDevice } from "./graph-types";

// salt of audit event ids
const AUDIT_SALT = 10;
const CORRELATION_SALT = 11;

/** What an admin did to a device, as the model's audit log names it. */
export type DeviceAuditAction = "retire" | "wipe" | "delete" | "setPrimaryUser" | "rename";

const ACTIONS: Record<DeviceAuditAction, { activity: string; operation: string }> = {
  retire: { activity: "Retire ManagedDevice", operation: "Action" },
  wipe: { activity: "Wipe ManagedDevice", operation: "Action" },
  delete: { activity: "Delete ManagedDevice", operation: "Delete" },
  setPrimaryUser: { activity: "Patch ManagedDevice", operation: "Patch" },
  rename: { activity: "Patch ManagedDevice", operation: "Patch" },
};

/** The audit event number `n` (0-based) of a tenant: an admin's action on one managed device. */
export function auditEvent(
  seed: number,
  n: number,
  at: Date,
  action: DeviceAuditAction,
  device: ManagedDevice,
  modifiedProperties: AuditProperty[],
  admin: string,
): IntuneAuditEvent {
  const { activity, operation } = ACTIONS[action];
  return {
    id: deterministicGuid(seed, AUDIT_SALT, n),
    displayName: activity,
    componentName: "Devices",
    activity,
    activityDateTime: at.toISOString(),
    activityType: activity,
    activityOperationType: operation,
    activityResult: "Success",
    correlationId: deterministicGuid(seed, CORRELATION_SALT, n),
    category: "Device",
    actor: {
      auditActorType: "ItPro",
      userPrincipalName: admin,
      applicationDisplayName: "Microsoft Intune portal extension",
      applicationId: "5926fc8e-304e-4f59-8bed-58ca97cc39a4",
      ipAddress: "203.0.113.10",
      userId: null,
      userPermissions: ["*"],
    },
    resources: [
      {
        displayName: device.deviceName,
        type: "ManagedDevice",
        auditResourceType: "ManagedDevice",
        resourceId: device.id,
        modifiedProperties,
      },
    ],
  };
}
