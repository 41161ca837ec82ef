import type { ConnectorState } from "../../connector/connector-state";
import { Secret } from "../../secrets/secret";

/** An in-memory {@link ConnectorState} for connector unit tests. */
export function createMemoryState(): ConnectorState {
  const values = new Map<string, string>();
  return {
    get: async (name) => (values.has(name) ? new Secret(values.get(name)!) : null),
    list: async (prefix = "") =>
      [...values]
        .filter(([name]) => name.startsWith(prefix))
        .map(([name, value]) => ({ name, value: new Secret(value) })),
    put: async (name, value) => {
      values.set(name, value);
    },
    delete: async (name) => {
      values.delete(name);
    },
  };
}
