import { type AdminApi, createAdminApi } from "@uslimato/cli";
import { createEntraConnector } from "@uslimato/connector-entra";
import { createHub, createMemoryStorage, describeConnectorForm, type Hub } from "@uslimato/core";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type GraphSimulator,
  startGraphSimulator,
} from "@uslimato/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TOKEN = "admin-token-for-tests-0123456789";
const WRONG_SECRET = "wrong-secret~value-that-must-never-show";
const BASE = "http://console.test";

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field
  json: any;
}

describe("the admin REST API", () => {
  let sim: GraphSimulator;
  let hub: Hub;
  let api: AdminApi;
  let integrationId = "";
  /** Every response body, scanned at the end for secret values. */
  const bodies: string[] = [];
  /** Operations answered with a 2xx, to prove every route is tested. */
  const succeeded = new Set<string>();
  let templates: Array<{ operation: string; method: string; path: string; pattern: RegExp }> = [];

  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; raw?: string; token?: string | null } = {},
  ): Promise<Answer> => {
    const headers = new Headers();
    const token = options.token === undefined ? TOKEN : options.token;
    if (token !== null) headers.set("authorization", `Bearer ${token}`);
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers.set("content-type", "application/json");
    const response = await api.handler(
      new Request(`${BASE}${path}`, { method, headers, body: body ?? null }),
    );
    const text = await response.text();
    bodies.push(text);
    const pathname = new URL(`${BASE}${path}`).pathname;
    const hit = templates.find((t) => t.method === method && t.pattern.test(pathname));
    if (hit && response.status < 300) succeeded.add(hit.operation);
    return {
      status: response.status,
      headers: response.headers,
      text,
      json: text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : null,
    };
  };

  const settings = () => ({
    tenantId: sim.tenantId,
    clientId: DEFAULT_CLIENT_ID,
    endpoints: {
      authorityHost: sim.authorityHost,
      graphBaseUrl: `${sim.graphBaseUrl}/v1.0`,
      scope: "https://graph.microsoft.com/.default",
    },
  });

  /** Reads server-sent events from the stream until `done` says stop. */
  const readEvents = async (
    response: Response,
    // biome-ignore lint/suspicious/noExplicitAny: events are read field by field
    done: (event: string, data: any) => boolean,
  ) => {
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    const seen: Array<{ event: string; data: unknown }> = [];
    let buffer = "";
    while (true) {
      const next = await reader.read();
      if (next.done) break;
      buffer += new TextDecoder().decode(next.value);
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!event || data === undefined) continue;
        bodies.push(data);
        seen.push({ event, data: JSON.parse(data) });
        if (done(event, JSON.parse(data))) {
          await reader.cancel();
          return seen;
        }
      }
    }
    return seen;
  };

  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 60, seed: 21 } });
    hub = createHub({
      storage: createMemoryStorage(),
      vault: createCredentialStore({
        keyRing: createKeyRing({ keys: [{ id: "k1", key: generateKey() }], activeKeyId: "k1" }),
      }),
      connectors: [createEntraConnector()],
      mapping: fieldMappingEngine(),
      plan: "enterprise",
    });
    api = createAdminApi({ hub, token: TOKEN, tenantId: "t1", plan: "enterprise" });
    const doc = api.openApi as { paths: Record<string, Record<string, { operationId: string }>> };
    templates = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, op]) => ({
        operation: op.operationId,
        method: method.toUpperCase(),
        path,
        pattern: new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`),
      })),
    );
  });
  afterAll(async () => {
    api?.close();
    await sim?.close();
  });

  it("serves its OpenAPI 3.1 document without a token, generated from the request schemas", async () => {
    const answer = await call("GET", "/api/openapi.json", { token: null });
    expect(answer.status).toBe(200);
    expect(answer.json.openapi).toBe("3.1.0");
    const create = answer.json.paths["/api/integrations"].post;
    const body = create.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(
      expect.arrayContaining(["connectorId", "name", "settings", "intervalMinutes"]),
    );
    expect(create.responses["201"].content["application/json"].schema.properties.secrets.type).toBe("array");
    expect(answer.json.components.securitySchemes.adminToken).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(templates.length).toBeGreaterThanOrEqual(14);
  });

  it("refuses every other route without the token, with a wrong one, or with another scheme", async () => {
    for (const { method, operation, path: template } of templates) {
      if (operation === "getOpenApiDocument") continue;
      const path = template.replaceAll("{id}", "some-id");
      for (const token of [null, "wrong-token-0123456789abcdef", `${TOKEN}x`, TOKEN.slice(0, -1)]) {
        const answer = await call(method, path, { token });
        expect(answer.status, `${method} ${path} with ${token}`).toBe(401);
        expect(answer.json.error.code).toBe("API_UNAUTHORIZED");
        expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      }
      const basic = await api.handler(
        new Request(`${BASE}${path}`, { method, headers: { authorization: `Basic ${btoa(`a:${TOKEN}`)}` } }),
      );
      expect(basic.status).toBe(401);
    }
  });

  it("lists the connectors with their Configure dialog as JSON Schema: secrets write-only, the plan's bounds", async () => {
    const answer = await call("GET", "/api/connectors");
    expect(answer.status).toBe(200);
    const [entra] = answer.json;
    // Core's form of the connector (describeConnectorForm), with its capabilities and the plan's name.
    expect(entra).toEqual({
      ...JSON.parse(JSON.stringify(describeConnectorForm(createEntraConnector(), "enterprise"))),
      entities: ["user", "group"],
      capabilities: { incremental: true, webhooks: true, directions: ["inbound"] },
      planName: "Enterprise",
    });
    expect(entra).toMatchObject({ connectorId: "entra", title: "Microsoft Entra ID", entitled: true });
    expect(entra.settings.properties.tenantId).toMatchObject({ title: "Tenant ID", type: "string" });
    expect(entra.settings.properties.scope.oneOf).toEqual([
      { const: "users", title: "Users" },
      { const: "usersAndGroups", title: "Users and Groups" },
    ]);
    expect(entra.settings.required).toEqual(["tenantId", "clientId"]);
    expect(entra.secretsSchema.properties.clientSecret).toMatchObject({ writeOnly: true, type: "string" });
    expect(entra.secrets[0]).toMatchObject({ name: "clientSecret", label: "Client secret", writeOnly: true });
    expect(entra.ui.fields.scope).toMatchObject({ label: "Sync scope", widget: "select" });
    expect(entra.interval).toEqual({ minMinutes: 30, maxMinutes: 20_160, defaultMinutes: 60 });
  });

  it("answers a bad body with 400 and every issue with where it is", async () => {
    const shape = await call("POST", "/api/integrations", {
      body: { connectorId: "entra", settings: {}, intervalMinutes: "often", extra: 1 },
    });
    expect(shape.status).toBe(400);
    expect(shape.json.error.code).toBe("API_REQUEST_INVALID");
    const paths = shape.json.error.issues.map((i: { path: string[] }) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["body.name", "body.intervalMinutes", "body"]));

    const settingsIssues = await call("POST", "/api/integrations", {
      body: {
        connectorId: "entra",
        name: "Entra",
        settings: { ...settings(), clientId: "not-a-guid" },
        secrets: { clientSecret: DEFAULT_CLIENT_SECRET },
        intervalMinutes: 10,
      },
    });
    expect(settingsIssues.status).toBe(400);
    expect(settingsIssues.json.error.code).toBe("CONFIG_INVALID");
    const where = settingsIssues.json.error.issues.map((i: { path: string[] }) => i.path.join("."));
    expect(where).toEqual(expect.arrayContaining(["settings.clientId", "intervalMinutes"]));

    const malformed = await call("POST", "/api/integrations", { raw: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.issues).toEqual([
      { path: ["body"], code: "invalid_json", message: "is not valid JSON" },
    ]);

    const query = await call("GET", "/api/audit?limit=0&color=blue");
    expect(query.status).toBe(400);
    expect(query.json.error.issues.map((i: { path: string[] }) => i.path.join("."))).toEqual(
      expect.arrayContaining(["query.limit", "query"]),
    );
    const unknown = await call("POST", "/api/integrations", {
      body: { connectorId: "nope", name: "x", settings: {}, intervalMinutes: 60 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe("CONNECTOR_UNKNOWN");
  });

  it("creates, lists, reads and changes an integration: secrets only as configured", async () => {
    const created = await call("POST", "/api/integrations", {
      body: {
        connectorId: "entra",
        name: "Entra ID",
        settings: settings(),
        secrets: { clientSecret: DEFAULT_CLIENT_SECRET },
        intervalMinutes: 60,
      },
    });
    expect(created.status).toBe(201);
    integrationId = created.json.id;
    expect(created.json).toMatchObject({
      tenantId: "t1",
      connectorId: "entra",
      enabled: true,
      intervalMinutes: 60,
    });
    expect(created.json.secrets).toContainEqual(
      expect.objectContaining({ name: "clientSecret", configured: true }),
    );
    expect(created.json.secrets).toContainEqual(
      expect.objectContaining({ name: "certificatePrivateKey", configured: false }),
    );

    const list = await call("GET", "/api/integrations");
    expect(list.json.map((i: { id: string }) => i.id)).toEqual([integrationId]);
    expect((await call("GET", `/api/integrations/${integrationId}`)).json.name).toBe("Entra ID");

    const changed = await call("PATCH", `/api/integrations/${integrationId}`, {
      body: { name: "Entra ID (HQ)", intervalMinutes: 120, expectedRevision: created.json.revision },
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ name: "Entra ID (HQ)", intervalMinutes: 120 });
    const stale = await call("PATCH", `/api/integrations/${integrationId}`, {
      body: { name: "late", expectedRevision: created.json.revision },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("STORAGE_CONFLICT");
    const below = await call("PATCH", `/api/integrations/${integrationId}`, { body: { intervalMinutes: 5 } });
    expect(below.status).toBe(400);
    expect(below.json.error.issues[0].path).toEqual(["intervalMinutes"]);

    expect((await call("POST", `/api/integrations/${integrationId}/disable`)).json.enabled).toBe(false);
    expect((await call("POST", `/api/integrations/${integrationId}/enable`)).json.enabled).toBe(true);
  });

  it("tests the connection: the steps, and on a wrong secret the failed step, the remedy and the diagnosis", async () => {
    const ok = await call("POST", `/api/integrations/${integrationId}/test`);
    expect(ok.status).toBe(200);
    expect(ok.json.ok).toBe(true);
    expect(ok.json.steps.length).toBeGreaterThan(0);

    await call("PATCH", `/api/integrations/${integrationId}`, {
      body: { secrets: { clientSecret: WRONG_SECRET } },
    });
    const failed = await call("POST", `/api/integrations/${integrationId}/test`);
    expect(failed.status).toBe(200);
    expect(failed.json).toMatchObject({
      ok: false,
      failedStep: expect.any(String),
      code: expect.any(String),
    });
    expect(failed.json.remedy).toMatch(/\w/);
    expect(failed.json.diagnosis).toMatchObject({ service: "entra-token" });
    await call("PATCH", `/api/integrations/${integrationId}`, {
      body: { secrets: { clientSecret: DEFAULT_CLIENT_SECRET } },
    });
  });

  it("syncs now with live progress as server-sent events, then shows the run in the sync log", async () => {
    const stream = await api.handler(
      new Request(`${BASE}/api/events?integrationId=${integrationId}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      }),
    );
    expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
    succeeded.add("streamSyncEvents");
    const events = readEvents(stream, (event) => event === "sync-finished");
    const started = await call("POST", `/api/integrations/${integrationId}/sync`);
    expect(started.status).toBe(202);
    expect(started.json).toEqual({ integrationId, syncId: expect.any(String) });
    const seen = await events;
    expect(seen.map((e) => e.event)).toEqual(
      expect.arrayContaining(["sync-started", "sync-progress", "sync-finished"]),
    );
    const finished = seen.at(-1)?.data as { log: { id: string; status: string } };
    expect(finished.log).toMatchObject({ id: started.json.syncId, status: "success" });

    const logs = await call("GET", `/api/integrations/${integrationId}/logs?limit=5`);
    expect(logs.status).toBe(200);
    expect(logs.json[0]).toMatchObject({
      id: started.json.syncId,
      trigger: "manual",
      status: "success",
      counts: { processed: 60, created: 60, failed: 0 },
    });
  });

  it("refuses a second Sync now while one runs (409), and a sync of an unknown integration (404)", async () => {
    const slow = sim.faults.inject({ kind: "slow", match: "/v1.0/users", delayMs: 800, times: 1 });
    const first = await call("POST", `/api/integrations/${integrationId}/sync`, { body: { full: true } });
    expect(first.status).toBe(202);
    const second = await call("POST", `/api/integrations/${integrationId}/sync`);
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe("SYNC_ALREADY_RUNNING");
    await expect
      .poll(async () => (await hub.syncLogs(integrationId, { limit: 1 }))[0]?.status)
      .toBe("success");
    expect(slow.fired).toBe(1);
    expect((await call("POST", "/api/integrations/nope/sync")).status).toBe(404);
  });

  it("shows the audit log: configuration, secret changes, tests and runs, by the admin", async () => {
    const audit = await call("GET", `/api/audit?integrationId=${integrationId}&limit=100`);
    expect(audit.status).toBe(200);
    const actions = audit.json.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["integration.created", "secret.set", "connection.tested", "sync.finished"]),
    );
    expect(audit.json.find((e: { action: string }) => e.action === "integration.created").actor).toEqual({
      type: "user",
      id: "admin-api",
    });
  });

  it("deletes an integration; unknown routes and methods get 404 and 405", async () => {
    expect((await call("DELETE", `/api/integrations/${integrationId}`)).status).toBe(204);
    const gone = await call("GET", `/api/integrations/${integrationId}`);
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe("INTEGRATION_NOT_FOUND");
    expect((await call("GET", "/api/nothing")).status).toBe(404);
    const method = await call("PUT", "/api/integrations");
    expect(method.status).toBe(405);
    expect(method.json.error.code).toBe("API_METHOD_NOT_ALLOWED");
  });

  it("tested every route, and no answer or event ever held a secret value", () => {
    expect([...succeeded].sort()).toEqual(templates.map((t) => t.operation).sort());
    for (const body of bodies) {
      expect(body).not.toContain(DEFAULT_CLIENT_SECRET);
      expect(body).not.toContain(WRONG_SECRET);
      expect(body).not.toContain(TOKEN);
    }
    expect(bodies.length).toBeGreaterThan(50);
  });
});
