import { hasExport } from "./has-export";

const NEEDED: ReadonlyArray<[string, string]> = [
  ["@uslimato/connector-entra", "createEntraConnector"],
  ["@uslimato/field-mapping", "fieldMappingEngine"],
  ["@uslimato/credential-store", "createCredentialStore"],
  ["@uslimato/simulators", "startGraphSimulator"],
];

/**
 * What the real Entra sync still lacks: the connector, the mapping engine, the credential store and the Graph
 * simulator (the connector reads `/users/delta`, which only the real simulator serves). `null` when it can run;
 * else a skip reason such as `not available yet: @uslimato/simulators`.
 */
export async function entraSyncMissing(): Promise<string | null> {
  const present = await Promise.all(NEEDED.map(([pkg, name]) => hasExport(pkg, name)));
  const missing = NEEDED.filter((_, i) => !present[i]).map(([pkg]) => pkg);
  return missing.length === 0 ? null : `not available yet: ${missing.join(", ")}`;
}
