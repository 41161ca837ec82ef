import type { AnyConnector } from "../../connector/connector";
import type { MappingEngine } from "../../mapping/mapping-engine";

/** What the connector contract suite needs to exercise a connector against a test double of its service. */
export interface ConnectorContractOptions {
  /** Suite title; default the connector's id. */
  name?: string;
  connector: AnyConnector;
  /** Starts the service double (simulator) and returns a working configuration. */
  setup: () => Promise<{
    settings: unknown;
    secrets: Record<string, string>;
    /** Secrets the service rejects (for the failing connection test). */
    badSecrets?: Record<string, string>;
    /** Makes at least one change in the source (for the incremental check). */
    mutate?: () => Promise<void>;
    teardown?: () => Promise<void>;
  }>;
  /**
   * For device and asset connectors: hooks on the service double that the record cases need. Without a hook its
   * case checks only what plain reads show.
   */
  records?: {
    /** Makes the next listings end early, the way the real service does; the connector must mark them incomplete. */
    truncate?: () => Promise<void> | void;
    /** Undoes `truncate`. */
    restore?: () => Promise<void> | void;
    /** Removes one record from the source and returns its external id. */
    removeOne?: () => Promise<string> | string;
    /** The connector id the owners' external ids belong to (e.g. `entra`); at least one record must have an owner. */
    ownerSource?: string;
  };
  /** The mapping engine the connector's default mappings need: required when it has any (default: pass-through). */
  mapping?: MappingEngine;
  /** Per-test timeout in ms. Default 30 s. */
  timeoutMs?: number;
}
