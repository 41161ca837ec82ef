import {
  type ReadContext,
  type SourcePage,
  type SyncNotice,
  untilRequestSent,
} from "@uslimato/core/connector";
import type { OAuthTokenCache } from "../auth/oauth-token-cache";
import { andFilters, keysetFilter } from "../odata/keyset-filter";
import type { ODataRow } from "../odata/normalize-odata-row";
import type { ODataLiteral } from "../odata/odata-literal";
import type { SapConnectorOptions } from "../sap-connector-options";
import type { SapSecretName, SapSettings } from "../settings/sap-settings";
import { openSapSources } from "./open-sap-sources";
import { encodeSapCheckpoint, parseSapCheckpoint, type SapCheckpoint } from "./sap-checkpoint";
import type { SapSource, SourceBatch } from "./sap-source";
import { instantToLocal } from "./zoned-time";

const keyOf = (source: SapSource, row: ODataRow): string[] =>
  source.keys.map((k) => String(row[k.name] ?? ""));

function keyset(source: SapSource, lastKey: string[] | null) {
  if (!lastKey) return undefined;
  return keysetFilter(
    source.keys.map((k, i) => {
      const raw = lastKey[i] ?? "";
      const value = k.type === "dateTime" ? raw.replace(/Z$/, "") : raw;
      return { name: k.name, value: { type: k.type, value } as ODataLiteral };
    }),
    source.client.version,
  );
}

function reasonNotice(source: SapSource, batch: SourceBatch): SyncNotice[] {
  const entries = Object.entries(batch.reasons);
  if (entries.length === 0) return [];
  return [
    {
      code: "SAP_REMOVAL_REASONS",
      message: `${source.id}: ${entries.map(([reason, ids]) => `${reason} (e.g. ${ids.join(", ")})`).join("; ")}`,
    },
  ];
}

/** Where a run starts: resume an open phase, start a due sweep, or read changes. */
function startingPoint(stored: SapCheckpoint | null, now: Date, sweepHours: number): SapCheckpoint {
  const fresh = (base: SapCheckpoint | null): SapCheckpoint => ({
    v: 1,
    phase: "sweep",
    source: null,
    lastKey: null,
    sweepId: now.toISOString(),
    sweptAt: base?.sweptAt ?? null,
    highWater: base?.highWater ?? {},
    pending: null,
    day: base?.day ?? null,
  });
  if (stored === null) return fresh(null);
  if (stored.phase !== "idle") return stored;
  const due = stored.sweptAt === null || now.getTime() - Date.parse(stored.sweptAt) >= sweepHours * 3_600_000;
  return due
    ? fresh(stored)
    : { ...stored, phase: "incremental", source: null, lastKey: null, pending: null };
}

/**
 * Reads the enabled sources (employees, equipment, fixed assets) page by page with keyset paging: `$orderby` on
 * the key and `$filter` key `gt` the last key received (the next request leaves as soon as a page arrives, so it is
 * on the wire while the page is mapped and applied); a server-capped page's next link is never followed (an
 * offset skiptoken shifts when rows change during the listing), the next request starts after the last key.
 * A sweep (first run, `full`, or every `fullSweepHours`) lists every source as a full enumeration per kind, so
 * physically deleted rows are removed (guarded by core); other runs read changes since each source's high-water
 * mark minus the overlap. Every page carries the checkpoint; a crash resumes after the last applied key.
 */
