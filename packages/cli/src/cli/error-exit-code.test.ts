import { CoreError } from "@uslimato/core";
import { CredentialStoreError } from "@uslimato/credential-store";
import { GraphError } from "@uslimato/msgraph";
import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error";
import { describeError, errorExitCode } from "./error-exit-code";

describe("errorExitCode reads the packages' errors, not look-alike codes (issue 16)", () => {
  it("classifies the packages' own errors by their codes", () => {
    expect(errorExitCode(new CoreError("INTEGRATION_NOT_FOUND", "no such integration"))).toBe(3);
    expect(errorExitCode(new CoreError("SYNC_ALREADY_RUNNING", "busy"))).toBe(1);
    expect(errorExitCode(new CredentialStoreError("KEY_RING_CANNOT_OPEN_STORED", "k9 missing"))).toBe(3);
    expect(errorExitCode(new CredentialStoreError("KEY_IN_USE", "k1 seals 3"))).toBe(1);
    expect(errorExitCode(new GraphError("INVALID_ENDPOINT", "graphBaseUrl must use https"))).toBe(3);
    expect(errorExitCode(new CliError("CLI_USAGE", "bad"))).toBe(2);
    const parse = Object.assign(new TypeError("Unknown option '--x'"), {
      code: "ERR_PARSE_ARGS_UNKNOWN_OPTION",
    });
    expect(errorExitCode(parse)).toBe(2);
  });

  it("an error that is not the SDK's is a failure (1) whatever its code says, and prints no code", () => {
    const foreign = Object.assign(new Error("from somewhere else"), { code: "CONFIG_INVALID" });
    expect(errorExitCode(foreign)).toBe(1);
    expect(describeError(foreign)).toBe("from somewhere else");
    expect(describeError(new CoreError("PLAN_UNKNOWN", "no plan x"))).toBe("PLAN_UNKNOWN: no plan x");
    const diagnosed = Object.assign(new CoreError("CONNECTOR_FAILED", "Graph refused"), {
      diagnosis: {
        service: "graph",
        httpStatus: 403,
        errorCode: "Authorization_RequestDenied",
        requestId: "r-1",
      },
    });
    expect(describeError(diagnosed)).toBe(
      "CONNECTOR_FAILED: Graph refused [graph: HTTP status 403 · error Authorization_RequestDenied · request id r-1]",
    );
  });
});
