/**
 * Local Microsoft Graph (with the Entra token endpoint) and SAP S/4HANA OData simulators: deterministic,
 * seeded models of any size, served as real HTTP servers or msw handlers, with the real services' quirks and
 * failures on demand. Never point a test at a real tenant.
 *
 * @example
 * ```ts
 * import { startGraphSimulator, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "@uslimato/simulators";
 *
 * const sim = await startGraphSimulator({ modelOptions: { users: 10_000, seed: 42 } });
 * const token = await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/token`, {
 *   method: "POST",
 *   body: new URLSearchParams({
 *     grant_type: "client_credentials",
 *     client_id: DEFAULT_CLIENT_ID,
 *     client_secret: DEFAULT_CLIENT_SECRET,
 *     scope: "https://graph.microsoft.com/.default",
 *   }),
 * }).then((r) => r.json());
 * const page = await fetch(`${sim.graphBaseUrl}/v1.0/users?$top=999`, {
 *   headers: { authorization: `Bearer ${token.access_token}` },
 * }).then((r) => r.json());
 * await sim.close();
 * ```
 *
 * @module
 */
export { SIMULATOR_ERROR_CODES, SimulatorError, type SimulatorErrorCode } from "./errors/simulator-error";
export { createFaultController, type FaultController, type FaultHandle } from "./faults/fault-controller";
export type { FaultKind, FaultRule } from "./faults/fault-rule";
export { createGraphHandlers, type GraphHandlersOptions } from "./graph/create-graph-handlers";
export type { GraphServiceOptions } from "./graph/create-graph-service";
export type { GraphBehaviour } from "./graph/graph-context";
export type { IntuneBudget, IntuneRequestLimits } from "./graph/intune/create-intune-gate";
export type { AppRegistration } from "./graph/model/app-registration";
export { createGraphModel } from "./graph/model/create-graph-model";
export {
  type ChangeEntry,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_ROLES,
  type DeviceEntry,
  type DeviceModel,
  type DeviceState,
  type GraphModel,
  type GraphModelOptions,
  type UserEntry,
} from "./graph/model/graph-model";
export type {
  AuditProperty,
  CompliancePolicy,
  ComplianceState,
  DeviceComplianceStatus,
  EntraDevice,
  GraphGroup,
  GraphUser,
  GraphUserProperty,
  IntuneAuditEvent,
  ManagedDevice,
  ManagedDeviceProperty,
  ManagementState,
  UserState,
} from "./graph/model/graph-types";
export type { LifecycleEvent, NotificationDelivery, Subscription } from "./graph/notifications/subscription";
export {
  type GraphSimulator,
  type GraphSimulatorOptions,
  startGraphSimulator,
} from "./graph/start-graph-simulator";
export type { RequestLog, RequestRecord } from "./http/request-log";
export type { SimulatorTls } from "./http/serve-node";
export type { SimClientCertificate } from "./http/sim-exchange";
export {
  createSimulatorNetworkClient,
  type SimulatorNetworkClient,
  type SimulatorNetworkResponse,
} from "./msal/create-simulator-network-client";
export { createMtlsCertificates, type MtlsCertificates, type PemPair } from "./sap/create-mtls-certificates";
export { createSapHandlers } from "./sap/create-sap-handlers";
export { createSapModel } from "./sap/create-sap-model";
export type { SapService, SapServiceOptions } from "./sap/create-sap-service";
export type {
  SapEntitySet,
  SapKind,
  SapNavigation,
  SapRow,
  SapServiceDefinition,
} from "./sap/sap-entity-set";
export type {
  SapCustomEmployeeFields,
  SapCustomEmployeesOptions,
  SapModel,
  SapModelOptions,
  SapPerson,
} from "./sap/sap-model";
export type { SapOAuthClient } from "./sap/sap-oauth";
export type { SapMessage, SapServiceSwitches } from "./sap/sap-service-switches";
export { type SapSimulator, type SapSimulatorOptions, startSapSimulator } from "./sap/start-sap-simulator";