export async function* readSap(
  ctx: ReadContext<SapSettings, SapSecretName>,
  options: SapConnectorOptions,
  tokens: OAuthTokenCache,
): AsyncGenerator<SourcePage> {
  const { settings, signal } = ctx;
  const sources = openSapSources(ctx, options, tokens);
  const now = (options.clock ?? (() => new Date()))();
  const today = instantToLocal(now.getTime(), settings.systemTimeZone).date;
  const stored = ctx.requestedMode === "full" ? null : parseSapCheckpoint(ctx.checkpoint);
  const cp = startingPoint(stored, now, settings.fullSweepHours);
  const resumed = stored !== null && stored.phase === "sweep";
  const sweep = cp.phase === "sweep";
  let index = Math.max(
    0,
    sources.findIndex((s) => s.id === cp.source),
  );
  if (cp.source !== null && sources[index]?.id !== cp.source) {
    cp.lastKey = null;
    cp.pending = null;
  }
  const kindsStarted = new Set<string>(resumed ? sources.map((s) => s.kind) : []);

  for (; index < sources.length; index++) {
    const source = sources[index] as SapSource;
    const next = sources[index + 1];
    const lastOfKind = !sources.slice(index + 1).some((s) => s.kind === source.kind);
    const mark = cp.highWater[source.id];
    const since = sweep || !mark ? undefined : Date.parse(mark) - settings.overlapSeconds * 1000;
    let lastKey = cp.source === source.id ? cp.lastKey : null;
    let pending = cp.source === source.id && cp.pending ? Date.parse(cp.pending) : Number.NEGATIVE_INFINITY;
    const seen = new Set<string>();
    let noted = false;
    /** Starts a page's request; `sent` resolves once it is on the wire (or settled). */
    const request = (after: string[] | null) => {
      let sent = (): void => {};
      const onWire = new Promise<void>((resolve) => {
        sent = resolve;
      });
      const filter = andFilters(
        source.scope(today),
        since === undefined ? undefined : source.changedSince(since, today, cp.day ?? undefined),
        keyset(source, after),
      );
      const pending = source.client.list(
        {
          entitySet: source.entitySet,
          ...(filter ? { filter } : {}),
          orderby: source.keys.map((k) => k.name),
          ...(source.select ? { select: source.select } : {}),
          ...(source.expand ? { expand: source.expand } : {}),
          top: settings.pageSize,
        },
        signal,
        { onSent: () => sent() },
      );
      // Awaited at the next turn of the loop; a run that stops before then must not leave it unhandled.
      pending.catch(() => {});
      return { page: pending, sent: untilRequestSent(onWire, pending) };
    };
    let inFlight = request(lastKey);
    for (;;) {
      const page = await inFlight.page;
      const done = page.size === 0 || (page.size < settings.pageSize && page.nextLink === undefined);
      // The next page goes on the wire now, from this page's last key, while this one is normalized, mapped and
      // applied: this page is worked on once that request has left (Node's fetch writes it on a later turn of the
      // event loop, which the synchronous work on this page would otherwise hold back).
      if (!done) {
        inFlight = request(page.last ? keyOf(source, page.last) : lastKey);
        await inFlight.sent;
      }
      const rows = page.rows.filter((row) => {
        const id = keyOf(source, row).join("\u0000");
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      if (page.last) lastKey = keyOf(source, page.last);
      for (const row of rows) pending = Math.max(pending, source.stamp(row) ?? Number.NEGATIVE_INFINITY);
      const batch = await source.toBatch(rows, today, signal);
      const notices: SyncNotice[] = reasonNotice(source, batch);
      if (page.sapMessage && !noted) {
        noted = true;
        notices.push({ code: "SAP_MESSAGE", message: `${source.id}: ${page.sapMessage}` });
      }
      if (done) {
        if (Number.isFinite(pending) && (!mark || pending > Date.parse(mark)))
          cp.highWater[source.id] = new Date(pending).toISOString();
        if (next) Object.assign(cp, { source: next.id, lastKey: null, pending: null });
        else
          Object.assign(cp, {
            phase: "idle",
            source: null,
            lastKey: null,
            pending: null,
            sweptAt: sweep ? cp.sweepId : cp.sweptAt,
            sweepId: null,
            day: today,
          });
      } else {
        Object.assign(cp, {
          source: source.id,
          lastKey,
          pending: Number.isFinite(pending) ? new Date(pending).toISOString() : null,
        });
      }
      const first = sweep && !kindsStarted.has(source.kind);
      kindsStarted.add(source.kind);
      yield {
        kind: source.kind,
        upserts: batch.upserts,
        removals: batch.removals,
        checkpoint: encodeSapCheckpoint(cp),
        ...(sweep ? { fullScan: { first, last: done && lastOfKind } } : {}),
        ...(notices.length > 0 ? { notices } : {}),
      };
      if (done) break;
    }
  }
}
