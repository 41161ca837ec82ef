import type { BusinessPartnerUnit } from "./generate-sap-rows";
import type { SapEntitySet, SapKind, SapServiceDefinition } from "./sap-entity-set";
import type { SapCustomEmployeeFields, SapCustomEmployeesOptions } from "./sap-model";

const DEFAULT_FIELDS: SapCustomEmployeeFields = {
  id: "WorkforcePersonExternalID",
  businessPartner: "BusinessPartner",
  firstName: "FirstName",
  lastName: "LastName",
  fullName: "PersonFullName",
  email: "DefaultEmailAddress",
  changedAt: "LastChangeDateTime",
  endDate: "EmploymentEndDate",
  blocked: "IsBlocked",
};

/**
 * The custom employee service: one row per employee business partner (role BUP003), its default e-mail and a
 * changed-at that moves with any change of the person, as a custom CDS view joining them would show it.
 */
export function customEmployeeService(
  options: SapCustomEmployeesOptions,
  count: () => number,
  unit: (index: number) => BusinessPartnerUnit | undefined,
): SapServiceDefinition {
  const version = options.version ?? "v2";
  const f = { ...DEFAULT_FIELDS, ...options.fields };
  const name = options.entitySet ?? "YY1_WorkforcePerson";
  const properties: Record<string, SapKind> = {
    [f.id]: "string",
    [f.businessPartner]: "string",
    [f.firstName]: "string",
    [f.lastName]: "string",
    [f.fullName]: "string",
    [f.email]: "string",
    [f.changedAt]: "dateTimeOffset",
    [f.endDate]: version === "v2" ? "dateTime" : "date",
    [f.blocked]: "boolean",
  };
  const namespace =
    version === "v2" ? "YY1_WORKFORCEPERSON_CDS" : "com.sap.gateway.srvd_a2x.yy1_workforceperson.v0001";
  const set: SapEntitySet = {
    name,
    typeName: `${namespace}.${version === "v2" ? `${name}Type` : `${name}Type`}`,
    properties,
    keys: [f.id],
    count,
    rows(index) {
      const u = unit(index);
      if (
        u?.partner.BusinessPartnerCategory !== "1" ||
        !u.roles.some((r) => r.BusinessPartnerRole === "BUP003")
      )
        return [];
      const email = u.emails.find((e) => e.IsDefaultEmailAddress) ?? u.emails[0];
      const employment = u.employments[u.employments.length - 1];
      return [
        {
          [f.id]: String(50_000_000 + index),
          [f.businessPartner]: u.partner.BusinessPartner ?? "",
          [f.firstName]: u.partner.FirstName ?? "",
          [f.lastName]: u.partner.LastName ?? "",
          [f.fullName]: u.partner.PersonFullName ?? "",
          [f.email]: email?.EmailAddress ?? "",
          [f.changedAt]: u.changedMs,
          [f.endDate]: employment?.BPEmploymentEndDate ?? null,
          [f.blocked]: u.partner.BusinessPartnerIsBlocked ?? false,
        },
      ];
    },
  };
  return {
    id: "customEmployees",
    name: version === "v2" ? "YY1_WORKFORCEPERSON_CDS" : "yy1_workforceperson",
    path:
      options.path ??
      (version === "v2"
        ? "/sap/opu/odata/sap/YY1_WORKFORCEPERSON_CDS"
        : "/sap/opu/odata4/sap/yy1_workforceperson/srvd_a2x/sap/yy1_workforceperson/0001"),
    version,
    namespace,
    sets: [set],
  };
}
