import { createEntraWebhooks } from "@uslimato/connector-entra";
import { createScheduler } from "@uslimato/scheduler";
import { adminToken } from "../api/admin-token";
import { createAdminApi } from "../api/create-admin-api";
import { listenAdmin } from "../api/listen-admin";
import { CliError } from "../cli/cli-error";
import type { CommandContext } from "../cli/command";
import { EXIT_CODES, type ExitCode } from "../cli/exit-codes";
import { createLineLogger } from "../output/create-line-logger";
import { openRuntime } from "../runtime/open-runtime";
import { trackSyncs } from "../runtime/track-syncs";
import { watchIntune } from "../runtime/watch-intune";

const HOUR_MS = 3_600_000;
const DRAIN_MS = 30_000;

/** Runs `uslimato serve`: imported by its command only when it runs, so `--help` and other commands never load it. */
export async function runServe(ctx: CommandContext): Promise<ExitCode> {
  const port = Number(ctx.values.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError("CLI_USAGE", "--port must be 0-65535.");
  const host = typeof ctx.values.host === "string" ? ctx.values.host : "127.0.0.1";
  const logger = createLineLogger(ctx.io.stderr);
  const config = await ctx.loadConfig();
  const runtime = await openRuntime(config, {
    ...ctx.runtimeOptions,
    logger,
    onSyncFinished: (log) =>
      logger.info(
        { integrationId: log.integrationId, trigger: log.trigger, status: log.status, ...log.counts },
        "sync finished",
      ),
  });
  const { hub } = runtime;
  // Webhook-triggered syncs start from the receiver's debouncer: tracked, so a shutdown lets them finish.
  const webhookSyncs = trackSyncs(hub);
  const unavailable = (text: string) => async () =>
    new Response(text, { status: 503, headers: { "retry-after": "30" } });
  let handler: (request: Request) => Promise<Response> = unavailable("starting");
  const admin = await adminToken(
    ctx.io,
    typeof ctx.values["admin-token-file"] === "string" ? ctx.values["admin-token-file"] : undefined,
  );
  // "Sync now" from the API is tracked like webhook-triggered syncs, so a shutdown lets it finish.
  const api = createAdminApi({
    hub: webhookSyncs.hub,
    token: admin.token,
    tenantId: config.tenantId,
    plan: config.plan,
    logger,
  });
  const server = await listenAdmin({
    api,
    port,
    host,
    routes: (request, path) => {
      if (path === "/health") return Promise.resolve(new Response("ok"));
      if (path === "/notifications") return handler(request);
      return undefined;
    },
  });
  const base = server.base;
  const publicUrl =
    typeof ctx.values["public-url"] === "string" ? ctx.values["public-url"] : `${base}/notifications`;
  const webhooks = createEntraWebhooks({
    hub: webhookSyncs.hub,
    notificationUrl: publicUrl,
    connector: runtime.connectorOptions,
    logger,
  });
  handler = webhooks.handler;
  await webhooks.load();
  // Intune has no change notifications: its watcher polls cheaply instead (syncs tracked like webhook ones).
  const intune = await watchIntune(webhookSyncs.hub, runtime, ctx.runtimeOptions.intuneWatcher, logger);
  if (ctx.values.subscribe === true)
    for (const integration of await hub.integrations.list({ connectorId: "entra", enabled: true })) {
      await webhooks.ensure(integration.id).then(
        (subs) => logger.info({ integrationId: integration.id, subscriptions: subs.length }, "subscribed"),
        (error: unknown) =>
          logger.error({ integrationId: integration.id, err: error }, "subscription failed"),
      );
    }
  const scheduler = createScheduler({
    source: {
      list: async () =>
        (await hub.integrations.list()).map((v) => ({
          id: v.id,
          tenantId: v.tenantId,
          plan: config.plan,
          intervalMinutes: v.intervalMinutes,
          enabled: v.enabled,
          anchor: v.createdAt,
        })),
    },
    run: async (id, { signal }) => {
      await hub.syncNow(id, {
        trigger: "schedule",
        signal,
        actor: { type: "scheduler", id: "uslimato-serve" },
      });
    },
    onError: (event) =>
      logger.error({ integrationId: event.integrationId, err: event.error }, "scheduled sync failed"),
    logger,
  });
  await scheduler.start();
  const renew = setInterval(() => {
    webhooks
      .renewDue()
      .catch((error: unknown) => logger.error({ err: error }, "subscription renewal failed"));
  }, HOUR_MS);
  ctx.out(
    `uslimato serve: listening on ${base} (notifications at ${publicUrl}); ${ctx.colors.dim("Ctrl-C stops")}`,
  );
  ctx.out(`  console    ${base}/`);
  ctx.out(`  admin API  ${base}/api (OpenAPI document at ${base}/api/openapi.json)`);
  if (admin.generated) ctx.out(`  admin token (generated for this run, shown once): ${admin.token}`);
  await new Promise<void>((resolve) => {
    const stop = ctx.io.onShutdown?.(resolve);
    if (!stop) resolve();
  });
  // Stop taking work (Graph retries a 503 later), cancel debounced syncs not yet started, let running ones finish.
  handler = unavailable("shutting down");
  clearInterval(renew);
  const webhooksClosed = webhooks.close();
  const watcherClosed = intune.close();
  logger.info(
    { webhookSyncs: webhookSyncs.running() },
    `shutting down: finishing running syncs (at most ${DRAIN_MS / 1000} s)`,
  );
  const [, drained] = await Promise.all([
    scheduler.stop({ timeoutMs: DRAIN_MS }),
    webhookSyncs.drain(DRAIN_MS),
  ]);
  if (drained) await Promise.all([webhooksClosed, watcherClosed]);
  else logger.warn("webhook-triggered syncs still running were aborted");
  await server.close();
  await runtime.close();
  ctx.out("uslimato serve: stopped");
  return EXIT_CODES.ok;
}
