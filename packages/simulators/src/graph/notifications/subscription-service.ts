import { SimulatorError } from "../../errors/simulator-error";
import { jsonResponse, type SimRequest, type SimResponse } from "../../http/sim-exchange";
import { deterministicGuid } from "../../random/deterministic-guid";
import { graphError } from "../graph-error";
import type { ChangeEntry, GraphModel } from "../model/graph-model";
import type { LifecycleEvent, NotificationDelivery, Subscription } from "./subscription";
import { validationHandshake } from "./validation-handshake";

const MAX_MINUTES = 41_760;
const QUOTA = 100;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Subscriptions, their handshake, and delivery of change notifications for model changes. */
export interface SubscriptionService {
  create(request: SimRequest, appId: string): Promise<SimResponse>;
  /** `PATCH /subscriptions/{id}`: a new expiration; only the app's own subscriptions. */
  renew(request: SimRequest, appId: string, id: string): SimResponse;
  /** `DELETE /subscriptions/{id}`: only the app's own subscriptions. */
  remove(request: SimRequest, appId: string, id: string): SimResponse;
  reauthorize(request: SimRequest, appId: string, id: string): SimResponse;
  /** `GET /subscriptions` (the app's own, as Graph lists them) or `GET /subscriptions/{id}`. */
  get(request: SimRequest, appId: string, id?: string): SimResponse;
  list(): Subscription[];
  /** Sends queued notifications now and waits for every delivery in flight. */
  flush(): Promise<void>;
  /** POSTs a lifecycle event to the subscription's lifecycleNotificationUrl (or its notificationUrl). */
  triggerLifecycle(id: string, event?: LifecycleEvent): Promise<NotificationDelivery>;
  /** Forgets a subscription silently, as when Graph loses one. */
  lose(id: string): void;
  readonly deliveries: readonly NotificationDelivery[];
  close(): void;
}

function resourceOf(
  change: ChangeEntry,
  model: GraphModel,
): { path: string; type: string; id: string } | undefined {
  if (change.resource === "users") {
    const id = model.userEntry(change.index).user.id;
    return { path: `Users/${id}`, type: "#Microsoft.Graph.User", id };
  }
  if (change.resource === "groups") {
    const id = model.group(change.index).id;
    return { path: `Groups/${id}`, type: "#Microsoft.Graph.Group", id };
  }
  return undefined;
}

