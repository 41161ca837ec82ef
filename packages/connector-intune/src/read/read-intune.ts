import {
  LISTING_INCOMPLETE,
  type ReadContext,
  type SourcePage,
  type SyncNotice,
} from "@uslimato/core/connector";
import { type GraphClient, iterateGraphPages } from "@uslimato/msgraph";
import { openIntuneGraph } from "../graph/open-intune-graph";
import type { IntuneConnectorOptions } from "../intune-connector-options";
import { DEFAULT_DEVICE_PROPERTIES } from "../mapping/intune-default-mappings";
import type { IntuneSecretName, IntuneSettings } from "../settings/intune-settings";
import { checkpointJson, type IntuneCheckpoint, parseIntuneCheckpoint } from "./intune-checkpoint";
import { judgeCompleteness } from "./judge-completeness";
import { type PolicyStatuses, readPolicyStatuses } from "./read-policy-statuses";
import { readSweepHistory, SWEEP_REQUEST, writeSweepHistory } from "./sweep-history-state";
import { toDevicePage } from "./to-device-page";

/** Per-policy statuses of the last sweep, per integration (they are refreshed on sweeps only). */
export type PolicyStatusCache = Map<string, PolicyStatuses>;

type Ctx = ReadContext<IntuneSettings, IntuneSecretName>;

interface Run {
  ctx: Ctx;
  graph: GraphClient;
  stored: IntuneCheckpoint;
  select: string;
  pageSize: number;
  runStart: number;
  skewMs: number;
  statuses: PolicyStatuses | undefined;
}

const LIST = "/deviceManagement/managedDevices";

/**
 * Reads managed devices: a full sweep on a first run, when the sweep period has passed, when a sweep was
 * requested (the watcher saw a removal), when one is under way, or when Intune's device count fell since the last
 * run (one request: deletions never show otherwise); an incremental read of the devices whose `lastSyncDateTime`
 * passed the high-water mark otherwise. Sweeps check their completeness before core may remove
 * anything; incremental reads only upsert.
 */
export async function* readIntune(
  ctx: Ctx,
  options: IntuneConnectorOptions,
  cache: PolicyStatusCache,
): AsyncGenerator<SourcePage> {
  const runStart = (options.clock ?? (() => new Date()))().getTime();
  const { graph } = openIntuneGraph(ctx, options);
  const stored = ctx.requestedMode === "full" ? { v: 1 as const } : parseIntuneCheckpoint(ctx.checkpoint);
  const requested = await ctx.state.get(SWEEP_REQUEST);
  const due =
    stored.sweptAt === undefined || runStart - stored.sweptAt >= ctx.settings.fullSweepHours * 3_600_000;
  let sweep = stored.sweep !== undefined || stored.mark === undefined || requested !== null || due;
  // A device deleted from Intune never shows in an incremental read; a drop of Intune's count gives it away.
  let total: number | undefined;
  let left: SyncNotice | undefined;
  if (!sweep) {
    total = await countDevices(graph, ctx.signal);
    if (total !== undefined && stored.total !== undefined && total < stored.total) {
      sweep = true;
      left = {
        code: "INTUNE_DEVICES_LEFT",
        message: `Intune counts ${total} devices, ${stored.total} at the last run: a sweep ran to find the ones gone`,
      };
    }
  }
  let statuses: PolicyStatuses | undefined;
  if (ctx.settings.complianceDetail === "perPolicy") {
    statuses = sweep ? undefined : cache.get(ctx.integrationId);
    if (!statuses) {
      statuses = await readPolicyStatuses(graph, ctx.signal);
      cache.set(ctx.integrationId, statuses);
    }
  }
  const run: Run = {
    ctx,
    graph,
    stored,
    select: [...new Set([...DEFAULT_DEVICE_PROPERTIES, ...ctx.settings.deviceProperties])].join(","),
    pageSize: options.pageSize ?? 1000,
    runStart,
    skewMs: options.clockSkewMs ?? 60_000,
    statuses,
  };
  if (!sweep) {
    yield* readIncremental(run, total);
    return;
  }
  if (requested !== null) await ctx.state.delete(SWEEP_REQUEST);
  yield* readSweep(run, left);
}

async function countDevices(graph: GraphClient, signal: AbortSignal): Promise<number | undefined> {
  const response = await graph.get<{ "@odata.count"?: unknown }>(`${LIST}?$top=1&$select=id&$count=true`, {
    signal,
  });
  const count = response.data?.["@odata.count"];
  return typeof count === "number" && Number.isInteger(count) && count >= 0 ? count : undefined;
}

