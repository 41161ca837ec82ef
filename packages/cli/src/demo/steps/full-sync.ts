import { type DemoStep, requireLive } from "../demo-context";
import { logFacts, runSyncStep } from "../run-sync-step";

/** Step 4: the first, full sync with a live progress bar (pages, users, users/s). */
export const fullSync: DemoStep = {
  name: "fullSync",
  title: "Full sync",
  async run(ctx) {
    const { sim } = requireLive(ctx);
    const total = sim.model.counts().users;
    const log = await runSyncStep(ctx, total);
    if (log.mode !== "full" || log.counts.created !== total)
      throw new Error(
        `expected ${total} users created by a full sync, got ${log.counts.created} (${log.mode})`,
      );
    return logFacts(log);
  },
};
