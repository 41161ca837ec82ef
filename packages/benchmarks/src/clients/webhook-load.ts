import { Secret } from "@uslimato/core";
import { createDebouncer, createNotificationReceiver } from "@uslimato/msgraph";

/** Input of {@link webhookLoad}. */
export interface WebhookLoadInput {
  /** Notifications to send, one per POST. */
  notifications: number;
  /** POSTs in flight at once. */
  concurrency: number;
  /** Integrations (subscriptions) the notifications are spread over. */
  integrations: number;
}

/**
 * Drives the web-standard notification receiver (validation, clientState check, tenant check) with a debouncer
 * behind it (coalescing into one run per integration), in one process, i.e. on one core: `concurrency` POSTs in
 * flight, each answered before the next leaves. Returns `count`, the p50/p99 answer time and how many runs the
 * debouncer coalesced the notifications into.
 */
export async function webhookLoad(input: WebhookLoadInput): Promise<Record<string, number>> {
  const tenantId = "00000000-0000-4000-8000-00000000beef";
  const clientState = "bench-client-state-0123456789";
  let runs = 0;
  const debouncer = createDebouncer({
    waitMs: 50,
    maxWaitMs: 1_000,
    run: () => {
      runs += 1;
    },
  });
  const subscription = (i: number) => ({
    integrationId: `integration-${i}`,
    tenantId,
    clientState: new Secret(clientState),
  });
  const subscriptions = new Map(
    Array.from({ length: input.integrations }, (_, i) => [`sub-${i}`, subscription(i)]),
  );
  const receive = createNotificationReceiver({
    lookupSubscription: async (id) => subscriptions.get(id) ?? null,
    onChange: (integrationId) => debouncer.notify(integrationId),
  });
  const body = (i: number) =>
    JSON.stringify({
      value: [
        {
          subscriptionId: `sub-${i % input.integrations}`,
          clientState,
          changeType: "updated",
          resource: `users/00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
          resourceData: { id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` },
          tenantId,
        },
      ],
    });
  const latencies = new Float64Array(input.notifications);
  let next = 0;
  let accepted = 0;
  const worker = async () => {
    while (next < input.notifications) {
      const i = next++;
      const started = performance.now();
      const request = new Request("https://hooks.example/graph", { method: "POST", body: body(i) });
      const response = await receive(request);
      latencies[i] = performance.now() - started;
      if (response.status === 202) accepted += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: input.concurrency }, worker));
  const workMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 300));
  debouncer.close();
  latencies.sort();
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { count: accepted, workMs, p50Ms: at(0.5), p99Ms: at(0.99), coalescedRuns: runs };
}
