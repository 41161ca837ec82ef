/** A Microsoft Graph user as the simulator models it (a subset of `microsoft.graph.user`). */
export interface GraphUser {
  id: string;
  displayName: string | null;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  userPrincipalName: string;
  accountEnabled: boolean;
  jobTitle: string | null;
  department: string | null;
  country: string | null;
  companyName: string | null;
  employeeId: string | null;
  createdDateTime: string;
  userType: "Member" | "Guest";
  usageLocation: string | null;
  officeLocation: string | null;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string | null;
}

/** The properties of {@link GraphUser} that `$select` accepts. */
export type GraphUserProperty = keyof GraphUser;

/** A security group. Members are user ids. */
export interface GraphGroup {
  id: string;
  displayName: string;
  description: string | null;
  mailEnabled: boolean;
  securityEnabled: boolean;
  mailNickname: string;
  createdDateTime: string;
}

/** Intune compliance states. */
export type ComplianceState =
  | "unknown"
  | "compliant"
  | "noncompliant"
  | "conflict"
  | "error"
  | "inGracePeriod"
  | "configManager";

/** Intune's `managementState` (values as the beta API lists them; v1.0 metadata carries the property too). */
export type ManagementState =
  | "managed"
  | "retirePending"
  | "retireFailed"
  | "wipePending"
  | "wipeFailed"
  | "deletePending"
  | "unhealthy";

/**
 * An Intune managed device (a subset of `microsoft.graph.managedDevice`). Userless devices have `userId` `""`
 * or no `userId` at all (`undefined`: the property is left out of the JSON); devices without an Entra device
 * have `azureADDeviceId` `""` or `00000000-0000-0000-0000-000000000000`.
 */
export interface ManagedDevice {
  id: string;
  /** `#microsoft.graph.windowsManagedDevice` for some Windows devices; the base type has none in pages. */
  "@odata.type"?: string;
  userId?: string | null;
  deviceName: string;
  managedDeviceName: string;
  managedDeviceOwnerType: "unknown" | "company" | "personal";
  enrolledDateTime: string;
  lastSyncDateTime: string;
  operatingSystem: string;
  osVersion: string;
  androidSecurityPatchLevel: string | null;
  complianceState: ComplianceState;
  complianceGracePeriodExpirationDateTime: string;
  userPrincipalName?: string | null;
  userDisplayName?: string | null;
  emailAddress?: string | null;
  serialNumber: string;
  imei: string;
  meid: string;
  udid: string | null;
  wiFiMacAddress: string;
  ethernetMacAddress: string | null;
  azureADDeviceId: string;
  azureADRegistered: boolean;
  deviceRegistrationState: string;
  deviceEnrollmentType: string;
  model: string;
  manufacturer: string;
  managementAgent: string;
  managementState: ManagementState;
  isEncrypted: boolean;
  isSupervised: boolean;
  jailBroken: string;
  deviceCategoryDisplayName: string;
  totalStorageSpaceInBytes: number;
  freeStorageSpaceInBytes: number;
  physicalMemoryInBytes: number;
  notes: string | null;
  activationLockBypassCode: string | null;
  iccid: string | null;
  remoteAssistanceSessionUrl: string | null;
}

/** A property of {@link ManagedDevice} (what `$select` accepts). */
export type ManagedDeviceProperty = Exclude<keyof ManagedDevice, "@odata.type">;

/** An Entra ID `device` object as the simulator derives it from a managed device. */
export interface EntraDevice {
  /** Directory object id (not the `deviceId`). */
  id: string;
  /** Set by the device registration service: the managed device's `azureADDeviceId`. */
  deviceId: string;
  displayName: string;
  operatingSystem: string;
  operatingSystemVersion: string;
  accountEnabled: boolean;
  isCompliant: boolean | null;
  isManaged: boolean;
  mdmAppId: string | null;
  trustType: "AzureAd" | "Workplace" | "ServerAd";
  approximateLastSignInDateTime: string;
  registrationDateTime: string;
  createdDateTime: string;
}

/** An Intune device compliance policy (a subset of `microsoft.graph.deviceCompliancePolicy`). */
export interface CompliancePolicy {
  "@odata.type": string;
  id: string;
  displayName: string;
  description: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  version: number;
  /** Devices of this operating system are assigned the policy (simulator-only, not serialised). */
  platform: string;
}

/** One device's status under a compliance policy (`microsoft.graph.deviceComplianceDeviceStatus`). */
export interface DeviceComplianceStatus {
  id: string;
  deviceDisplayName: string;
  userName: string | null;
  deviceModel: string;
  complianceGracePeriodExpirationDateTime: string;
  status:
    | "unknown"
    | "notApplicable"
    | "compliant"
    | "remediated"
    | "nonCompliant"
    | "error"
    | "conflict"
    | "notAssigned";
  lastReportedDateTime: string;
  userPrincipalName: string | null;
}

/** A modified property in an Intune audit event. */
export interface AuditProperty {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

/** An Intune audit event (`microsoft.graph.auditEvent`), written by the model's admin actions. */
export interface IntuneAuditEvent {
  id: string;
  displayName: string;
  componentName: string;
  activity: string;
  activityDateTime: string;
  activityType: string;
  activityOperationType: string;
  activityResult: string;
  correlationId: string;
  category: string;
  actor: {
    auditActorType: string;
    userPrincipalName: string | null;
    applicationDisplayName: string | null;
    applicationId: string | null;
    ipAddress: string | null;
    userId: string | null;
    userPermissions: string[];
  };
  resources: Array<{
    displayName: string;
    type: string;
    auditResourceType: string;
    resourceId: string;
    modifiedProperties: AuditProperty[];
  }>;
}

/** Lifecycle state of a user in the model. */
export type UserState = "active" | "softDeleted" | "hardDeleted";
