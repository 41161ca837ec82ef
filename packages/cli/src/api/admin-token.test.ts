import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIo } from "../../test/fixtures/capture-io";
import { ADMIN_TOKEN_ENV, adminToken } from "./admin-token";

describe("adminToken", () => {
  it("reads the token file first, then the environment, else generates one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "usl-token-"));
    const file = join(dir, "token");
    await writeFile(file, "from-the-file-0123456789\n");
    const io = captureIo({ homeDir: dir, env: { [ADMIN_TOKEN_ENV]: "from-the-environment-0123" } }).io;
    expect(await adminToken(io, file)).toEqual({ token: "from-the-file-0123456789", generated: false });
    expect(await adminToken(io, undefined)).toEqual({ token: "from-the-environment-0123", generated: false });
    const generated = await adminToken(captureIo({ homeDir: dir, env: {} }).io, undefined);
    expect(generated.generated).toBe(true);
    expect(generated.token).toHaveLength(43);
  });

  it("refuses a short token and a missing file, without echoing the token", async () => {
    const io = captureIo({ homeDir: tmpdir(), env: { [ADMIN_TOKEN_ENV]: "short" } }).io;
    await expect(adminToken(io, undefined)).rejects.toMatchObject({ code: "CLI_SECRET_UNAVAILABLE" });
    await expect(adminToken(io, undefined)).rejects.not.toThrow(/short/);
    await expect(adminToken(io, "/nonexistent/token")).rejects.toMatchObject({
      code: "CLI_SECRET_UNAVAILABLE",
    });
  });
});
