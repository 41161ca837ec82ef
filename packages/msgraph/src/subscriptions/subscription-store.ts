import type { Secret } from "@uslimato/core/connector";

/** A Graph subscription we created, as the store keeps it. `S` is how the clientState is kept: sealed or a Secret. */
export interface SubscriptionRecord<S = Secret> {
  /** Graph's subscription id. */
  id: string;
  integrationId: string;
  resource: string;
  changeType: string;
  expiresAt: Date;
  clientState: S;
}

/**
 * Where subscriptions live between restarts (the Entra connector backs it with the credential store).
 * `list()` without an id lists every integration's subscriptions.
 */
export interface SubscriptionStore<S = Secret> {
  list(integrationId?: string): Promise<SubscriptionRecord<S>[]>;
  put(record: SubscriptionRecord<S>): Promise<void>;
  delete(id: string): Promise<void>;
}

/** A subscription as the manager reports it: everything but the clientState. */
export type ManagedSubscription = Omit<SubscriptionRecord, "clientState">;
