import { type Logger, noopLogger, type Secret } from "@uslimato/core";
import { clientStateMatches } from "./client-state-matches";
import { type GraphNotification, notificationBodySchema } from "./notification-schema";
import { BodyTooLargeError, readLimitedText } from "./read-limited-text";

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

const text = (status: number, body = "", type = "text/plain; charset=utf-8"): Response =>
  new Response(body, { status, headers: { "content-type": type, "x-content-type-options": "nosniff" } });

/**
 * Creates the change-notification endpoint as a web-standard `(Request) => Promise<Response>`: answers Graph's
 * validation handshake, then accepts a notification only if its subscription is ours, its `clientState` matches
 * (constant time) and its tenant is the integration's. Work is handed on without being awaited, so Graph gets
 * its 202 at once. Mount it with an adapter from `src/adapters/`.
 *
 * @example
 * ```ts
 * const receive = createNotificationReceiver({ lookupSubscription, onChange: (id) => debouncer.notify(id) });
 * createServer(toNodeHandler(receive)).listen(3000);
 * ```
 */
export function createNotificationReceiver(
  options: NotificationReceiverOptions,
): (request: Request) => Promise<Response> {
  const logger = options.logger ?? noopLogger;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;

  function later(what: string, integrationId: string, work: () => void | Promise<void>): void {
    setTimeout(() => {
      Promise.resolve()
        .then(work)
        .catch((error: unknown) => logger.error({ integrationId, err: error }, `${what} handler failed`));
    }, 0);
  }

  return async (request) => {
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
          logger.warn(
            { subscriptionId, tenantId: notification.tenantId, reason: rejection },
            "notification rejected",
          );
          continue;
        }
        const { integrationId } = subscription;
        if (notification.lifecycleEvent !== undefined) {
          const onLifecycle = options.onLifecycle;
          if (onLifecycle) later("lifecycle", integrationId, () => onLifecycle(integrationId, notification));
          continue;
        }
        changes.set(integrationId, [...(changes.get(integrationId) ?? []), notification]);
      }
    } catch (error) {
      logger.error({ err: error }, "subscription lookup failed");
      return text(503, "Service Unavailable");
    }
    for (const [integrationId, notifications] of changes) {
      later("change", integrationId, () => options.onChange(integrationId, notifications));
    }
    return text(202);
  };
}
