import { type Logger, noopLogger, type Secret } from "@uslimato/core/connector";
import type { GraphClient } from "../client/graph-client";
import { generateClientState } from "./generate-client-state";
import {
  deleteSubscription,
  findSubscription,
  type GraphSubscription,
  getSubscription,
  hasStatus,
  type NewGraphSubscription,
  patchSubscription,
  postSubscription,
} from "./subscription-requests";
import type { ManagedSubscription, SubscriptionRecord, SubscriptionStore } from "./subscription-store";

/** Longest lifetime Graph allows for users and groups subscriptions (under 29 days). */
export const MAX_SUBSCRIPTION_MINUTES = 41_760;

/** Options of {@link createSubscriptionManager}. */
export interface SubscriptionManagerOptions<S> {
  client: GraphClient;
  /** Public https URL of the notification receiver. */
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  store: SubscriptionStore<S>;
  /** Seals a fresh clientState for the store (e.g. with the credential store). Default: keep the Secret. */
  sealClientState?: (clientState: Secret, subscription: ManagedSubscription) => Promise<S>;
  /** Opens a stored clientState. Default: it already is a Secret. */
  openClientState?: (stored: S) => Promise<Secret>;
  /** Default `updated,deleted` (the only types users and groups support). */
  changeType?: string;
  /** Subscription lifetime. Default 41,760 minutes. */
  lifetimeMinutes?: number;
  /** Taken off the lifetime for clock skew. Default 10 minutes. */
  marginMinutes?: number;
  /** `ensure` renews subscriptions expiring within this. Default 1 day. */
  renewWithinMinutes?: number;
  clock?: () => Date;
  logger?: Logger;
}

/** What {@link SubscriptionManager.renewDue} did; failures are collected, not thrown. */
export interface RenewalReport {
  renewed: string[];
  recreated: Array<{ previousId: string; id: string }>;
  failed: Array<{ id: string; integrationId: string; error: unknown }>;
}

/** Creates, renews, reauthorizes and removes integrations' Graph subscriptions. */
export interface SubscriptionManager {
  /**
   * Makes sure each resource has a live subscription; removes ours for resources no longer listed. A stored
   * subscription is checked on Graph (`GET /subscriptions/{id}`): one Graph no longer has is recreated, one that
   * points at another notification URL is replaced.
   */
  ensure(integrationId: string, resources: ReadonlyArray<string>): Promise<ManagedSubscription[]>;
  /** Extends every subscription expiring before `before`; recreates those Graph lost. */
  renewDue(options: { before: Date }): Promise<RenewalReport>;
  /** Answers a `reauthorizationRequired` lifecycle event; recreates the subscription if Graph lost it. */
  reauthorize(subscriptionId: string): Promise<void>;
  /**
   * Answers a `subscriptionRemoved` lifecycle event: deletes what is left of one of our subscriptions and creates
   * it anew (fresh clientState). `null` when the subscription is not ours.
   */
  recreate(subscriptionId: string): Promise<ManagedSubscription | null>;
  /** Deletes every subscription of the integration (Graph's 404 is fine). */
  removeAll(integrationId: string): Promise<void>;
  /** The integration and clientState of one of our subscriptions, for the receiver's `lookupSubscription`. */
  find(subscriptionId: string): Promise<{ integrationId: string; clientState: Secret } | null>;
}

const publicPart = <S>({ clientState: _, ...rest }: SubscriptionRecord<S>): ManagedSubscription => rest;

/**
 * Creates the subscription manager. Each subscription gets a fresh random clientState, kept as a `Secret` in
 * memory and handed to the store sealed (`sealClientState`). A 409 (the app already has one for this resource
 * and change type, e.g. made for an older notification URL) deletes that one and creates ours; a 404 on renew or
 * reauthorize recreates it. Graph could PATCH a new notification URL, but a subscription the store does not know
 * has a clientState nobody knows, so a subscription is always replaced, never re-pointed.
 *
 * @example
 * ```ts
 * const subscriptions = createSubscriptionManager({ client: graph, notificationUrl: "https://hub.example/graph", store });
 * await subscriptions.ensure("int-1", ["users", "groups"]);
 * setInterval(() => subscriptions.renewDue({ before: new Date(Date.now() + 86_400_000) }), 3_600_000);
 * ```
 */
