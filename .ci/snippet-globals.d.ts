// Names that documentation fragments may use without defining them first.
import type { AnyConnector, CredentialVault, Hub, StorageAdapter } from "@uslimato/core";
import type { SchedulerOptions } from "@uslimato/scheduler";
import type { GraphSimulator } from "@uslimato/simulators";

declare global {
  const hub: Hub;
  const vault: CredentialVault;
  /** A running Graph simulator, as in the simulators README. */
  const sim: GraphSimulator;
  const storage: StorageAdapter;
  const integrationId: string;
  const baseUrl: string;
  const apiKey: string;
  function myConnector(): AnyConnector;
  /** A scheduler's integration source and run callback, as in the scheduler README. */
  const source: SchedulerOptions["source"];
  const run: SchedulerOptions["run"];
  function createMyStorage(options: {
    url: string;
  }): Promise<StorageAdapter & { truncateAll(): Promise<void> }>;
}
