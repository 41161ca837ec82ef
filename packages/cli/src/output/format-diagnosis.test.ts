import type { ConnectionTestResult, SyncLog } from "@uslimato/core";
import { describe, expect, it } from "vitest";
import { createColors } from "./colors";
import { formatConnectionTest } from "./format-connection-test";
import { formatSyncLogs } from "./format-sync-log";

const plain = createColors(false);
const tokenDiagnosis = {
  service: "entra-token",
  httpStatus: 401,
  errorCode: "invalid_client",
  serviceCode: "AADSTS7000215",
  traceId: "0a1b2c3d-trace",
  correlationId: "9f8e7d6c-correlation",
  date: "2026-12-04 20:00:00Z",
};

describe("the service's diagnosis in the CLI's output (issue 14)", () => {
  it("test: a failed step's diagnosis is printed field by field, once", () => {
    const step = {
      name: "token",
      ok: false,
      message: "The client secret was rejected",
      diagnosis: tokenDiagnosis,
    };
    const result = {
      ok: false,
      failedStep: "token",
      code: "INVALID_SECRET",
      message: "The client secret was rejected",
      remedy: "Create a new client secret",
      steps: [step],
      diagnosis: tokenDiagnosis,
    } as ConnectionTestResult;
    const text = formatConnectionTest(result, plain);
    expect(text).toContain("service diagnosis (entra-token)");
    expect(text).toMatch(/HTTP status\s+401/);
    expect(text).toMatch(/error\s+invalid_client/);
    expect(text).toMatch(/service code\s+AADSTS7000215/);
    expect(text).toMatch(/trace id\s+0a1b2c3d-trace/);
    expect(text).toMatch(/correlation id\s+9f8e7d6c-correlation/);
    expect(text.match(/service diagnosis/g)).toHaveLength(1);
  });

  it("test: a result-level diagnosis (Graph) is printed after the remedy; no diagnosis, no heading", () => {
    const graph = {
      service: "graph",
      httpStatus: 403,
      errorCode: "Authorization_RequestDenied",
      requestId: "req-1",
      clientRequestId: "client-1",
    };
    const failed = {
      ok: false,
      failedStep: "read",
      code: "INSUFFICIENT_PERMISSION",
      message: "Graph refused the read",
      remedy: "Grant User.Read.All",
      steps: [{ name: "read", ok: false, message: "Graph refused the read" }],
      requestId: "req-1",
      diagnosis: graph,
    } as ConnectionTestResult;
    const text = formatConnectionTest(failed, plain);
    expect(text).toMatch(/service diagnosis \(graph\)[\s\S]*Authorization_RequestDenied/);
    expect(text).toMatch(/client-request-id\s+client-1/);
    expect(text.match(/req-1/g)).toHaveLength(1);
    const { diagnosis: _none, ...without } = failed as ConnectionTestResult & { diagnosis?: unknown };
    expect(formatConnectionTest(without as ConnectionTestResult, plain)).not.toContain("service diagnosis");
  });

  it("logs: an error's diagnosis follows it on one line", () => {
    const log = {
      id: "run-1",
      integrationId: "i",
      tenantId: "t",
      trigger: "manual",
      mode: "full",
      status: "failed",
      startedAt: new Date("2026-12-04T20:00:00Z"),
      finishedAt: new Date("2026-12-04T20:00:01Z"),
      pages: 0,
      counts: { processed: 0, created: 0, updated: 0, deactivated: 0, failed: 0, skipped: 0 },
      errors: [
        { code: "AUTH_FAILED", message: "token refused", severity: "error", diagnosis: tokenDiagnosis },
        { code: "RECORD_INVALID", message: "bad record", severity: "error", externalId: "u1" },
      ],
      notices: [],
      failureCode: "AUTH_FAILED",
    } as unknown as SyncLog;
    const text = formatSyncLogs([log], plain);
    expect(text).toContain(
      "entra-token: HTTP status 401 · error invalid_client · service code AADSTS7000215 · trace id 0a1b2c3d-trace",
    );
    expect(text.split("\n").filter((l) => l.includes("entra-token"))).toHaveLength(1);
  });
});
