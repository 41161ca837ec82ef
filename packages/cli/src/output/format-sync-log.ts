import type { SyncLog } from "@uslimato/core";
import type { Colors } from "./colors";
import { diagnosisOf, formatDiagnosisLine } from "./format-diagnosis";
import { formatNumber } from "./format-number";
import { renderTable } from "./render-table";

const statusColor = (status: SyncLog["status"], colors: Colors): string =>
  status === "success"
    ? colors.green(status)
    : status === "partial"
      ? colors.yellow(status)
      : status === "failed"
        ? colors.red(status)
        : status;

const duration = (log: SyncLog): string =>
  log.finishedAt ? `${((log.finishedAt.getTime() - log.startedAt.getTime()) / 1000).toFixed(2)} s` : "-";

/**
 * Sync logs as a table (newest first, as given), then the first error details of each run, if any, each with the
 * service's diagnosis on one line where it has one.
 *
 * @example
 * ```ts
 * io.stdout.write(`${formatSyncLogs(await hub.syncLogs(id), colors)}\n`);
 * ```
 */
export function formatSyncLogs(logs: ReadonlyArray<SyncLog>, colors: Colors, maxErrors = 5): string {
  if (logs.length === 0) return "No sync has run yet.";
  const n = (pick: (log: SyncLog) => number) => (log: SyncLog) => formatNumber(pick(log));
  const table = renderTable<SyncLog>(
    [
      { header: "started", value: (l) => l.startedAt.toISOString().replace("T", " ").slice(0, 19) },
      { header: "trigger", value: (l) => l.trigger },
      { header: "mode", value: (l) => l.mode },
      { header: "status", value: (l) => statusColor(l.status, colors) },
      { header: "pages", value: n((l) => l.pages), right: true },
      { header: "processed", value: n((l) => l.counts.processed), right: true },
      { header: "created", value: n((l) => l.counts.created), right: true },
      { header: "updated", value: n((l) => l.counts.updated), right: true },
      { header: "deactivated", value: n((l) => l.counts.deactivated), right: true },
      { header: "failed", value: n((l) => l.counts.failed), right: true },
      { header: "duration", value: duration, right: true },
    ],
    logs,
  );
  const problems = logs.flatMap((log) => [
    ...(log.failureCode ? [`  ${colors.red(log.failureCode)} (run ${log.id})`] : []),
    ...log.errors.slice(0, maxErrors).flatMap((e) => {
      const line = `  ${e.severity === "error" ? colors.red(e.code) : colors.yellow(e.code)}${
        e.externalId ? ` ${e.externalId}` : ""
      }: ${e.message}`;
      const diagnosis = diagnosisOf(e);
      return diagnosis ? [line, `    ${colors.dim(formatDiagnosisLine(diagnosis))}`] : [line];
    }),
    ...log.notices.map((notice) => `  ${colors.cyan(notice.code)}: ${notice.message}`),
  ]);
  return problems.length > 0 ? `${table}\n${problems.join("\n")}` : table;
}
