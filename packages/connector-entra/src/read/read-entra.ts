import type { JsonValue, ReadContext, SourcePage } from "@uslimato/core/connector";
import type { EntraConnectorOptions } from "../entra-connector-options";
import { openEntraGraph } from "../graph/open-entra-graph";
import { DEFAULT_USER_PROPERTIES } from "../mapping/entra-default-mappings";
import type { EntraSecretName, EntraSettings } from "../settings/entra-settings";
import { type EntraCheckpoint, parseEntraCheckpoint } from "./entra-checkpoint";
import { readDeltaRounds } from "./read-delta-rounds";
import { toGroupPage } from "./to-group-page";
import { toUserPage } from "./to-user-page";

/**
 * Reads users (and, for `usersAndGroups`, groups with memberships) through Graph delta queries: the initial
 * round on a first run, with a minimal `$select`, checkpointing every page and ending with the deltaLink; the
 * changes since the deltaLink afterwards. Pages of the initial round are marked as a full scan, so users the
 * integration manages that are gone from the tenant get deactivated.
 */
export async function* readEntra(
  ctx: ReadContext<EntraSettings, EntraSecretName>,
  options: EntraConnectorOptions,
): AsyncGenerator<SourcePage> {
  const { graph } = openEntraGraph(ctx, options);
  const stored = ctx.requestedMode === "full" ? { v: 1 as const } : parseEntraCheckpoint(ctx.checkpoint);
  const checkpoint: EntraCheckpoint = { ...stored };
  const headers = { Prefer: `odata.maxpagesize=${options.pageSize ?? 999}` };
  const select = [...new Set([...DEFAULT_USER_PROPERTIES, ...ctx.settings.userProperties])].join(",");
  const common = { graph, headers, signal: ctx.signal, logger: ctx.logger };

  for await (const step of readDeltaRounds({
    ...common,
    resource: "users",
    startUrl: `/users/delta?$select=${select}`,
    cursor: checkpoint.users,
  })) {
    const parts = toUserPage(step.page.value);
    checkpoint.users = step.cursor;
    yield {
      kind: "user",
      upserts: parts.upserts,
      removals: parts.removals,
      checkpoint: snapshot(checkpoint),
      ...(step.full ? { fullScan: { first: step.first, last: step.last } } : {}),
      notices: [...step.notices, ...invalidNotice(parts.invalid, "user", step.page.requestId)],
    };
  }
  if (ctx.settings.scope !== "usersAndGroups") return;
  for await (const step of readDeltaRounds({
    ...common,
    resource: "groups",
    startUrl: "/groups/delta?$select=displayName,description,members",
    cursor: checkpoint.groups,
  })) {
    const parts = toGroupPage(step.page.value);
    checkpoint.groups = step.cursor;
    yield {
      kind: "group",
      upserts: parts.upserts,
      removals: parts.removals,
      memberships: parts.memberships,
      checkpoint: snapshot(checkpoint),
      ...(step.full ? { fullScan: { first: step.first, last: step.last } } : {}),
      notices: [...step.notices, ...invalidNotice(parts.invalid, "group", step.page.requestId)],
    };
  }
}

function snapshot(checkpoint: EntraCheckpoint): JsonValue {
  return JSON.parse(JSON.stringify(checkpoint)) as JsonValue;
}

function invalidNotice(count: number, kind: string, requestId: string | undefined) {
  if (count === 0) return [];
  return [
    {
      code: "GRAPH_ITEM_INVALID",
      message: `${count} ${kind} item(s) without an id were skipped (request-id ${requestId ?? "unknown"})`,
    },
  ];
}
