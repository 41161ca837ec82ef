import { type DemoStep, requireLive } from "../demo-context";
import { logFacts, runSyncStep } from "../run-sync-step";

/** Step 7: an incremental (delta) sync that reads only the changes, and its log. */
export const incrementalSync: DemoStep = {
  name: "incrementalSync",
  title: "Incremental (delta) sync",
  async run(ctx) {
    requireLive(ctx);
    const log = await runSyncStep(ctx);
    const { created, updated, deactivated } = log.counts;
    if (log.mode !== "incremental" || created !== 3 || updated !== 2 || deactivated !== 4)
      throw new Error(
        `expected an incremental sync with 3 created, 2 updated, 4 deactivated; got ${log.mode} ${created}/${updated}/${deactivated}`,
      );
    return logFacts(log);
  },
};
