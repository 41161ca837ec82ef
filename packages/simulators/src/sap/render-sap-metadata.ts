import type { SapEntitySet, SapKind, SapServiceDefinition } from "./sap-entity-set";

const V2_TYPES: Record<SapKind, string> = {
  string: "Edm.String",
  boolean: "Edm.Boolean",
  decimal: "Edm.Decimal",
  guid: "Edm.Guid",
  date: "Edm.DateTime",
  dateTime: "Edm.DateTime",
  dateTimeOffset: "Edm.DateTimeOffset",
  time: "Edm.Time",
};
const V4_TYPES: Record<SapKind, string> = {
  ...V2_TYPES,
  date: "Edm.Date",
  dateTime: "Edm.Date",
  time: "Edm.TimeOfDay",
};

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const local = (typeName: string): string => typeName.slice(typeName.lastIndexOf(".") + 1);

function property(set: SapEntitySet, name: string, kind: SapKind, version: "v2" | "v4"): string {
  const attrs = [`Name="${name}"`, `Type="${(version === "v2" ? V2_TYPES : V4_TYPES)[kind]}"`];
  if (set.keys.includes(name) || (version === "v4" && kind === "string")) attrs.push(`Nullable="false"`);
  const max = set.maxLengths?.[name];
  if (kind === "string" && max) attrs.push(`MaxLength="${max}"`);
  if (kind === "decimal") attrs.push(`Precision="13"`, `Scale="3"`);
  if (kind === "dateTime" || kind === "dateTimeOffset" || kind === "time") attrs.push(`Precision="0"`);
  if (version === "v2" && (kind === "date" || (kind === "dateTime" && !name.endsWith("DateTime")))) {
    attrs.push(`sap:display-format="Date"`);
  }
  return `<Property ${attrs.join(" ")}/>`;
}

function v2(service: SapServiceDefinition): string {
  const ns = service.namespace;
  const types: string[] = [];
  const associations: string[] = [];
  const associationSets: string[] = [];
  for (const set of service.sets) {
    const navs: string[] = [];
    for (const [name, nav] of Object.entries(set.navigations ?? {})) {
      const target = service.sets.find((s) => s.name === nav.target);
      if (!target) continue;
      const assoc = `assoc_${local(set.typeName)}_${name}`;
      navs.push(
        `<NavigationProperty Name="${name}" Relationship="${ns}.${assoc}" FromRole="FromRole_${assoc}" ToRole="ToRole_${assoc}"/>`,
      );
      associations.push(
        `<Association Name="${assoc}" sap:content-version="1"><End Type="${set.typeName}" Multiplicity="1" Role="FromRole_${assoc}"/><End Type="${target.typeName}" Multiplicity="${nav.many ? "*" : "0..1"}" Role="ToRole_${assoc}"/></Association>`,
      );
      associationSets.push(
        `<AssociationSet Name="${assoc}" Association="${ns}.${assoc}" sap:creatable="false" sap:updatable="false" sap:deletable="false" sap:content-version="1"><End EntitySet="${set.name}" Role="FromRole_${assoc}"/><End EntitySet="${target.name}" Role="ToRole_${assoc}"/></AssociationSet>`,
      );
    }
    types.push(
      `<EntityType Name="${local(set.typeName)}" sap:content-version="1"><Key>${set.keys.map((k) => `<PropertyRef Name="${k}"/>`).join("")}</Key>${Object.entries(
        set.properties,
      )
        .map(([name, kind]) => property(set, name, kind, "v2"))
        .join("")}${navs.join("")}</EntityType>`,
    );
  }
  const sets = service.sets
    .map(
      (s) =>
        `<EntitySet Name="${s.name}" EntityType="${s.typeName}" sap:creatable="false" sap:updatable="false" sap:deletable="false" sap:content-version="1"/>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns:sap="http://www.sap.com/Protocols/SAPData"><edmx:DataServices m:DataServiceVersion="2.0"><Schema Namespace="${escapeXml(ns)}" xml:lang="en" sap:schema-version="1" xmlns="http://schemas.microsoft.com/ado/2008/09/edm">${types.join("")}${associations.join("")}<EntityContainer Name="${escapeXml(service.name)}_Entities" m:IsDefaultEntityContainer="true" sap:supported-formats="atom json xlsx">${sets}${associationSets.join("")}</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
}

function v4(service: SapServiceDefinition): string {
  const ns = service.namespace;
  const types = service.sets.map((set) => {
    const navs = Object.entries(set.navigations ?? {}).map(([name, nav]) => {
      const target = service.sets.find((s) => s.name === nav.target);
      return `<NavigationProperty Name="${name}" Type="${nav.many ? `Collection(${target?.typeName})` : target?.typeName}"/>`;
    });
    return `<EntityType Name="${local(set.typeName)}"><Key>${set.keys.map((k) => `<PropertyRef Name="${k}"/>`).join("")}</Key>${Object.entries(
      set.properties,
    )
      .map(([name, kind]) => property(set, name, kind, "v4"))
      .join("")}${navs.join("")}</EntityType>`;
  });
  const sets = service.sets
    .map(
      (s) =>
        `<EntitySet Name="${s.name}" EntityType="${s.typeName}">${Object.entries(s.navigations ?? {})
          .map(([name, nav]) => `<NavigationPropertyBinding Path="${name}" Target="${nav.target}"/>`)
          .join("")}</EntitySet>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="${escapeXml(ns)}" Alias="SAP__self" xmlns="http://docs.oasis-open.org/odata/ns/edm">${types.join("")}<EntityContainer Name="Container">${sets}</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
}

/** The `$metadata` document (EDMX) of a service: v2 EDMX 1.0 with `sap:` annotations, or v4 CSDL XML. */
export function renderSapMetadata(service: SapServiceDefinition): string {
  return service.version === "v2" ? v2(service) : v4(service);
}
