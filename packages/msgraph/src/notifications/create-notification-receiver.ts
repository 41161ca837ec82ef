import { type Logger, noopLogger, type Secret } from "@uslimato/core/connector";
import { BodyTooLargeError, readLimitedText, type WebhookContext } from "@uslimato/core/webhooks";
import { clientStateMatches } from "./client-state-matches";
import { type GraphNotification, notificationBodySchema } from "./notification-schema";

/** What the receiver needs to know about a subscription we created. */
export interface KnownSubscription {
  integrationId: string;
  /** The Entra tenant the integration talks to. */
  tenantId: string;
  clientState: Secret;
}

/** Options of {@link createNotificationReceiver}. */
export interface NotificationReceiverOptions {
  /** Finds a subscription we created; `null` when unknown. */
  lookupSubscription(subscriptionId: string): Promise<KnownSubscription | null>;
  /** Accepted change notifications of one integration. Fire-and-forget: the receiver answers without awaiting. */
  onChange(integrationId: string, notifications: GraphNotification[]): void | Promise<void>;
  /** Accepted lifecycle events (`reauthorizationRequired`, `subscriptionRemoved`, `missed`). Fire-and-forget. */
  onLifecycle?(integrationId: string, notification: GraphNotification): void | Promise<void>;
  logger?: Logger;
  /** Largest accepted body. Default 1 MB. */
  maxBodyBytes?: number;
}

/** Why a notification was not accepted. */
type Rejection = "unknown_subscription" | "client_state_mismatch" | "tenant_mismatch";

/** How many distinct subscription ids a rejection summary names at most. */
const SAMPLE_IDS = 5;

const text = (status: number, body = "", type = "text/plain; charset=utf-8"): Response =>
  new Response(body, { status, headers: { "content-type": type, "x-content-type-options": "nosniff" } });

/**
 * Creates the change-notification endpoint as a web-standard `(Request) => Promise<Response>`: answers Graph's
 * validation handshake, then accepts a notification only if its subscription is ours, its `clientState` matches
 * (constant time) and its tenant is the integration's. Work is handed on without being awaited, so Graph gets
 * its 202 at once (on edge runtimes it is handed to the adapter's `waitUntil`). Rejected notifications are
 * logged once per request, as counts per reason. Mount it with an adapter from `@uslimato/core/webhooks`.
 *
 * @example
 * ```ts
 * const receive = createNotificationReceiver({ lookupSubscription, onChange: (id) => debouncer.notify(id) });
 * createServer(toNodeHandler(receive)).listen(3000);
 * ```
 */
export function createNotificationReceiver(
  options: NotificationReceiverOptions,
): (request: Request, context?: WebhookContext) => Promise<Response> {
  const logger = options.logger ?? noopLogger;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;

  function later(
    context: WebhookContext | undefined,
    what: string,
    integrationId: string,
    work: () => void | Promise<void>,
  ): void {
    const task = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(work)
      .catch((error: unknown) => logger.error({ integrationId, err: error }, `${what} handler failed`));
    context?.waitUntil?.(task);
  }

  return async (request, context) => {
    const validationToken = new URL(request.url).searchParams.get("validationToken");
    if (validationToken !== null) return text(200, validationToken);
    if (request.method !== "POST") return text(405, "Method Not Allowed");

    let raw: string;
    try {
      raw = await readLimitedText(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return text(413, "Payload Too Large");
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return text(400, "Body is not JSON");
    }
    const parsed = notificationBodySchema.safeParse(json);
    if (!parsed.success) return text(400, "Body is not a Graph notification");

    const known = new Map<string, Promise<KnownSubscription | null>>();
    const changes = new Map<string, GraphNotification[]>();
    const rejected = new Map<Rejection, number>();
    const rejectedIds = new Set<string>();
    try {
      for (const { clientState, ...notification } of parsed.data.value) {
        const { subscriptionId } = notification;
        let lookup = known.get(subscriptionId);
        if (!lookup) {
          lookup = options.lookupSubscription(subscriptionId);
          known.set(subscriptionId, lookup);
        }
        const subscription = await lookup;
        let rejection: Rejection | undefined;
        if (!subscription) rejection = "unknown_subscription";
        else if (!clientStateMatches(clientState, subscription.clientState))
          rejection = "client_state_mismatch";
        else if (subscription.tenantId.toLowerCase() !== notification.tenantId.toLowerCase())
          rejection = "tenant_mismatch";
        if (rejection || !subscription) {
          const reason = rejection ?? "unknown_subscription";
          rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
          if (rejectedIds.size < SAMPLE_IDS) rejectedIds.add(subscriptionId);
          continue;
        }
        const { integrationId } = subscription;
        if (notification.lifecycleEvent !== undefined) {
          const onLifecycle = options.onLifecycle;
          if (onLifecycle)
            later(context, "lifecycle", integrationId, () => onLifecycle(integrationId, notification));
          continue;
        }
        changes.set(integrationId, [...(changes.get(integrationId) ?? []), notification]);
      }
    } catch (error) {
      logger.error({ err: error }, "subscription lookup failed");
      return text(503, "Service Unavailable");
    }
    if (rejected.size > 0) {
      logger.warn(
        {
          rejected: [...rejected.values()].reduce((sum, n) => sum + n, 0),
          reasons: Object.fromEntries(rejected),
          subscriptionIds: [...rejectedIds],
        },
        "notifications rejected",
      );
    }
    for (const [integrationId, notifications] of changes) {
      later(context, "change", integrationId, () => options.onChange(integrationId, notifications));
    }
    return text(202);
  };
}
