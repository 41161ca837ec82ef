import type { Secret } from "../secrets/secret";

/**
 * A connector's private state for one integration (e.g. webhook subscriptions and their client states), sealed
 * by the credential vault and kept through the host's storage adapter. Values come back as {@link Secret}s.
 */
export interface ConnectorState {
  get(name: string): Promise<Secret | null>;
  /** Names and values of every entry whose name starts with `prefix`. */
  list(prefix?: string): Promise<Array<{ name: string; value: Secret }>>;
  put(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}
