import type { ConnectorFormHints } from "@uslimato/core/connector";
import type { SapSecretName } from "./sap-settings";

const showFor = (auth: string) => ({ field: "auth", equals: auth });

/**
 * The SAP connector's Configure dialog: the system (URL, client), the logon method with its user or OAuth client
 * and the secrets that method needs, then the sources to read; service paths, entity sets, communication
 * scenarios, paging, time zone and trusted CAs are advanced.
 */
export const sapFormHints: ConnectorFormHints<SapSecretName> = {
  order: ["baseUrl", "sapClient", "auth", "username", "oauth", "sources"],
  fields: {
    baseUrl: {
      label: "System URL",
      help: "The API URL of the S/4HANA system (service paths are appended). https; plain http only to a loopback address.",
      placeholder: "https://my300000-api.s4hana.cloud.sap",
    },
    sapClient: { label: "Client (sap-client)", help: "Three digits, e.g. 100.", placeholder: "100" },
    sapLanguage: {
      label: "Logon language",
      help: "Two letters, e.g. EN.",
      placeholder: "EN",
      advanced: true,
    },
    auth: {
      label: "Logon method",
      options: {
        basic: "Communication user and password",
        oauthClientCredentials: "OAuth 2.0 client credentials",
        certificate: "Client certificate (X.509)",
        tokenProvider: "Token from the host app (SAML bearer, BTP destination)",
      },
    },
    username: {
      label: "Communication user",
      help: "The communication user of the communication system (Communication Management).",
      showWhen: showFor("basic"),
    },
    oauth: { label: "OAuth client", showWhen: showFor("oauthClientCredentials") },
    "oauth.clientId": { label: "OAuth client ID" },
    "oauth.tokenUrl": {
      label: "Token URL",
      help: "Default: <System URL>/sap/bc/sec/oauth2/token.",
      placeholder: "https://my300000-api.s4hana.cloud.sap/sap/bc/sec/oauth2/token",
    },
    "oauth.scope": { label: "Scope" },
    caCertificate: {
      label: "Trusted CA certificates (PEM)",
      help: "Only for a system whose TLS certificate the default trust store does not know.",
      widget: "textarea",
      advanced: true,
    },
    systemTimeZone: {
      label: "System time zone",
      help: "The IANA time zone of the system's local time stamps, e.g. Europe/Berlin.",
      placeholder: "UTC",
      advanced: true,
    },
    sources: { label: "Sources", help: "What to read; enable at least one." },
    "sources.equipment": { label: "Equipment (API_EQUIPMENT)" },
    "sources.equipment.enabled": { label: "Read equipment" },
    "sources.equipment.plants": { label: "Maintenance plants", help: "Only these plants (empty: all)." },
    "sources.equipment.ownerPartnerFunction": {
      label: "Owner partner function",
      help: "The partner function whose partner owns the equipment, e.g. VW (person responsible); matched against the employees read here. Empty: no owner.",
      placeholder: "VW",
    },
    "sources.equipment.path": { label: "Service path", advanced: true },
    "sources.equipment.entitySet": { label: "Entity set", advanced: true },
    "sources.equipment.scenario": { label: "Communication scenario", advanced: true },
    "sources.fixedAssets": { label: "Fixed assets (api_fixedasset)" },
    "sources.fixedAssets.enabled": { label: "Read fixed assets" },
    "sources.fixedAssets.companyCodes": { label: "Company codes", help: "Four characters each, e.g. 1010." },
    "sources.fixedAssets.assignment": {
      label: "Read the current assignment",
      help: "Cost center, plant, location and room.",
    },
    "sources.fixedAssets.path": { label: "Service path", advanced: true },
    "sources.fixedAssets.entitySet": { label: "Entity set", advanced: true },
    "sources.fixedAssets.scenario": { label: "Communication scenario", advanced: true },
    "sources.employees": {
      label: "Employees",
      help: 'As JSON: {"mode": "businessPartner"} (API_BUSINESS_PARTNER, role BUP003), or {"mode": "custom", ...} for a custom view.',
      widget: "textarea",
    },
    pageSize: { label: "Page size", help: "Rows per request ($top), at most 5000.", advanced: true },
    overlapSeconds: {
      label: "Incremental overlap (seconds)",
      help: "How far an incremental read reaches back before its high-water mark.",
      advanced: true,
    },
    fullSweepHours: {
      label: "Hours between full sweeps",
      help: "Only full sweeps find physically deleted rows. Default weekly.",
      advanced: true,
    },
  },
  secrets: {
    password: { label: "Password", help: "The communication user's password.", showWhen: showFor("basic") },
    clientSecret: { label: "OAuth client secret", showWhen: showFor("oauthClientCredentials") },
    clientCertificate: {
      label: "Client certificate (PEM)",
      widget: "textarea",
      showWhen: showFor("certificate"),
    },
    clientKey: { label: "Private key (PEM)", widget: "textarea", showWhen: showFor("certificate") },
    clientKeyPassphrase: {
      label: "Private key passphrase",
      help: "Only for an encrypted private key.",
      showWhen: showFor("certificate"),
    },
  },
  serverChecked: ["baseUrl", "oauth.tokenUrl", "systemTimeZone"],
};
