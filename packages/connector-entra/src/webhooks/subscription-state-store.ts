import { type ConnectorState, Secret } from "@uslimato/core/connector";
import type { SubscriptionRecord, SubscriptionStore } from "@uslimato/msgraph";

const PREFIX = "graph-subscription:";

interface StoredSubscription {
  id: string;
  integrationId: string;
  resource: string;
  changeType: string;
  expiresAt: string;
  clientState: string;
  /** The Entra tenant id (`tid` of the token) that notifications must carry. */
  tenantId: string;
}

/** A subscription record with the Entra tenant its notifications must come from. */
export type TenantSubscription = SubscriptionRecord & { tenantId: string };

/**
 * Keeps an integration's Graph subscriptions, clientState included, in the connector's sealed state: every
 * record is sealed by the credential store and bound to the integration, never stored in clear.
 */
export function createSubscriptionStateStore(
  state: ConnectorState,
  tenantId: string,
): SubscriptionStore & { listWithTenant(): Promise<TenantSubscription[]> } {
  const listWithTenant = async (): Promise<TenantSubscription[]> =>
    (await state.list(PREFIX)).map(({ value }) => {
      const stored = JSON.parse(value.reveal()) as StoredSubscription;
      return {
        ...stored,
        expiresAt: new Date(stored.expiresAt),
        clientState: new Secret(stored.clientState),
      };
    });
  return {
    listWithTenant,
    async list(integrationId) {
      const all = await listWithTenant();
      return integrationId === undefined ? all : all.filter((s) => s.integrationId === integrationId);
    },
    async put(record) {
      const stored: StoredSubscription = {
        ...record,
        expiresAt: record.expiresAt.toISOString(),
        clientState: record.clientState.reveal(),
        tenantId,
      };
      await state.put(PREFIX + record.id, JSON.stringify(stored));
    },
    async delete(id) {
      await state.delete(PREFIX + id);
    },
  };
}