async function* readSweep(run: Run, left: SyncNotice | undefined): AsyncGenerator<SourcePage> {
  const { ctx, stored } = run;
  const resume = stored.sweep;
  const startedAt = resume?.startedAt ?? run.runStart;
  let listed = resume?.listed ?? 0;
  let count = resume?.count;
  let first = resume === undefined;
  const url = resume?.link ?? `${LIST}?$select=${run.select}&$top=${run.pageSize}&$count=true`;
  for await (const page of iterateGraphPages(run.graph, url, { signal: ctx.signal })) {
    listed += page.value.length;
    if (page.count !== undefined) count = Math.max(count ?? 0, page.count);
    const parts = toDevicePage(page.value, ctx.settings.scope, run.statuses?.byDevice);
    const notices: SyncNotice[] = [
      ...(first && left ? [left] : []),
      ...(first ? (run.statuses?.notices ?? []) : []),
      ...invalidNotice(parts.invalid, page.requestId),
    ];
    const keep = {
      v: 1 as const,
      ...(stored.mark !== undefined ? { mark: stored.mark } : {}),
      ...(stored.sweptAt !== undefined ? { sweptAt: stored.sweptAt } : {}),
    };
    let checkpoint: IntuneCheckpoint;
    let complete = true;
    if (page.nextLink !== undefined) {
      checkpoint = {
        ...keep,
        sweep: { link: page.nextLink, listed, startedAt, ...(count !== undefined ? { count } : {}) },
      };
    } else {
      const history = await readSweepHistory(ctx.state);
      const verdict = judgeCompleteness({
        listed,
        count,
        history,
        maxDropShare: ctx.settings.sweepDropShare,
      });
      if (verdict.complete) {
        checkpoint = {
          v: 1,
          mark: Math.max(stored.mark ?? Number.NEGATIVE_INFINITY, startedAt - run.skewMs),
          sweptAt: startedAt,
          total: listed,
        };
        await writeSweepHistory(ctx.state, { listed });
      } else {
        // Nothing is removed, the mark stays, and the next run sweeps again.
        complete = false;
        notices.push({ code: LISTING_INCOMPLETE, message: verdict.reason });
        checkpoint = { v: 1, ...(stored.mark !== undefined ? { mark: stored.mark } : {}) };
        if (count === undefined && history)
          await writeSweepHistory(ctx.state, { ...history, suspect: listed });
      }
    }
    yield {
      kind: "device",
      upserts: parts.upserts,
      removals: [],
      checkpoint: checkpointJson(checkpoint),
      fullScan: { first, last: page.nextLink === undefined, ...(complete ? {} : { complete: false }) },
      notices,
    };
    first = false;
  }
}

async function* readIncremental(run: Run, total: number | undefined): AsyncGenerator<SourcePage> {
  const { ctx, stored } = run;
  const mark = stored.mark ?? 0;
  const since = mark - ctx.settings.overlapMinutes * 60_000;
  const filter = `lastSyncDateTime gt ${new Date(since).toISOString().slice(0, 19)}Z`;
  const url = `${LIST}?$select=${run.select}&$top=${run.pageSize}&$filter=${encodeURIComponent(filter)}`;
  const done: IntuneCheckpoint = {
    v: 1,
    mark: Math.max(mark, run.runStart - run.skewMs),
    ...(stored.sweptAt !== undefined ? { sweptAt: stored.sweptAt } : {}),
    ...(total !== undefined ? { total } : stored.total !== undefined ? { total: stored.total } : {}),
  };
  let older = 0;
  for await (const page of iterateGraphPages(run.graph, url, { signal: ctx.signal })) {
    // Intune ignores filters it does not support without a word: the predicate is checked here again.
    const fresh = page.value.filter((item) => syncedAfter(item, since));
    older += page.value.length - fresh.length;
    const parts = toDevicePage(fresh, ctx.settings.scope, run.statuses?.byDevice);
    const last = page.nextLink === undefined;
    yield {
      kind: "device",
      upserts: parts.upserts,
      removals: [],
      checkpoint: checkpointJson(last ? done : stored),
      notices: [
        ...invalidNotice(parts.invalid, page.requestId),
        ...(last && older > 0
          ? [
              {
                code: "INTUNE_FILTER_IGNORED",
                message: `Intune returned ${older} device(s) not synced since ${new Date(since).toISOString()}: the lastSyncDateTime filter was not applied, so the read checked it itself`,
              },
            ]
          : []),
      ],
    };
  }
}

function syncedAfter(item: unknown, since: number): boolean {
  const at = Date.parse(String((item as { lastSyncDateTime?: unknown } | null)?.lastSyncDateTime ?? ""));
  return Number.isNaN(at) || at > since;
}

function invalidNotice(count: number, requestId: string | undefined): SyncNotice[] {
  if (count === 0) return [];
  return [
    {
      code: "GRAPH_ITEM_INVALID",
      message: `${count} managed device item(s) without an id were skipped (request-id ${requestId ?? "unknown"})`,
    },
  ];
}