function covers(subscription: Subscription, change: ChangeEntry, resource: { id: string }): boolean {
  const wanted = subscription.resource.replace(/^\//, "").toLowerCase();
  if (!subscription.changeType.split(",").includes(change.changeType)) return false;
  if (wanted === change.resource || wanted === `${change.resource}/${resource.id}`) return true;
  return (
    change.resource === "groups" &&
    wanted === `groups/${resource.id}/members` &&
    (change.memberAdded !== undefined || change.memberRemoved !== undefined)
  );
}

/** Creates the subscription service of one simulator over a model. */
export function createSubscriptionService(
  model: GraphModel,
  options: { validationTimeoutMs: number; batchDelayMs: number },
): SubscriptionService {
  const subscriptions = new Map<string, Subscription>();
  const deliveries: NotificationDelivery[] = [];
  const queue = new Map<string, unknown[]>();
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let created = 0;

  async function post(
    url: string,
    kind: NotificationDelivery["kind"],
    payload: unknown,
  ): Promise<NotificationDelivery> {
    const body = JSON.stringify(payload);
    let status = 0;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 0;
    }
    const delivery = { url, kind, status, body, at: Date.now() };
    deliveries.push(delivery);
    if (deliveries.length > 1000) deliveries.splice(0, deliveries.length - 1000);
    return delivery;
  }

  function track(promise: Promise<unknown>): void {
    const done = promise.then(() => undefined);
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
  }

  function sendQueued(): void {
    timer = undefined;
    for (const [url, value] of queue) track(post(url, "notification", { value }));
    queue.clear();
  }

  const unsubscribe = model.onChange((change) => {
    const resource = resourceOf(change, model);
    if (!resource) return;
    const now = model.clock().getTime();
    for (const s of subscriptions.values()) {
      if (Date.parse(s.expirationDateTime) < now || !covers(s, change, resource)) continue;
      const batch = queue.get(s.notificationUrl) ?? [];
      queue.set(s.notificationUrl, batch);
      batch.push({
        id: deterministicGuid(model.seed, 6, change.seq * 131 + batch.length),
        subscriptionId: s.id,
        subscriptionExpirationDateTime: s.expirationDateTime,
        clientState: s.clientState,
        changeType: change.changeType,
        resource: resource.path,
        resourceData: {
          "@odata.type": resource.type,
          "@odata.id": resource.path,
          id: resource.id,
          organizationId: model.tenantId,
        },
        tenantId: model.tenantId,
      });
    }
    if (queue.size > 0 && !timer) timer = setTimeout(sendQueued, options.batchDelayMs);
  });

  function checkExpiry(request: SimRequest, value: unknown): SimResponse | string {
    const at = typeof value === "string" ? Date.parse(value) : Number.NaN;
    const now = model.clock().getTime();
    if (Number.isNaN(at))
      return graphError(
        request,
        400,
        "InvalidRequest",
        "expirationDateTime is required and must be a DateTimeOffset.",
      );
    if (at <= now)
      return graphError(request, 400, "InvalidRequest", "Subscription expiration must be in the future.");
    if (at - now > MAX_MINUTES * 60_000) {
      return graphError(
        request,
        400,
        "InvalidRequest",
        `Subscription expiration can only be ${MAX_MINUTES} minutes in the future.`,
      );
    }
    return new Date(at).toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
  }

  function view(request: SimRequest, s: Subscription, status = 200): SimResponse {
    return jsonResponse(status, {
      "@odata.context": `${request.url.origin}/v1.0/$metadata#subscriptions/$entity`,
      ...s,
      creatorId: s.applicationId,
      includeResourceData: false,
      latestSupportedTlsVersion: "v1_2",
      encryptionCertificate: null,
      encryptionCertificateId: null,
      notificationQueryOptions: null,
      notificationUrlAppId: null,
    });
  }

  /** One of the app's own subscriptions: another app's is as good as missing. */
  function own(appId: string, id: string): Subscription | undefined {
    const s = subscriptions.get(id);
    return s?.applicationId === appId ? s : undefined;
  }

  function missing(request: SimRequest, id: string): SimResponse {
    return graphError(
      request,
      404,
      "ResourceNotFound",
      `The object was not found. Subscription '${id}' does not exist.`,
    );
  }

  function urlProblem(value: unknown): string | undefined {
    if (typeof value !== "string" || !URL.canParse(value)) return "must be an absolute URL";
    const url = new URL(value);
    if (
      url.protocol === "https:" ||
      (url.protocol === "http:" && LOOPBACK.has(url.hostname === "::1" ? "[::1]" : url.hostname))
    ) {
      return undefined;
    }
    return "must use https (the simulator also accepts http on loopback)";
  }

  return {
    async create(request, appId) {
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(request.body) as Record<string, unknown>;
      } catch {
        return graphError(request, 400, "BadRequest", "Unable to read JSON request payload.");
      }
      const resource = String(input.resource ?? "").replace(/^\//, "");
      if (!/^(users|groups|users\/[0-9a-f-]{36}|groups\/[0-9a-f-]{36}(\/members)?)$/i.test(resource)) {
        return graphError(
          request,
          400,
          "InvalidRequest",
          `Resource '${resource}' is not supported by the simulator.`,
        );
      }
      const changeTypes = String(input.changeType ?? "")
        .split(",")
        .map((c) => c.trim());
      if (changeTypes.some((c) => c !== "updated" && c !== "deleted") || changeTypes.length === 0) {
        return graphError(
          request,
          400,
          "InvalidRequest",
          `ChangeType '${String(input.changeType)}' is not supported for resource '${resource}'. Supported: updated, deleted.`,
        );
      }
      for (const key of ["notificationUrl", "lifecycleNotificationUrl"] as const) {
        if (key === "lifecycleNotificationUrl" && input[key] === undefined) continue;
        const problem = urlProblem(input[key]);
        if (problem) return graphError(request, 400, "InvalidRequest", `${key} ${problem}.`);
      }
      if (typeof input.clientState === "string" && input.clientState.length > 128) {
        return graphError(request, 400, "InvalidRequest", "clientState must be at most 128 characters.");
      }
      const expiration = checkExpiry(request, input.expirationDateTime);
      if (typeof expiration !== "string") return expiration;
      const changeType = changeTypes.join(",");
      const own = [...subscriptions.values()].filter((s) => s.applicationId === appId);
      if (
        own.some((s) => s.resource.toLowerCase() === resource.toLowerCase() && s.changeType === changeType)
      ) {
        return graphError(
          request,
          409,
          "Conflict",
          "A subscription with the same resource and change type already exists for this application.",
        );
      }
      if (own.filter((s) => s.resource.split("/")[0] === resource.split("/")[0]).length >= QUOTA) {
        return graphError(
          request,
          403,
          "ExtensionError",
          `Subscription quota of ${QUOTA} per application and resource reached.`,
        );
      }
      const notificationUrl = String(input.notificationUrl);
      const lifecycleNotificationUrl =
        typeof input.lifecycleNotificationUrl === "string" ? input.lifecycleNotificationUrl : null;
      for (const url of lifecycleNotificationUrl
        ? [notificationUrl, lifecycleNotificationUrl]
        : [notificationUrl]) {
        const failure = await validationHandshake(url, options.validationTimeoutMs);
        deliveries.push({
          url,
          kind: "validation",
          status: failure ? 400 : 200,
          body: failure ?? "",
          at: Date.now(),
        });
        if (failure) return graphError(request, 400, "ValidationError", failure);
      }
      const subscription: Subscription = {
        id: deterministicGuid(model.seed, 5, created++),
        resource,
        changeType,
        notificationUrl,
        lifecycleNotificationUrl,
        clientState: typeof input.clientState === "string" ? input.clientState : null,
        expirationDateTime: expiration,
        applicationId: appId,
      };
      subscriptions.set(subscription.id, subscription);
      return view(request, subscription, 201);
    },
    renew(request, appId, id) {
      const s = own(appId, id);
      if (!s) return missing(request, id);
      let input: Record<string, unknown> = {};
      try {
        input = JSON.parse(request.body) as Record<string, unknown>;
      } catch {
        return graphError(request, 400, "BadRequest", "Unable to read JSON request payload.");
      }
      const expiration = checkExpiry(request, input.expirationDateTime);
      if (typeof expiration !== "string") return expiration;
      s.expirationDateTime = expiration;
      return view(request, s);
    },
    remove(request, appId, id) {
      if (!own(appId, id)) return missing(request, id);
      subscriptions.delete(id);
      return { status: 204, headers: {}, body: "" };
    },
    reauthorize(request, appId, id) {
      return own(appId, id) ? { status: 200, headers: {}, body: "" } : missing(request, id);
    },
    get(request, appId, id) {
      if (id === undefined) {
        return jsonResponse(200, {
          "@odata.context": `${request.url.origin}/v1.0/$metadata#subscriptions`,
          value: [...subscriptions.values()].filter((s) => s.applicationId === appId),
        });
      }
      const s = own(appId, id);
      return s ? view(request, s) : missing(request, id);
    },
    list: () => [...subscriptions.values()],
    async flush() {
      if (timer) {
        clearTimeout(timer);
        sendQueued();
      }
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async triggerLifecycle(id, event = "reauthorizationRequired") {
      const s = subscriptions.get(id);
      if (!s) throw new SimulatorError("NOT_FOUND", `No subscription ${id}`);
      if (event === "subscriptionRemoved") subscriptions.delete(id);
      return post(s.lifecycleNotificationUrl ?? s.notificationUrl, "lifecycle", {
        value: [
          {
            subscriptionId: s.id,
            subscriptionExpirationDateTime: s.expirationDateTime,
            tenantId: model.tenantId,
            clientState: s.clientState,
            lifecycleEvent: event,
          },
        ],
      });
    },
    lose(id) {
      subscriptions.delete(id);
    },
    get deliveries() {
      return deliveries;
    },
    close() {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}
