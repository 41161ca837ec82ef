import { credentialSuite } from "./credential-suite";
import { deltaSuite } from "./delta-suite";
import { entraSyncSuite } from "./entra-sync-suite";
import { intuneSuite } from "./intune-suite";
import { mappingSuite } from "./mapping-suite";
import { memorySuite } from "./memory-suite";
import { schedulerSuite } from "./scheduler-suite";
import { storageSuite } from "./storage-suite";
import type { Suite } from "./suite";
import { webhookSuite } from "./webhook-suite";

/** Every suite of `pnpm bench`, in the order of the issue. CI runs `pnpm bench --quick`. */
export const SUITES: ReadonlyArray<Suite> = [
  entraSyncSuite,
  memorySuite,
  deltaSuite,
  mappingSuite,
  credentialSuite,
  webhookSuite,
  storageSuite,
  schedulerSuite,
  intuneSuite,
];

export type { Suite } from "./suite";
