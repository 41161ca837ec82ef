import type { FaultController } from "../faults/fault-controller";
import { createFaultController } from "../faults/fault-controller";
import { createRequestLog, type RequestLog } from "../http/request-log";
import { type SimulatorTls, serveNode } from "../http/serve-node";
import { signingKeys } from "./auth/signing-keys";
import { createGraphService, type GraphServiceOptions } from "./create-graph-service";
import { createGraphModel } from "./model/create-graph-model";
import type { GraphModel, GraphModelOptions } from "./model/graph-model";
import type { LifecycleEvent, NotificationDelivery, Subscription } from "./notifications/subscription";

/** Options of {@link startGraphSimulator}. */
export interface GraphSimulatorOptions extends GraphServiceOptions {
  /** The tenant to serve; default a new model from `modelOptions`. */
  model?: GraphModel;
  modelOptions?: GraphModelOptions;
  /** Port; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  /** Serve https with this key and certificate (for clients that insist on https next links). */
  tls?: SimulatorTls;
  /** Seed of probabilistic faults. Default the model's seed. */
  faultSeed?: number;
}

/** A running Graph + Entra token endpoint simulator. */
export interface GraphSimulator {
  /** Base URL, e.g. `http://127.0.0.1:40123`; the token endpoint is `${url}/${tenantId}/oauth2/v2.0/token`. */
  readonly url: string;
  /** Base of Graph URLs: `${graphBaseUrl}/v1.0/users`. Same as `url`. */
  readonly graphBaseUrl: string;
  /** Authority host for msal (use with `createSimulatorNetworkClient`). Same as `url`. */
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly model: GraphModel;
  readonly faults: FaultController;
  readonly requests: RequestLog;
  /** Subscriptions currently held. */
  subscriptions(): Subscription[];
  /** Every validation, notification and lifecycle POST made (last 1000). */
  readonly deliveries: readonly NotificationDelivery[];
  /** Delivers queued change notifications now and waits for them. */
  flushNotifications(): Promise<void>;
  /** Sends a lifecycle event (default `reauthorizationRequired`) for a subscription. */
  triggerLifecycle(subscriptionId: string, event?: LifecycleEvent): Promise<NotificationDelivery>;
  /** Forgets a subscription without telling anyone (the "lost subscription" fault). */
  loseSubscription(subscriptionId: string): void;
  /**
   * Whether users pages are being rendered ahead on a worker thread (see `renderThread`): false before the
   * first page was asked for, and when the worker could not start and pages are rendered on the server's thread.
   */
  readonly renderThread: boolean;
  close(): Promise<void>;
}

/**
 * Starts the Microsoft Graph simulator on node:http (keep-alive): Entra token endpoint and discovery, users,
 * groups, delta, managed devices, subscriptions with change notifications, faults.
 *
 * @example
 * ```ts
 * const sim = await startGraphSimulator({ modelOptions: { users: 100_000, seed: 7 } });
 * const res = await fetch(`${sim.graphBaseUrl}/v1.0/users?$top=999`, { headers: { authorization: `Bearer ${token}` } });
 * await sim.close();
 * ```
 */
export async function startGraphSimulator(options: GraphSimulatorOptions = {}): Promise<GraphSimulator> {
  const model = options.model ?? createGraphModel(options.modelOptions);
  const faults = createFaultController(options.faultSeed ?? model.seed);
  const requests = createRequestLog();
  const service = createGraphService(model, options);
  // a real token service has its signing keys before the first request: generate them now, off the event loop,
  // so the first token is not late by an RSA key generation (a failure shows at the first token request)
  signingKeys(model).catch(() => {});
  const serving = await serveNode(service.handler, {
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
    faults,
    log: requests,
    faultResponse: service.faultResponse,
  });
  return {
    url: serving.url,
    graphBaseUrl: serving.url,
    authorityHost: serving.url,
    tenantId: model.tenantId,
    model,
    faults,
    requests,
    subscriptions: () => service.subscriptions.list(),
    get deliveries() {
      return service.subscriptions.deliveries;
    },
    flushNotifications: () => service.subscriptions.flush(),
    triggerLifecycle: (id, event) => service.subscriptions.triggerLifecycle(id, event),
    loseSubscription: (id) => service.subscriptions.lose(id),
    get renderThread() {
      return service.renderThread;
    },
    async close() {
      await service.subscriptions.flush();
      service.subscriptions.close();
      await Promise.all([serving.close(), service.close()]);
    },
  };
}
