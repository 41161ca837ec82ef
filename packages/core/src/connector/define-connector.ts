import type { Connector } from "./connector";

/**
 * Identity helper that infers a connector's types: its settings (and the settings input of its schema), its
 * secret names and its literal id, so that a hub given this connector types `hub.integrations.create` with them.
 *
 * @example
 * ```ts
 * export const hr = defineConnector({ id: "hr", title: "HR", ... });
 * ```
 */
export function defineConnector<
  Settings,
  const SecretName extends string,
  const Id extends string,
  SettingsInput = unknown,
>(
  connector: Connector<Settings, SecretName, Id, SettingsInput>,
): Connector<Settings, SecretName, Id, SettingsInput> {
  return connector;
}
