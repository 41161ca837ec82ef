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
  /** The mapping engine the connector's default mappings need: required when it has any (default: pass-through). */
  mapping?: MappingEngine;
  /** Per-test timeout in ms. Default 30 s. */
  timeoutMs?: number;
}
