import type { ParseArgsOptionsConfig } from "node:util";

/** Flags that set connector settings (Entra's, SAP's, plus `--settings JSON` for any connector). Never secrets. */
export const SETTINGS_OPTIONS = {
  "tenant-id": { type: "string" },
  "client-id": { type: "string" },
  scope: { type: "string" },
  cloud: { type: "string" },
  "authority-host": { type: "string" },
  "graph-base-url": { type: "string" },
  "graph-scope": { type: "string" },
  "base-url": { type: "string" },
  "sap-client": { type: "string" },
  "sap-language": { type: "string" },
  auth: { type: "string" },
  username: { type: "string" },
  "token-url": { type: "string" },
  "token-scope": { type: "string" },
  "ca-file": { type: "string" },
  equipment: { type: "boolean" },
  plants: { type: "string" },
  "owner-partner-function": { type: "string" },
  "fixed-assets": { type: "string" },
  employees: { type: "string" },
  "time-zone": { type: "string" },
  "page-size": { type: "string" },
  "overlap-seconds": { type: "string" },
  "sweep-hours": { type: "string" },
  settings: { type: "string" },
} satisfies ParseArgsOptionsConfig;

/** The settings flags as `--help` shows them. */
export const SETTINGS_HELP = `  --tenant-id ID          Entra: Directory (tenant) ID
  --client-id ID          Entra: Application (client) ID
  --scope SCOPE           Entra: users | usersAndGroups (default users)
  --cloud CLOUD           Entra: global | usGov | usGovDoD | china (default global)
  --authority-host URL    Entra: explicit endpoints (a proxy, or the local Graph simulator)...
  --graph-base-url URL    ...with the Graph base URL including its version, e.g. http://127.0.0.1:4010/v1.0
  --base-url URL          SAP: the system's API URL, e.g. https://my300000-api.s4hana.cloud.sap
  --sap-client NNN        SAP: the client (sap-client), e.g. 100
  --sap-language XX       SAP: logon language (sap-language), e.g. EN
  --auth MODE             SAP: basic | oauth | certificate (default basic); secrets: password | clientSecret |
                          clientCertificate + clientKey (+ clientKeyPassphrase if the key is encrypted)
  --username USER         SAP basic: the communication user
  --client-id ID          SAP oauth: the OAuth client (Entra: the Application (client) ID)
  --token-url URL         SAP oauth: token URL (default <base-url>/sap/bc/sec/oauth2/token)
  --token-scope SCOPE     SAP oauth: scope to ask for
  --ca-file PATH          SAP: a PEM CA certificate to trust for the system's TLS certificate
  --equipment             SAP source: equipment (API_EQUIPMENT)...
  --plants LIST           ...only of these maintenance plants, e.g. 1010,1710
  --owner-partner-function FN
                          ...owned by their partner of this function, e.g. VW (person responsible), matched
                          against the employees read (business partner number, or a custom view's id)
  --fixed-assets LIST     SAP source: fixed assets (api_fixedasset) of these company codes, e.g. 1010,1710
  --employees MODE        SAP source: employees, businessPartner (API_BUSINESS_PARTNER) or custom (a view of
                          yours: give path, entitySet and fields in --settings)
  --time-zone ZONE        SAP: the system time zone of business partner stamps (IANA, default UTC)
  --page-size N           SAP: rows per request (default 1000, at most 5000)
  --overlap-seconds N     SAP: incremental reads start this long before the high-water mark (default 300)
  --sweep-hours N         SAP: hours between full sweeps finding physical deletes (default 168)
  --settings JSON         settings as JSON (any connector), merged under the flags above`;
