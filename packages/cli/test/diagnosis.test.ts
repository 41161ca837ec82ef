import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import type { ConnectionTestResult } from "@uslimato/core";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";

const diagnosis = {
  service: "entra-token",
  httpStatus: 400,
  errorCode: "unauthorized_client",
  serviceCode: "AADSTS700016",
  traceId: "trace-0001",
  correlationId: "correlation-0002",
};

/** A connector whose connection test fails the way Entra's token endpoint does, with the service's diagnosis. */
const failingConnector = () => ({
  ...createFakeConnector(new FakeDirectory(), { id: "fake" }),
  async testConnection(): Promise<ConnectionTestResult> {
    // The fields connectors fill once core's ServiceDiagnosis lands; extra fields on a plain object here.
    const step = { name: "token", ok: false, message: "The application was not found", diagnosis };
    const result = {
      ok: false as const,
      failedStep: "token",
      code: "CLIENT_NOT_FOUND",
      message: "The application was not found in the tenant",
      remedy: "Check the Application (client) ID",
      steps: [step],
      diagnosis,
    };
    return result;
  },
});

describe("uslimato test prints the service's diagnosis (issue 14)", () => {
  let home: string;
  let id = "";
  const cli = async (args: string[]) => {
    const cap = captureIo({ homeDir: home, env: { KEY: "fake-api-key-0123456789" } });
    const code = await runCli(args, { io: cap.io, runtime: { extraConnectors: [failingConnector()] } });
    return { code, out: cap.stdout(), err: cap.stderr() };
  };

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), "usl-diag-"));
    expect((await cli(["init"])).code).toBe(0);
    const added = await cli([
      "integrations",
      "add",
      "fake",
      "--settings",
      "{}",
      "--secret-from-env",
      "KEY",
      "--json",
    ]);
    expect(added.err).toBe("");
    id = JSON.parse(added.out).id;
  });

  it("as lines: status, error, AADSTS code, trace and correlation ids; exit code 4", async () => {
    const { code, out } = await cli(["test", id]);
    expect(code).toBe(4);
    expect(out).toMatch(/HTTP status\s+400/);
    expect(out).toMatch(/error\s+unauthorized_client/);
    expect(out).toMatch(/service code\s+AADSTS700016/);
    expect(out).toMatch(/trace id\s+trace-0001/);
    expect(out).toMatch(/correlation id\s+correlation-0002/);
  });

  it("--json carries them as fields", async () => {
    const { code, out } = await cli(["test", id, "--json"]);
    expect(code).toBe(4);
    const result = JSON.parse(out);
    expect(result.diagnosis).toEqual(diagnosis);
    expect(result.steps[0].diagnosis).toEqual(diagnosis);
  });
});
