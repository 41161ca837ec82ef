import { type GraphClient, iterateGraphPages } from "@uslimato/msgraph";
import type { IntuneSettings } from "../settings/intune-settings";

/** Where one integration's probes stand between intervals. */
export interface ProbeState {
  /** Devices synced after this Intune timestamp (ms) are news. */
  since: number;
  /** The Entra `/devices/delta` link to read next (after a first `$deltaToken=latest`). */
  entraLink?: string;
  /** Audit events after this timestamp (ms) are news. */
  auditSince: number;
}

/** What one round of probes found. */
export interface ProbeFindings {
  /** Why an incremental sync should run (devices checked in), or undefined. */
  incremental?: string;
  /** Why a sweep should run (a removal or a server-side change the incremental read cannot see), or undefined. */
  sweep?: string;
  /** Requests the round made (at most 3, plus the client's retries). */
  requests: number;
}

const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

async function firstPage(graph: GraphClient, url: string, signal: AbortSignal) {
  for await (const page of iterateGraphPages<Record<string, unknown>>(graph, url, {
    signal,
    prefetch: false,
  }))
    return page;
  throw new Error("unreachable: a listing always has a first page");
}

/**
 * One round of the watcher's probes for an integration, at most one request each: devices synced since the last
 * round (`lastSyncDateTime gt`, `$select=id,lastSyncDateTime`, a small `$top`, re-checked here since Intune may
 * ignore the filter), and, when switched on, Entra's `/devices/delta` and Intune's audit events. Updates `state`.
 */
export async function probeIntune(
  graph: GraphClient,
  settings: IntuneSettings,
  state: ProbeState,
  options: { top: number; signal: AbortSignal },
): Promise<ProbeFindings> {
  const findings: ProbeFindings = { requests: 0 };
  const { signal } = options;
  const filter = encodeURIComponent(`lastSyncDateTime gt ${iso(state.since)}`);
  findings.requests++;
  const devices = await firstPage(
    graph,
    `/deviceManagement/managedDevices?$filter=${filter}&$select=id,lastSyncDateTime&$top=${options.top}`,
    signal,
  );
  const synced = devices.value
    .map((d) => Date.parse(String(d?.lastSyncDateTime ?? "")))
    .filter((at) => !Number.isNaN(at) && at > state.since);
  if (synced.length > 0) {
    findings.incremental = `${synced.length}${synced.length === options.top ? "+" : ""} device(s) checked in since ${iso(state.since)}`;
    state.since = Math.max(state.since, ...synced);
  }
  if (settings.watch.entraDevices) {
    findings.requests++;
    const page = await firstPage(
      graph,
      state.entraLink ??
        "/devices/delta?$select=id,deviceId,isCompliant,isManaged,accountEnabled&$deltaToken=latest",
      signal,
    );
    const known = state.entraLink !== undefined;
    state.entraLink = page.nextLink ?? page.deltaLink ?? state.entraLink;
    if (known && page.value.length > 0) {
      const removed = page.value.filter((d) => d?.["@removed"] !== undefined).length;
      findings.sweep = `Entra reported ${page.value.length} device change(s)${removed ? `, ${removed} removal(s)` : ""}`;
    }
  }
  if (settings.watch.auditEvents) {
    findings.requests++;
    const audit = encodeURIComponent(`activityDateTime gt ${iso(state.auditSince)}`);
    const page = await firstPage(graph, `/deviceManagement/auditEvents?$filter=${audit}&$top=50`, signal);
    const events = page.value.filter((e) => {
      const at = Date.parse(String(e?.activityDateTime ?? ""));
      return !Number.isNaN(at) && at > state.auditSince;
    });
    const onDevices = events.filter((e) =>
      JSON.stringify(e?.resources ?? [])
        .toLowerCase()
        .includes("manageddevice"),
    );
    for (const e of events)
      state.auditSince = Math.max(state.auditSince, Date.parse(String(e.activityDateTime)));
    if (onDevices.length > 0) {
      const names = [...new Set(onDevices.map((e) => String(e.displayName ?? e.activity ?? "change")))];
      findings.sweep = `${findings.sweep ? `${findings.sweep}; ` : ""}Intune audit: ${names.join(", ")}`;
    }
  }
  return findings;
}
