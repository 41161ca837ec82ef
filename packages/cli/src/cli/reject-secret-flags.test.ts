import { describe, expect, it } from "vitest";
import { rejectSecretFlags } from "./reject-secret-flags";

describe("rejectSecretFlags", () => {
  it("refuses secret-looking flags without echoing the value", () => {
    for (const arg of [
      "--client-secret=hunter2",
      "--clientSecret",
      "--client_secret",
      "--secret=hunter2",
      "--api-key",
      "--password=x",
      "--private-key",
    ]) {
      expect(() => rejectSecretFlags(["integrations", "add", arg])).toThrow(
        /never read from the command line/,
      );
      try {
        rejectSecretFlags([arg]);
      } catch (error) {
        expect((error as Error).message).not.toContain("hunter2");
        expect((error as { exitCode: number }).exitCode).toBe(2);
      }
    }
  });
  it("lets the secret-source flags and anything after -- through", () => {
    expect(() =>
      rejectSecretFlags(["--secret-from-env", "X", "--secret-stdin", "--secret-name", "clientSecret"]),
    ).not.toThrow();
    expect(() => rejectSecretFlags(["--", "--client-secret=x"])).not.toThrow();
  });
});
