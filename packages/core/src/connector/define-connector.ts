import type { Connector } from "./connector";

/**
 * Identity helper that infers a connector's settings and secret types.
 *
 * @example
 * ```ts
 * export const hr = defineConnector({ id: "hr", title: "HR", ... });
 * ```
 */
export function defineConnector<Settings, SecretName extends string>(
  connector: Connector<Settings, SecretName>,
): Connector<Settings, SecretName> {
  return connector;
}
