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

/** An Intune managed device (a subset of `microsoft.graph.managedDevice`). */
export interface ManagedDevice {
  id: string;
  userId: string | null;
  deviceName: string;
  managedDeviceOwnerType: "unknown" | "company" | "personal";
  enrolledDateTime: string;
  lastSyncDateTime: string;
  operatingSystem: string;
  osVersion: string;
  complianceState: ComplianceState;
  userPrincipalName: string | null;
  serialNumber: string;
  azureADDeviceId: string;
  model: string;
  manufacturer: string;
  managementAgent: string;
  isEncrypted: boolean;
}

/** Lifecycle state of a user in the model. */
export type UserState = "active" | "softDeleted" | "hardDeleted";
