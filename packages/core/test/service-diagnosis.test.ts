import { createHub, createMemoryStorage, diagnosisOf, UslimatoError } from "@uslimato/core";
import { createFakeConnector, FakeDirectory } from "@uslimato/core/testing";
import { describe, expect, it } from "vitest";
import { cleanServiceDiagnosis } from "../src/errors/service-diagnosis";
import { createTestVault } from "./fixtures/test-vault";

const API_KEY = "fake-api-key-diagnosis-0001";

describe("ServiceDiagnosis", () => {
  it("keeps only known, non-empty fields, cut and scrubbed of secrets", () => {
    const cleaned = cleanServiceDiagnosis(
      {
        service: "graph",
        httpStatus: 403,
        errorCode: "Authorization_RequestDenied",
        requestId: "",
        message: `denied for ${API_KEY} ${"x".repeat(2000)}`,
        bogus: "dropped",
      } as never,
      [API_KEY],
    );
    expect(cleaned).toMatchObject({
      service: "graph",
      httpStatus: 403,
      errorCode: "Authorization_RequestDenied",
    });
    expect(cleaned).not.toHaveProperty("requestId");
    expect(cleaned).not.toHaveProperty("bogus");
    expect(cleaned?.message).toHaveLength(1000);
    expect(cleaned?.message).not.toContain(API_KEY);
    expect(cleanServiceDiagnosis({ service: "graph" })).toBeUndefined();
  });

  it("is carried by UslimatoError (secrets scrubbed, in toJSON) and found through causes", () => {
    const error = new UslimatoError("X", "failed", {
      secrets: [API_KEY],
      diagnosis: { service: "sap", httpStatus: 500, sapMessage: `key ${API_KEY}`, transactionId: "T1" },
    });
    expect(error.diagnosis).toEqual({
      service: "sap",
      httpStatus: 500,
      sapMessage: "key [REDACTED]",
      transactionId: "T1",
    });
    expect(error.toJSON().diagnosis).toEqual(error.diagnosis);
    expect(diagnosisOf(new Error("outer", { cause: error }))).toEqual(error.diagnosis);
    expect(diagnosisOf(new Error("plain"))).toBeUndefined();
    expect(new UslimatoError("X", "no diagnosis").toJSON()).not.toHaveProperty("diagnosis");
  });
});

describe("a failed run records the service's diagnosis", () => {
  it("in the sync log's error as fields and in the audit entry of the run", async () => {
    const directory = new FakeDirectory({ people: 5, apiKey: API_KEY });
    const fake = createFakeConnector(directory);
    const storage = createMemoryStorage();
    const hub = createHub({
      storage,
      vault: createTestVault(),
      plan: "enterprise",
      connectors: [
        {
          ...fake,
          // biome-ignore lint/correctness/useYield: a read that fails before its first page
          async *read() {
            throw new UslimatoError("AUTH_FAILED", `The token request failed (${API_KEY})`, {
              details: { requestId: "not-the-graph-request-id" },
              diagnosis: {
                service: "entra-token",
                httpStatus: 401,
                errorCode: "invalid_client",
                serviceCode: "AADSTS7000215",
                traceId: "trace-1",
                correlationId: "corr-1",
                date: "2026-01-01 00:00:00Z",
                message: `AADSTS7000215: Invalid client secret provided ${API_KEY}`,
              },
            });
          },
        },
      ],
    });
    const integration = await hub.integrations.create({
      tenantId: "t1",
      connectorId: "fake",
      name: "HR",
      settings: { pageSize: 10 },
      secrets: { apiKey: API_KEY },
      intervalMinutes: 60,
    });
    const log = await hub.syncNow(integration.id);
    expect(log.status).toBe("failed");
    const detail = log.errors.at(-1);
    expect(detail?.diagnosis).toMatchObject({
      service: "entra-token",
      httpStatus: 401,
      errorCode: "invalid_client",
      serviceCode: "AADSTS7000215",
      traceId: "trace-1",
      correlationId: "corr-1",
      date: "2026-01-01 00:00:00Z",
    });
    const stored = await storage.syncLogs.get(log.id);
    expect(stored?.errors.at(-1)?.diagnosis?.serviceCode).toBe("AADSTS7000215");
    const finished = (await storage.audit.list({ integrationId: integration.id })).find(
      (e) => e.action === "sync.finished",
    );
    expect(finished?.details).toMatchObject({
      failureCode: "AUTH_FAILED",
      diagnosisService: "entra-token",
      httpStatus: 401,
      errorCode: "invalid_client",
      serviceCode: "AADSTS7000215",
      traceId: "trace-1",
      correlationId: "corr-1",
    });
    expect(JSON.stringify({ log, stored, finished })).not.toContain(API_KEY);
  });
});
