import type { Command } from "../cli/command";
import { SECRET_HELP, SECRET_OPTIONS } from "./secret-options";
import { SETTINGS_HELP, SETTINGS_OPTIONS } from "./settings-options";

/** `uslimato integrations add <connector>`: configures an integration; its secret is sealed at once. */
export const integrationsAddCommand: Command = {
  name: "integrations add",
  summary: 'Configure a new integration (the secret is sealed at once; only "configured" is ever shown).',
  usage: `uslimato integrations add <connector> --name NAME [settings] [secret source] [--interval MIN] [--disabled]

  <connector>             entra | sap
  --name NAME             a name for the integration
  --interval MIN          sync interval in minutes (default max(60, the plan's minimum))
  --disabled              create it disabled
${SETTINGS_HELP}
${SECRET_HELP}

Example:
  ENTRA_CLIENT_SECRET=... uslimato integrations add entra --name "Entra ID" \\
    --tenant-id 00000000-0000-0000-0000-000000000001 --client-id 00000000-0000-0000-0000-000000000002 \\
    --secret-from-env ENTRA_CLIENT_SECRET

  SAP_PASSWORD=... uslimato integrations add sap --name "SAP S/4HANA" \\
    --base-url https://my300000-api.s4hana.cloud.sap --sap-client 100 --username COMM_USER \\
    --equipment --fixed-assets 1010,1710 --employees businessPartner --time-zone Europe/Berlin \\
    --secret-from-env SAP_PASSWORD

  SAP_CERT="$(cat cert.pem)" SAP_KEY="$(cat key.pem)" uslimato integrations add sap --auth certificate \\
    --base-url https://my300000-api.s4hana.cloud.sap --equipment \\
    --secret-from-env clientCertificate=SAP_CERT --secret-from-env clientKey=SAP_KEY`,
  options: {
    name: { type: "string" },
    interval: { type: "string" },
    disabled: { type: "boolean" },
    ...SETTINGS_OPTIONS,
    ...SECRET_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  run: (ctx) => import("./run-integrations-add").then((m) => m.runIntegrationsAdd(ctx)),
};
