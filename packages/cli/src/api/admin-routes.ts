import type { SyncStartedEvent } from "@uslimato/core";
import { z } from "zod";
import { type ApiContext, type ApiRoute, defineRoute, json } from "./api-route";
import {
  auditEntrySchema,
  auditQuerySchema,
  connectionTestSchema,
  connectorFormSchema,
  createIntegrationBodySchema,
  eventsQuerySchema,
  integrationSchema,
  syncLogSchema,
  syncLogsQuerySchema,
  syncNowBodySchema,
  syncStartedSchema,
  updateIntegrationBodySchema,
} from "./api-schemas";
import { eventStream } from "./event-stream";

const id = (params: Readonly<Record<string, string>>) => params.id ?? "";

/** Checks the integration exists (a typed `INTEGRATION_NOT_FOUND` otherwise) before acting on it. */
const existing = (ctx: ApiContext, integrationId: string) => ctx.hub.integrations.get(integrationId);

/**
 * Starts a run and answers once it holds its lock (or failed to start: `SYNC_ALREADY_RUNNING`, disabled, ...).
 * The run goes on in the background; its progress and end come as events, its result in the sync log.
 */
async function startSync(ctx: ApiContext, integrationId: string, body: z.infer<typeof syncNowBodySchema>) {
  await existing(ctx, integrationId);
  await ctx.events.prime(integrationId);
  let off = () => {};
  const started = new Promise<SyncStartedEvent>((resolve) => {
    off = ctx.hub.on("syncStarted", (event) => {
      if (event.integrationId === integrationId && event.trigger === "manual") resolve(event);
    });
  });
  const run = ctx.hub.syncNow(integrationId, {
    trigger: "manual",
    actor: ctx.actor,
    ...(body.full ? { full: true } : {}),
    ...(body.confirmMassDeactivation ? { confirmMassDeactivation: true } : {}),
    onProgress: (progress) => ctx.events.progress(progress),
  });
  try {
    const first = await Promise.race([started, run]);
    return { integrationId, syncId: "syncId" in first ? first.syncId : first.id };
  } finally {
    off();
    // A run that started reports its failure in its sync log and the `sync-finished` event.
    run.catch(() => undefined);
  }
}

