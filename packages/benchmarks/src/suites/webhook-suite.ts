import { clientModule } from "../clients/client-module";
import { caseRows } from "../report/case-rows";
import { spreadOf } from "../runner/median";
import { runRounds } from "../runner/run-rounds";
import { checkGoal } from "./check-goal";
import type { Suite } from "./suite";

const ID = "6 webhooks";

/**
 * Suite 6: notifications per second through the web-standard receiver (validation + coalescing) on one core, and
 * the p99 answer time under that load. Goals: >= 5,000 notifications/s, p99 < 50 ms.
 */
export const webhookSuite: Suite = {
  id: ID,
  title: "Webhook receiver throughput and p99",
  async run({ quick, runs, warmups, log }) {
    const n = quick ? 10_000 : 200_000;
    const name = "receiver + debouncer, 64 in flight";
    const input = { notifications: n, concurrency: 64, integrations: 100 };
    const [results = []] = await runRounds(
      [{ name, n, task: { module: clientModule("webhook-load"), exportName: "webhookLoad", input } }],
      { runs, warmups, log },
    );
    const rows = caseRows(ID, name, n, results, "notifications/s");
    const rate = rows.find((r) => r.metric === "throughput")?.value ?? Number.NaN;
    const p99 = spreadOf(results.map((m) => m.result.p99Ms ?? Number.NaN)).median;
    return {
      rows,
      goals: [
        checkGoal("notifications per second on one core", rate, 5_000, "atLeast", "/s"),
        checkGoal("p99 answer time under load", p99, 50, "below", "ms"),
      ],
    };
  },
};
