import { describe, expect, it } from "vitest";
import { Secret } from "../secrets/secret";
import { createRedactingLogger } from "./create-redacting-logger";
import type { LogFields, Logger } from "./logger";

function recorder(lines: string[]): Logger {
  const write = (fieldsOrMessage: LogFields | string, message?: string) =>
    lines.push(JSON.stringify([fieldsOrMessage, message]));
  return { trace: write, debug: write, info: write, warn: write, error: write, child: () => recorder(lines) };
}

describe("createRedactingLogger", () => {
  it("redacts Secrets, secret-named fields, known values and errors quoting them", () => {
    const lines: string[] = [];
    const logger = createRedactingLogger(recorder(lines), { secrets: () => ["hunter2-secret"] });
    logger.info(
      {
        secret: new Secret("x-value-1"),
        clientSecret: "plain-value-2",
        nested: { authorization: "Bearer abc", ok: 1 },
      },
      "hello",
    );
    logger.error({ err: new Error("failed with hunter2-secret") }, "boom hunter2-secret");
    logger.child({ token: "t0k3n-value" }).warn("child");
    const text = lines.join("\n");
    for (const value of ["x-value-1", "plain-value-2", "Bearer abc", "hunter2-secret"])
      expect(text).not.toContain(value);
    expect(text).toContain('"ok":1');
    expect(text).toContain("[REDACTED]");
  });
});
