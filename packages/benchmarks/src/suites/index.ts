import { credentialSuite } from "./credential-suite";
import { deltaSuite } from "./delta-suite";
import { entraSyncSuite } from "./entra-sync-suite";
import { intuneSuite } from "./intune-suite";
import { latencySuite } from "./latency-suite";
import { mappingSuite } from "./mapping-suite";
import { memorySuite } from "./memory-suite";
import { postgresSuite } from "./postgres-suite";
import { sapSyncSuite } from "./sap-sync-suite";
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
  latencySuite,
  postgresSuite,
  sapSyncSuite,
  intuneSuite,
];

export type { Suite } from "./suite";
