import {
  type ConnectionTestResult,
  type ConnectorContext,
  HttpError,
  isUslimatoError,
} from "@uslimato/core/connector";
import type { HrSecretName, HrSettings } from "./hr-settings";
import { openHrApi } from "./open-hr-api";

type Failure = Extract<ConnectionTestResult, { ok: false }>;

/** Reads one person: proves the URL answers, the API key is accepted and people can be read. */
export async function testHrConnection(
  ctx: ConnectorContext<HrSettings, HrSecretName>,
): Promise<ConnectionTestResult> {
  try {
    const api = openHrApi(ctx.settings, ctx.secrets, { signal: ctx.signal, retries: 1 });
    const page = await api.listPeople({ limit: 1, cursor: null, updatedSince: null });
    return {
      ok: true,
      steps: [
        { name: "authenticate", ok: true, message: "The API key was accepted" },
        { name: "read", ok: true, message: `Read ${page.people.length} person` },
      ],
    };
  } catch (error) {
    return describeFailure(error);
  }
}

function describeFailure(error: unknown): Failure {
  const fail = (failedStep: string, code: string, message: string, remedy: string): Failure => ({
    ok: false,
    failedStep,
    code,
    message,
    remedy,
    steps: [{ name: failedStep, ok: false, message }],
    ...(error instanceof HttpError && error.requestId ? { requestId: error.requestId } : {}),
  });
  if (isUslimatoError(error, "HR_API_KEY_MISSING"))
    return fail("authenticate", "API_KEY_MISSING", "No API key is configured", "Enter the Acme HR API key");
  if (error instanceof HttpError && (error.status === 401 || error.status === 403))
    return fail(
      "authenticate",
      "INVALID_API_KEY",
      `Acme HR rejected the API key (${error.status})`,
      "Create a new API key in Acme HR (Settings > API keys) and enter it again",
    );
  if (error instanceof HttpError && (error.code === "HTTP_NETWORK" || error.code === "HTTP_TIMEOUT"))
    return fail(
      "connect",
      "SERVICE_UNREACHABLE",
      error.message,
      "Check the base URL and that Acme HR is reachable",
    );
  const message = error instanceof Error ? error.message : String(error);
  return fail("read", "READ_FAILED", message, "Check the base URL; if it is right, contact Acme HR support");
}
