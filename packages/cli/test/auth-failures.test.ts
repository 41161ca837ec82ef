import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "@uslimato/cli";
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type GraphSimulator,
  startGraphSimulator,
} from "@uslimato/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "./fixtures/capture-io";

const EXPIRED_APP = "0d4c0a2e-5b7f-4c1e-9a61-2f7d3c8b9e10";
const EXPIRED_SECRET = "expired-simulator-secret-0123456789";
const UNKNOWN_APP = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
const UNKNOWN_TENANT = "00000000-1111-2222-3333-444444444444";

interface Case {
  name: string;
  tenant: () => string;
  clientId: string;
  secret: string;
  aadsts: string;
  status: number;
  error: string;
  code: string;
}

/**
 * `uslimato test` against the simulator's identity platform, once per auth failure it can produce: the table and
 * the JSON both carry Entra's own diagnosis (AADSTS number, HTTP status of the token endpoint, `error`, trace and
 * correlation ids), and neither carries a secret (issue 14).
 */
describe("uslimato test reports Entra's own diagnosis for each auth failure", () => {
  let sim: GraphSimulator;
  let home: string;
  const env: Record<string, string> = {};
  const ids = new Map<string, string>();

  const cases: Case[] = [
    {
      name: "wrong secret",
      tenant: () => sim.tenantId,
      clientId: DEFAULT_CLIENT_ID,
      secret: "not-the-simulator-secret-0123456789",
      aadsts: "AADSTS7000215",
      status: 401,
      error: "invalid_client",
      code: "INVALID_SECRET",
    },
    {
      name: "expired secret",
      tenant: () => sim.tenantId,
      clientId: EXPIRED_APP,
      secret: EXPIRED_SECRET,
      aadsts: "AADSTS7000222",
      status: 401,
      error: "invalid_client",
      code: "SECRET_EXPIRED",
    },
    {
      name: "unknown application",
      tenant: () => sim.tenantId,
      clientId: UNKNOWN_APP,
      secret: DEFAULT_CLIENT_SECRET,
      aadsts: "AADSTS700016",
      status: 400,
      error: "unauthorized_client",
      code: "CLIENT_NOT_FOUND",
    },
    {
      name: "unknown tenant",
      tenant: () => UNKNOWN_TENANT,
      clientId: DEFAULT_CLIENT_ID,
      secret: DEFAULT_CLIENT_SECRET,
      aadsts: "AADSTS90002",
      status: 400,
      error: "invalid_tenant",
      code: "TENANT_NOT_FOUND",
    },
  ];

  const cli = async (args: string[]) => {
    const cap = captureIo({ homeDir: home, env });
    const code = await runCli(args, { io: cap.io });
    for (const secret of Object.values(env)) expect(cap.all()).not.toContain(secret);
    return { code, out: cap.stdout(), err: cap.stderr() };
  };

  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 5, seed: 9 } });
    sim.model.registerApp({
      clientId: EXPIRED_APP,
      clientSecret: EXPIRED_SECRET,
      roles: ["User.Read.All"],
      secretExpired: true,
    });
    home = await mkdtemp(join(tmpdir(), "usl-auth-"));
    expect((await cli(["init"])).code).toBe(0);
    for (const [i, c] of cases.entries()) {
      env[`SECRET_${i}`] = c.secret;
      const added = await cli([
        "integrations",
        "add",
        "entra",
        "--name",
        c.name,
        "--tenant-id",
        c.tenant(),
        "--client-id",
        c.clientId,
        "--authority-host",
        sim.url,
        "--graph-base-url",
        `${sim.url}/v1.0`,
        "--secret-from-env",
        `SECRET_${i}`,
        "--json",
      ]);
      expect(added.err).toBe("");
      ids.set(c.name, (JSON.parse(added.out) as { id: string }).id);
    }
  });
  afterAll(async () => {
    await sim?.close();
  });

  for (const c of cases) {
    it(`${c.name}: ${c.aadsts} and HTTP ${c.status}, in the table and as JSON fields`, async () => {
      const id = ids.get(c.name)!;
      const table = await cli(["test", id]);
      expect(table.code).not.toBe(0);
      expect(table.out).toContain(c.code);
      expect(table.out).toContain(c.aadsts);
      expect(table.out).toContain(String(c.status));

      const json = await cli(["test", id, "--json"]);
      const result = JSON.parse(json.out) as {
        ok: boolean;
        code: string;
        diagnosis?: Record<string, unknown>;
      };
      expect(result.ok).toBe(false);
      expect(result.code).toBe(c.code);
      expect(result.diagnosis).toMatchObject({
        service: "entra-token",
        httpStatus: c.status,
        errorCode: c.error,
        serviceCode: c.aadsts,
        traceId: expect.any(String),
        correlationId: expect.any(String),
      });
      // Entra's trace id is not Graph's request id
      expect(result.diagnosis?.requestId).toBeUndefined();
    });
  }
});
