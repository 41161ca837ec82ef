import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import { beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";

describe("integrations add refuses endpoints that cannot be safe (issue 15 item 14)", () => {
  let home: string;
  const cli = async (args: string[]) => {
    const cap = captureIo({ homeDir: home, env: { S: "a-client-secret-value" } });
    const code = await runCli(args, { io: cap.io });
    return { code, out: cap.stdout(), err: cap.stderr() };
  };
  const add = (endpoints: string[]) =>
    cli([
      "integrations",
      "add",
      "entra",
      "--tenant-id",
      "11111111-2222-3333-4444-555555555555",
      "--client-id",
      "66666666-7777-8888-9999-000000000000",
      ...endpoints,
      "--secret-from-env",
      "S",
    ]);

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), "usl-endpoints-"));
    expect((await cli(["init"])).code).toBe(0);
  });

  it("non-loopback http, javascript: and file: are configuration errors naming the field; nothing is stored", async () => {
    const cases = [
      [
        [
          "--authority-host",
          "http://login.example.com",
          "--graph-base-url",
          "https://graph.microsoft.com/v1.0",
        ],
        "settings.endpoints.authorityHost",
      ],
      [
        [
          "--authority-host",
          "https://login.microsoftonline.com",
          "--graph-base-url",
          "http://graph.example.com/v1.0",
        ],
        "settings.endpoints.graphBaseUrl",
      ],
      [
        [
          "--settings",
          JSON.stringify({
            endpoints: {
              authorityHost: "javascript:alert(1)",
              graphBaseUrl: "https://graph.microsoft.com/v1.0",
            },
          }),
        ],
        "settings.endpoints.authorityHost",
      ],
      [
        [
          "--settings",
          JSON.stringify({
            endpoints: {
              authorityHost: "https://login.microsoftonline.com",
              graphBaseUrl: "file:///etc/passwd",
            },
          }),
        ],
        "settings.endpoints.graphBaseUrl",
      ],
    ] as const;
    for (const [flags, field] of cases) {
      const { code, err } = await add([...flags]);
      expect(code, err).toBe(3);
      expect(err).toContain("CONFIG_INVALID");
      expect(err).toContain(field);
    }
    expect(JSON.parse((await cli(["integrations", "list", "--json"])).out)).toEqual([]);
  });

  it("loopback http (a simulator) and https stay accepted", async () => {
    expect(
      (
        await add([
          "--authority-host",
          "http://127.0.0.1:4010",
          "--graph-base-url",
          "http://127.0.0.1:4010/v1.0",
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await add([
          "--authority-host",
          "https://login.microsoftonline.com",
          "--graph-base-url",
          "https://graph.microsoft.com/v1.0",
        ])
      ).code,
    ).toBe(0);
  });
});
