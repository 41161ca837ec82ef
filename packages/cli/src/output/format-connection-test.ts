import type { ConnectionTestResult } from "@uslimato/core";
import type { Colors } from "./colors";
import { diagnosisOf, formatDiagnosis } from "./format-diagnosis";

/**
 * A connection test's steps (✓/✗), and on failure the code, what went wrong, what to do, and the service's own
 * diagnosis field by field (HTTP status, error, AADSTS code, trace, correlation and request ids) where present.
 */
export function formatConnectionTest(result: ConnectionTestResult, colors: Colors): string {
  const printed = new Set<unknown>();
  const lines = result.steps.flatMap((step) => {
    const line = `  ${step.ok ? colors.green("✓") : colors.red("✗")} ${step.name.padEnd(12)} ${step.message}`;
    const diagnosis = diagnosisOf(step);
    if (!diagnosis) return [line];
    printed.add(diagnosis);
    return [line, ...formatDiagnosis(diagnosis, colors, "      ")];
  });
  if (result.ok) {
    for (const [key, value] of Object.entries(result.details ?? {}))
      lines.push(`    ${colors.dim(key)} ${value}`);
    lines.push(colors.green("Connection OK"));
  } else {
    lines.push(`${colors.red(`Connection failed at ${result.failedStep}`)}: ${result.code}`);
    lines.push(`  ${result.message}`);
    lines.push(`  ${colors.bold("What to do:")} ${result.remedy}`);
    const diagnosis = diagnosisOf(result);
    if (diagnosis && !printed.has(diagnosis)) lines.push(...formatDiagnosis(diagnosis, colors, "  "));
    if (result.requestId && result.requestId !== diagnosis?.requestId)
      lines.push(`  request id ${result.requestId}`);
  }
  return lines.join("\n");
}
