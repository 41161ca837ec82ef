import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphSimulator, startGraphSimulator } from "../src/index";
import { getToken } from "./fixtures/index";

interface Receiver {
  url: string;
  received: unknown[];
  echo: "right" | "wrong";
  server: Server;
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: "", received: [], echo: "right", server: createServer() };
  receiver.server.on("request", (req, res) => {
    const token = new URL(req.url ?? "/", "http://x").searchParams.get("validationToken");
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      if (token !== null) {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(receiver.echo === "right" ? token : "something else");
        return;
      }
      receiver.received.push(JSON.parse(body));
      res.writeHead(202);
      res.end();
    });
  });
  await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hook`;
  return receiver;
}

describe("subscriptions and change notifications", () => {
  let sim: GraphSimulator;
  let receiver: Receiver;
  let token: string;
  const expiration = () => new Date(Date.now() + 60 * 60_000).toISOString();
  const create = (body: Record<string, unknown>) =>
    fetch(`${sim.graphBaseUrl}/v1.0/subscriptions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 10, seed: 2 } });
    receiver = await startReceiver();
    token = await getToken(sim);
  });
  afterAll(async () => {
    await sim.close();
    receiver.server.close();
  });

  it("refuses a subscription whose endpoint echoes the wrong validation token", async () => {
    receiver.echo = "wrong";
    const response = await create({
      changeType: "updated",
      resource: "users",
      notificationUrl: receiver.url,
      expirationDateTime: expiration(),
      clientState: "s3cret",
    });
    receiver.echo = "right";
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("ValidationError");
  });

  it("refuses lifetimes over 41,760 minutes", async () => {
    const tooLong = new Date(Date.now() + 41_761 * 60_000).toISOString();
    const response = await create({
      changeType: "updated",
      resource: "users",
      notificationUrl: receiver.url,
      expirationDateTime: tooLong,
    });
    expect(response.status).toBe(400);
  });

  it("handshakes, delivers notifications with clientState, renews, sends lifecycle events, 409s duplicates", async () => {
    const response = await create({
      changeType: "updated,deleted",
      resource: "users",
      notificationUrl: receiver.url,
      lifecycleNotificationUrl: receiver.url,
      expirationDateTime: expiration(),
      clientState: "s3cret",
    });
    expect(response.status).toBe(201);
    const subscription = (await response.json()) as { id: string; clientState: string };
    expect(sim.deliveries.filter((d) => d.kind === "validation" && d.status === 200)).toHaveLength(2);
    const duplicate = await create({
      changeType: "updated,deleted",
      resource: "users",
      notificationUrl: receiver.url,
      expirationDateTime: expiration(),
    });
    expect(duplicate.status).toBe(409);

    const user = sim.model.userEntry(0).user;
    sim.model.updateUser(user.id, { jobTitle: "Chief Simulator" });
    sim.model.hardDeleteUser(sim.model.userEntry(1).user.id);
    await sim.flushNotifications();
    const batch = receiver.received.pop() as { value: Array<Record<string, unknown>> };
    expect(batch.value).toHaveLength(2);
    expect(batch.value[0]).toMatchObject({
      subscriptionId: subscription.id,
      clientState: "s3cret",
      changeType: "updated",
      resource: `Users/${user.id}`,
      resourceData: {
        "@odata.type": "#Microsoft.Graph.User",
        "@odata.id": `Users/${user.id}`,
        id: user.id,
        organizationId: sim.tenantId,
      },
      tenantId: sim.tenantId,
    });
    expect(batch.value[1]).toMatchObject({ changeType: "deleted" });

    const renewed = await fetch(`${sim.graphBaseUrl}/v1.0/subscriptions/${subscription.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ expirationDateTime: expiration() }),
    });
    expect(renewed.status).toBe(200);

    await sim.triggerLifecycle(subscription.id, "reauthorizationRequired");
    expect(receiver.received.pop()).toEqual({
      value: [
        expect.objectContaining({
          subscriptionId: subscription.id,
          lifecycleEvent: "reauthorizationRequired",
          clientState: "s3cret",
        }),
      ],
    });
    const reauthorize = await fetch(`${sim.graphBaseUrl}/v1.0/subscriptions/${subscription.id}/reauthorize`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(reauthorize.status).toBe(200);

    sim.loseSubscription(subscription.id);
    const lost = await fetch(`${sim.graphBaseUrl}/v1.0/subscriptions/${subscription.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(lost.status).toBe(404);
  });

  it("notifies a groups/{id}/members subscription of members joining and leaving, and deletes on request", async () => {
    const group = sim.model.group(0);
    const response = await create({
      changeType: "updated",
      resource: `groups/${group.id}/members`,
      notificationUrl: receiver.url,
      expirationDateTime: expiration(),
      clientState: "members",
    });
    expect(response.status).toBe(201);
    const subscription = (await response.json()) as { id: string };
    const member = sim.model.userEntry(2).user.id;
    receiver.received.length = 0;
    sim.model.removeGroupMember(group.id, member);
    await sim.flushNotifications();
    sim.model.addGroupMember(group.id, member);
    await sim.flushNotifications();
    const batches = receiver.received as Array<{ value: Array<Record<string, unknown>> }>;
    expect(batches.map((b) => b.value.map((n) => [n.subscriptionId, n.clientState, n.resource]))).toEqual([
      [[subscription.id, "members", `Groups/${group.id}`]],
      [[subscription.id, "members", `Groups/${group.id}`]],
    ]);
    const removed = await fetch(`${sim.graphBaseUrl}/v1.0/subscriptions/${subscription.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(removed.status).toBe(204);
    sim.model.removeGroupMember(group.id, member);
    await sim.flushNotifications();
    expect(receiver.received).toHaveLength(2);
  });

  it("sends no notifications for managed devices (Graph has none for them)", async () => {
    receiver.received.length = 0;
    sim.model.updateDevice(sim.model.device(0).id, { complianceState: "error" });
    await sim.flushNotifications();
    expect(receiver.received).toEqual([]);
  });

  it("lists, reads and deletes only the calling app's subscriptions; 409 on its duplicate whatever the URL", async () => {
    sim.model.registerApp({ clientId: "other-app", clientSecret: "other-secret", roles: ["User.Read.All"] });
    const other = await getToken(sim, "other-app", "other-secret");
    const call = (method: string, path: string, bearer: string, body?: unknown) =>
      fetch(`${sim.graphBaseUrl}/v1.0${path}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const input = (url: string) => ({
      changeType: "updated,deleted",
      resource: "users",
      notificationUrl: url,
      expirationDateTime: expiration(),
      clientState: "c".repeat(40),
    });
    const mine = (await (await call("POST", "/subscriptions", token, input(receiver.url))).json()) as {
      id: string;
    };
    expect((await call("POST", "/subscriptions", token, input(`${receiver.url}/moved`))).status).toBe(409);
    const theirs = await call("POST", "/subscriptions", other, input(receiver.url));
    expect(theirs.status).toBe(201);
    const theirId = ((await theirs.json()) as { id: string }).id;

    const listed = (await (await call("GET", "/subscriptions", token)).json()) as {
      value: Array<{ id: string }>;
    };
    expect(listed.value.map((s) => s.id)).toContain(mine.id);
    expect(listed.value.map((s) => s.id)).not.toContain(theirId);
    expect((await call("GET", `/subscriptions/${theirId}`, token)).status).toBe(404);
    expect((await call("DELETE", `/subscriptions/${theirId}`, token)).status).toBe(404);
    expect((await call("DELETE", `/subscriptions/${mine.id}`, token)).status).toBe(204);
    expect((await call("GET", `/subscriptions/${mine.id}`, token)).status).toBe(404);
    expect((await call("DELETE", `/subscriptions/${theirId}`, other)).status).toBe(204);
  });
});
