/**
 * `@uslimato/host`: one composition for host apps. `createInterfaceHub` builds the hub over connectors, storage
 * and a key ring, runs scheduled syncs (in-process or pg-boss), each connector's background service (Entra's
 * change-notification subscriptions and their renewal, change watchers) with every receiver under one
 * web-standard handler, and stops it all gracefully.
 *
 * @example
 * ```ts
 * import { createEntraConnector } from "@uslimato/connector-entra";
 * import { createInterfaceHub } from "@uslimato/host";
 *
 * const app = createInterfaceHub({ connectors: [createEntraConnector()], storage, keyRing, plan: "enterprise" });
 * await app.start();
 * await app.stop({ timeoutMs: 30_000 });
 * ```
 *
 * @module
 */
export { createInterfaceHub } from "./create-interface-hub";
export type { InterfaceHub, InterfaceHubState, StopReport } from "./interface-hub";
export type { InterfaceHubOptions, SchedulerChoice, WebhooksOptions } from "./interface-hub-options";
export { openTelemetry } from "./telemetry/open-telemetry";
