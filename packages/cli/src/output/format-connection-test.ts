import type { ConnectionTestResult } from "@uslimato/core";
import type { Colors } from "./colors";

/** A connection test's steps (✓/✗), and on failure the code, what went wrong and what to do. */
export function formatConnectionTest(result: ConnectionTestResult, colors: Colors): string {
  const lines = result.steps.map(
    (step) => `  ${step.ok ? colors.green("✓") : colors.red("✗")} ${step.name.padEnd(12)} ${step.message}`,
  );
  if (result.ok) {
    for (const [key, value] of Object.entries(result.details ?? {}))
      lines.push(`    ${colors.dim(key)} ${value}`);
    lines.push(colors.green("Connection OK"));
  } else {
    lines.push(`${colors.red(`Connection failed at ${result.failedStep}`)}: ${result.code}`);
    lines.push(`  ${result.message}`);
    lines.push(`  ${colors.bold("What to do:")} ${result.remedy}`);
    if (result.requestId) lines.push(`  request id ${result.requestId}`);
  }
  return lines.join("\n");
}