export function createSubscriptionManager(options: SubscriptionManagerOptions<Secret>): SubscriptionManager;
export function createSubscriptionManager<S>(
  options: SubscriptionManagerOptions<S> &
    Required<Pick<SubscriptionManagerOptions<S>, "sealClientState" | "openClientState">>,
): SubscriptionManager;
export function createSubscriptionManager<S>(options: SubscriptionManagerOptions<S>): SubscriptionManager {
  const { client, store, notificationUrl } = options;
  const logger = options.logger ?? noopLogger;
  const clock = options.clock ?? (() => new Date());
  const changeType = options.changeType ?? "updated,deleted";
  const lifetimeMs =
    ((options.lifetimeMinutes ?? MAX_SUBSCRIPTION_MINUTES) - (options.marginMinutes ?? 10)) * 60_000;
  const renewWithinMs = (options.renewWithinMinutes ?? 24 * 60) * 60_000;
  const seal = options.sealClientState ?? (async (secret: Secret) => secret as S);
  const open = options.openClientState ?? (async (stored: S) => stored as Secret);
  const expiry = (): Date => new Date(clock().getTime() + lifetimeMs);

  async function create(integrationId: string, resource: string): Promise<ManagedSubscription> {
    const clientState = generateClientState();
    const body: NewGraphSubscription = {
      changeType,
      notificationUrl,
      ...(options.lifecycleNotificationUrl
        ? { lifecycleNotificationUrl: options.lifecycleNotificationUrl }
        : {}),
      resource,
      expirationDateTime: expiry().toISOString(),
      clientState: clientState.reveal(),
    };
    let created: Awaited<ReturnType<typeof postSubscription>>;
    try {
      created = await postSubscription(client, body);
    } catch (error) {
      if (!hasStatus(error, 409)) throw error;
      const existing = await findSubscription(client, resource, changeType);
      logger.info(
        { integrationId, resource, replaced: existing?.id },
        "graph subscription conflict: replacing",
      );
      if (existing) {
        await deleteSubscription(client, existing.id);
        await store.delete(existing.id);
      }
      created = await postSubscription(client, body);
    }
    const managed: ManagedSubscription = {
      id: created.id,
      integrationId,
      resource,
      changeType: created.changeType,
      expiresAt: new Date(created.expirationDateTime),
    };
    await store.put({ ...managed, clientState: await seal(clientState, managed) });
    logger.info({ integrationId, resource, subscriptionId: managed.id }, "graph subscription created");
    return managed;
  }

  async function renew(record: SubscriptionRecord<S>): Promise<ManagedSubscription> {
    try {
      const expiresAt = await patchSubscription(client, record.id, expiry());
      await store.put({ ...record, expiresAt });
      return { ...publicPart(record), expiresAt };
    } catch (error) {
      if (!hasStatus(error, 404)) throw error;
      logger.warn(
        { integrationId: record.integrationId, subscriptionId: record.id },
        "graph lost a subscription: recreating",
      );
      await store.delete(record.id);
      return create(record.integrationId, record.resource);
    }
  }

  const pointsElsewhere = (live: GraphSubscription): boolean =>
    (live.notificationUrl !== undefined && live.notificationUrl !== notificationUrl) ||
    (options.lifecycleNotificationUrl !== undefined &&
      live.lifecycleNotificationUrl !== undefined &&
      live.lifecycleNotificationUrl !== options.lifecycleNotificationUrl);

  async function replace(record: SubscriptionRecord<S>, why: string): Promise<ManagedSubscription> {
    logger.warn({ integrationId: record.integrationId, subscriptionId: record.id }, why);
    await deleteSubscription(client, record.id);
    await store.delete(record.id);
    return create(record.integrationId, record.resource);
  }

  async function check(record: SubscriptionRecord<S>): Promise<ManagedSubscription> {
    const live = await getSubscription(client, record.id);
    if (!live) return replace(record, "graph no longer has a subscription: recreating");
    if (pointsElsewhere(live)) return replace(record, "graph subscription points at another URL: replacing");
    if (record.expiresAt.getTime() - clock().getTime() < renewWithinMs) return renew(record);
    return publicPart(record);
  }

  return {
    async ensure(integrationId, resources) {
      const existing = await store.list(integrationId);
      const result: ManagedSubscription[] = [];
      for (const resource of resources) {
        const found = existing.find((r) => r.resource === resource);
        result.push(found ? await check(found) : await create(integrationId, resource));
      }
      for (const stale of existing.filter((r) => !resources.includes(r.resource))) {
        await deleteSubscription(client, stale.id);
        await store.delete(stale.id);
      }
      return result;
    },
    async renewDue({ before }) {
      const report: RenewalReport = { renewed: [], recreated: [], failed: [] };
      for (const record of await store.list()) {
        if (record.expiresAt.getTime() >= before.getTime()) continue;
        try {
          const renewed = await renew(record);
          if (renewed.id === record.id) report.renewed.push(record.id);
          else report.recreated.push({ previousId: record.id, id: renewed.id });
        } catch (error) {
          report.failed.push({ id: record.id, integrationId: record.integrationId, error });
        }
      }
      return report;
    },
    async reauthorize(subscriptionId) {
      try {
        await client.request("POST", `/subscriptions/${encodeURIComponent(subscriptionId)}/reauthorize`);
      } catch (error) {
        const record = (await store.list()).find((r) => r.id === subscriptionId);
        if (!hasStatus(error, 404) || !record) throw error;
        await store.delete(record.id);
        await create(record.integrationId, record.resource);
      }
    },
    async recreate(subscriptionId) {
      const record = (await store.list()).find((r) => r.id === subscriptionId);
      return record ? replace(record, "graph removed a subscription: recreating") : null;
    },
    async removeAll(integrationId) {
      for (const record of await store.list(integrationId)) {
        await deleteSubscription(client, record.id);
        await store.delete(record.id);
      }
    },
    async find(subscriptionId) {
      const record = (await store.list()).find((r) => r.id === subscriptionId);
      return record
        ? { integrationId: record.integrationId, clientState: await open(record.clientState) }
        : null;
    },
  };
}