/** Every route of the admin API, in the order of the OpenAPI document. */
export const ADMIN_ROUTES: ReadonlyArray<ApiRoute> = [
  defineRoute({
    method: "GET",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This API's OpenAPI 3.1 document",
    tag: "meta",
    public: true,
    response: { status: 200, description: "The OpenAPI document", schema: z.record(z.string(), z.unknown()) },
    // Answered by createAdminApi, which holds the document.
    handle: async () => json({}),
  }),
  defineRoute({
    method: "GET",
    path: "/api/connectors",
    operationId: "listConnectors",
    summary: "The connectors, each with its Configure dialog as JSON Schema and the plan's interval bounds",
    tag: "connectors",
    response: { status: 200, description: "The connectors' forms", schema: z.array(connectorFormSchema) },
    handle: async (ctx) => json(ctx.forms()),
  }),
  defineRoute({
    method: "GET",
    path: "/api/integrations",
    operationId: "listIntegrations",
    summary: "The integrations, each with a `configured` flag per secret (never a value)",
    tag: "integrations",
    response: { status: 200, description: "The integrations", schema: z.array(integrationSchema) },
    handle: async (ctx) => json(await ctx.hub.integrations.list({ tenantId: ctx.tenantId })),
  }),
  defineRoute({
    method: "POST",
    path: "/api/integrations",
    operationId: "createIntegration",
    summary: "Configures an integration; its secrets are sealed at once and never returned",
    tag: "integrations",
    body: createIntegrationBodySchema,
    response: { status: 201, description: "The integration created", schema: integrationSchema },
    handle: async (ctx, { body }) =>
      json(
        await ctx.hub.integrations.create(
          { ...body, tenantId: ctx.tenantId, secrets: body.secrets ?? {} },
          { actor: ctx.actor },
        ),
        201,
      ),
  }),
  defineRoute({
    method: "GET",
    path: "/api/integrations/{id}",
    operationId: "getIntegration",
    summary: "One integration",
    tag: "integrations",
    response: { status: 200, description: "The integration", schema: integrationSchema },
    handle: async (ctx, { params }) => json(await existing(ctx, id(params))),
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/integrations/{id}",
    operationId: "updateIntegration",
    summary: "Changes an integration: fields given replace the stored ones; a secret set to null is removed",
    tag: "integrations",
    body: updateIntegrationBodySchema,
    response: { status: 200, description: "The integration changed", schema: integrationSchema },
    handle: async (ctx, { params, body }) =>
      json(await ctx.hub.integrations.update(id(params), body, { actor: ctx.actor })),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/integrations/{id}",
    operationId: "deleteIntegration",
    summary: "Deletes an integration's configuration, secrets and links; users, sync logs and audit stay",
    tag: "integrations",
    response: { status: 204, description: "Deleted" },
    handle: async (ctx, { params }) => {
      await existing(ctx, id(params));
      await ctx.hub.integrations.remove(id(params), { actor: ctx.actor });
      return new Response(null, { status: 204 });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/integrations/{id}/enable",
    operationId: "enableIntegration",
    summary: "Enables an integration (scheduled syncs and webhooks run)",
    tag: "integrations",
    response: { status: 200, description: "The integration", schema: integrationSchema },
    handle: async (ctx, { params }) =>
      json(await ctx.hub.integrations.enable(id(params), { actor: ctx.actor })),
  }),
  defineRoute({
    method: "POST",
    path: "/api/integrations/{id}/disable",
    operationId: "disableIntegration",
    summary: "Disables an integration",
    tag: "integrations",
    response: { status: 200, description: "The integration", schema: integrationSchema },
    handle: async (ctx, { params }) =>
      json(await ctx.hub.integrations.disable(id(params), { actor: ctx.actor })),
  }),
  defineRoute({
    method: "POST",
    path: "/api/integrations/{id}/test",
    operationId: "testConnection",
    summary:
      "Test connection: every step, and on failure the step, a code, the remedy and the service's diagnosis",
    tag: "sync",
    response: { status: 200, description: "The test's result (ok or not)", schema: connectionTestSchema },
    handle: async (ctx, { params }) => json(await ctx.hub.testConnection(id(params), { actor: ctx.actor })),
  }),
  defineRoute({
    method: "POST",
    path: "/api/integrations/{id}/sync",
    operationId: "syncNow",
    summary: "Sync now: starts a run and answers when it holds its lock; follow it on /api/events",
    tag: "sync",
    body: syncNowBodySchema,
    response: { status: 202, description: "The run started", schema: syncStartedSchema },
    handle: async (ctx, { params, body }) => json(await startSync(ctx, id(params), body), 202),
  }),
  defineRoute({
    method: "GET",
    path: "/api/integrations/{id}/logs",
    operationId: "listSyncLogs",
    summary: "The integration's sync log, newest first: status, counts and error details per run",
    tag: "sync",
    query: syncLogsQuerySchema,
    response: { status: 200, description: "The runs", schema: z.array(syncLogSchema) },
    handle: async (ctx, { params, query }) => {
      await existing(ctx, id(params));
      const page = {
        limit: query.limit ?? 50,
        ...(query.before ? { before: new Date(query.before) } : {}),
      };
      return json(await ctx.hub.syncLogs(id(params), page));
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/audit",
    operationId: "listAuditEntries",
    summary: "The audit log, newest first: who did what and when",
    tag: "audit",
    query: auditQuerySchema,
    response: { status: 200, description: "The entries", schema: z.array(auditEntrySchema) },
    handle: async (ctx, { query }) =>
      json(
        await ctx.hub.auditLog({
          tenantId: ctx.tenantId,
          limit: query.limit ?? 100,
          ...(query.integrationId ? { integrationId: query.integrationId } : {}),
        }),
      ),
  }),
  defineRoute({
    method: "GET",
    path: "/api/events",
    operationId: "streamSyncEvents",
    summary:
      "Live sync progress as server-sent events: `sync-started`, `sync-progress` and `sync-finished` (its sync log)",
    tag: "sync",
    query: eventsQuerySchema,
    response: {
      status: 200,
      description: "An event stream; each event's data is one JSON object",
      contentType: "text/event-stream",
    },
    handle: async (ctx, { query }) => {
      const wanted = query.integrationId;
      return eventStream((send) => {
        for (const event of ctx.events.current())
          if (!wanted || event.integrationId === wanted) send(event.type, event);
        return ctx.events.subscribe((event) => {
          if (!wanted || event.integrationId === wanted) send(event.type, event);
        });
      }, ctx.closed);
    },
  }),
];
