import { Secret } from "@uslimato/core/connector";
import { describe, expect, it, vi } from "vitest";
import { recordingLogger } from "../../test/fixtures";
import { createNotificationReceiver, type KnownSubscription } from "./create-notification-receiver";
import type { GraphNotification } from "./notification-schema";

const TENANT = "11111111-1111-1111-1111-111111111111";
const STATE = "x".repeat(64);
const subscriptions: Record<string, KnownSubscription> = {
  "sub-1": { integrationId: "int-1", tenantId: TENANT, clientState: new Secret(STATE) },
};

function setup(
  overrides: {
    onChange?: (id: string, n: GraphNotification[]) => void | Promise<void>;
    maxBodyBytes?: number;
  } = {},
) {
  const changes: Array<[string, GraphNotification[]]> = [];
  const lifecycle: Array<[string, GraphNotification]> = [];
  const { logger, lines } = recordingLogger();
  const receive = createNotificationReceiver({
    lookupSubscription: async (id) => subscriptions[id] ?? null,
    onChange: overrides.onChange ?? ((id, n) => void changes.push([id, n])),
    onLifecycle: (id, n) => void lifecycle.push([id, n]),
    logger,
    ...(overrides.maxBodyBytes ? { maxBodyBytes: overrides.maxBodyBytes } : {}),
  });
  return { receive, changes, lifecycle, lines };
}

const notification = (over: Record<string, unknown> = {}) => ({
  subscriptionId: "sub-1",
  clientState: STATE,
  tenantId: TENANT,
  changeType: "updated",
  resource: "Users/abc",
  resourceData: { "@odata.type": "#Microsoft.Graph.User", "@odata.id": "Users/abc", id: "abc" },
  ...over,
});

const post = (body: unknown) =>
  new Request("https://hub.example/graph/notify", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("createNotificationReceiver", () => {
  it("answers the validation handshake with the decoded token as text/plain", async () => {
    const { receive } = setup();
    const response = await receive(
      new Request("https://hub.example/notify?validationToken=Validation%3A%20Testing%20client%2Bapp", {
        method: "POST",
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toBe("Validation: Testing client+app");
  });

  it("accepts a valid notification, hands it on without clientState, answers 202", async () => {
    const { receive, changes } = setup();
    const response = await receive(
      post({ value: [notification(), notification({ resource: "Users/def" })] }),
    );
    expect(response.status).toBe(202);
    await settle();
    expect(changes).toHaveLength(1);
    expect(changes[0]?.[0]).toBe("int-1");
    expect(changes[0]?.[1]).toHaveLength(2);
    expect(JSON.stringify(changes)).not.toContain(STATE);
  });

  it.each([
    ["a wrong clientState", { clientState: "y".repeat(64) }, "client_state_mismatch"],
    ["a shorter clientState", { clientState: "x" }, "client_state_mismatch"],
    ["no clientState", { clientState: undefined }, "client_state_mismatch"],
    ["an unknown subscription", { subscriptionId: "sub-9" }, "unknown_subscription"],
    ["another tenant", { tenantId: "22222222-2222-2222-2222-222222222222" }, "tenant_mismatch"],
  ])("rejects %s, logs why without the secret, still answers 202", async (_name, over, reason) => {
    const { receive, changes, lines } = setup();
    const response = await receive(post({ value: [notification(over)] }));
    expect(response.status).toBe(202);
    await settle();
    expect(changes).toHaveLength(0);
    expect(lines.some((l) => JSON.stringify(l.fields).includes(reason))).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(STATE);
  });

  it("answers 400 to malformed JSON and to a body of the wrong shape", async () => {
    const { receive } = setup();
    expect((await receive(post('{"value": ['))).status).toBe(400);
    expect((await receive(post({ value: [{ subscriptionId: 1 }] }))).status).toBe(400);
    expect((await receive(post({ nothing: true }))).status).toBe(400);
  });

  it("answers 413 over the size limit while reading a stream without Content-Length", async () => {
    const { receive } = setup({ maxBodyBytes: 1000 });
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(400).fill(32));
        if (pulled > 100) controller.close();
      },
    });
    const request = new Request("https://hub.example/notify", {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await receive(request)).status).toBe(413);
    expect(pulled).toBeLessThan(10);
    expect((await receive(post({ value: [notification({ resource: "u".repeat(2000) })] }))).status).toBe(413);
  });

  it("answers before onChange work completes", async () => {
    let release: () => void = () => {};
    let finished = false;
    const onChange = vi.fn(async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      finished = true;
    });
    const { receive } = setup({ onChange });
    const response = await receive(post({ value: [notification()] }));
    expect(response.status).toBe(202);
    await settle();
    expect(onChange).toHaveBeenCalledOnce();
    expect(finished).toBe(false);
    release();
  });

  it("routes lifecycle events after the same checks", async () => {
    const { receive, lifecycle, changes } = setup();
    await receive(
      post({
        value: [
          notification({ lifecycleEvent: "reauthorizationRequired" }),
          notification({ lifecycleEvent: "missed", clientState: "bad" }),
        ],
      }),
    );
    await settle();
    expect(lifecycle.map(([id, n]) => [id, n.lifecycleEvent])).toEqual([
      ["int-1", "reauthorizationRequired"],
    ]);
    expect(changes).toHaveLength(0);
  });

  it("rejects other methods", async () => {
    const { receive } = setup();
    expect((await receive(new Request("https://hub.example/notify"))).status).toBe(405);
  });

  it("summarizes rejected notifications in one warning per request, counts per reason", async () => {
    const { receive, changes, lines } = setup({ maxBodyBytes: 4_000_000 });
    const forged = Array.from({ length: 9_000 }, (_, i) =>
      i % 3 === 0
        ? notification({ clientState: "forged" })
        : i % 3 === 1
          ? notification({ subscriptionId: `sub-x${i}` })
          : notification({ tenantId: "22222222-2222-2222-2222-222222222222" }),
    );
    const response = await receive(post({ value: [...forged, notification()] }));
    expect(response.status).toBe(202);
    await settle();
    const warnings = lines.filter((l) => l.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.fields).toMatchObject({
      rejected: 9_000,
      reasons: { client_state_mismatch: 3_000, unknown_subscription: 3_000, tenant_mismatch: 3_000 },
    });
    const { subscriptionIds } = (warnings[0]?.fields ?? {}) as { subscriptionIds?: string[] };
    expect(subscriptionIds?.length).toBeLessThanOrEqual(5);
    expect(JSON.stringify(lines)).not.toContain(STATE);
    expect(changes).toHaveLength(1);
  });

  it("hands its after-answer work to the context's waitUntil (edge runtimes)", async () => {
    const { receive, changes } = setup();
    const waited: Array<Promise<unknown>> = [];
    const response = await receive(post({ value: [notification()] }), {
      waitUntil: (promise) => void waited.push(promise),
    });
    expect(response.status).toBe(202);
    expect(waited).toHaveLength(1);
    await Promise.all(waited);
    expect(changes).toHaveLength(1);
  });
});
