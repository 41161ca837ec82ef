import type { AnyConnector } from "../connector/connector";
import { CoreError } from "../errors/core-error";

/** Connectors by id; duplicate ids are refused, unknown ids are a typed error naming the known ones. */
export class ConnectorRegistry {
  readonly #byId = new Map<string, AnyConnector>();

  constructor(connectors: ReadonlyArray<AnyConnector>) {
    for (const connector of connectors) {
      if (this.#byId.has(connector.id)) {
        throw new CoreError("CONNECTOR_DUPLICATE", `Two connectors share the id "${connector.id}"`, {
          details: { connectorId: connector.id },
        });
      }
      this.#byId.set(connector.id, connector);
    }
  }

  get(id: string): AnyConnector {
    const connector = this.#byId.get(id);
    if (!connector) {
      throw new CoreError(
        "CONNECTOR_UNKNOWN",
        `Unknown connector "${id}"; registered: ${[...this.#byId.keys()].join(", ") || "none"}`,
        {
          path: ["connectorId"],
          details: { connectorId: id },
        },
      );
    }
    return connector;
  }

  list(): AnyConnector[] {
    return [...this.#byId.values()];
  }
}
