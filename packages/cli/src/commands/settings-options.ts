import type { ParseArgsOptionsConfig } from "node:util";

/** Flags that set connector settings (Entra's, plus `--settings JSON` for any connector). Never secrets. */
export const SETTINGS_OPTIONS = {
  "tenant-id": { type: "string" },
  "client-id": { type: "string" },
  scope: { type: "string" },
  cloud: { type: "string" },
  "authority-host": { type: "string" },
  "graph-base-url": { type: "string" },
  "graph-scope": { type: "string" },
  settings: { type: "string" },
} satisfies ParseArgsOptionsConfig;

/** The settings flags as `--help` shows them. */
export const SETTINGS_HELP = `  --tenant-id ID          Entra: Directory (tenant) ID
  --client-id ID          Entra: Application (client) ID
  --scope SCOPE           Entra: users | usersAndGroups (default users)
  --cloud CLOUD           Entra: global | usGov | usGovDoD | china (default global)
  --authority-host URL    Entra: explicit endpoints (a proxy, or the local Graph simulator)...
  --graph-base-url URL    ...with the Graph base URL including its version, e.g. http://127.0.0.1:4010/v1.0
  --settings JSON         settings as JSON (any connector), merged under the flags above`;
