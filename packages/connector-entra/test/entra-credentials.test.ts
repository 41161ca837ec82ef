import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createEntraConnector } from "@uslimato/connector-entra";
import { createHub, createMemoryStorage } from "@uslimato/core";
import { createCredentialStore, createKeyRing, generateKey } from "@uslimato/credential-store";
import { fieldMappingEngine } from "@uslimato/field-mapping";
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  type GraphSimulator,
  startGraphSimulator,
} from "@uslimato/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simulatorConnectorOptions, simulatorSettings } from "./fixtures/setup-entra";

describe("Entra credentials other than a client secret", () => {
  let sim: GraphSimulator;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const thumbprint = randomBytes(32).toString("hex");
  const certClient = "c0c0c0c0-0000-4000-8000-00000000c1c1";
  beforeAll(async () => {
    sim = await startGraphSimulator({ modelOptions: { users: 120, seed: 4 } });
    sim.model.registerApp({
      clientId: certClient,
      certificateThumbprintSha256: thumbprint,
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
      roles: ["User.Read.All"],
    });
  });
  afterAll(() => sim?.close());

  const hubWith = (connector: ReturnType<typeof createEntraConnector>) =>
    createHub({
      storage: createMemoryStorage(),
      vault: createCredentialStore({
        keyRing: createKeyRing({ keys: [{ id: "k", key: generateKey() }], activeKeyId: "k" }),
      }),
      connectors: [connector],
      mapping: fieldMappingEngine(),
    });

  it("syncs with a certificate (SHA-256 thumbprint + private key)", async () => {
    const hub = hubWith(createEntraConnector(simulatorConnectorOptions(sim)));
    const { id } = await hub.integrations.create({
      tenantId: "h",
      connectorId: "entra",
      name: "cert",
      settings: simulatorSettings(sim, {
        clientId: certClient,
        credential: "certificate",
        certificateThumbprintSha256: thumbprint,
      }),
      secrets: { certificatePrivateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() },
      intervalMinutes: 60,
    });
    expect((await hub.testConnection(id)).ok).toBe(true);
    const log = await hub.syncNow(id);
    expect(log.status).toBe("success");
    expect(log.counts.created).toBe(sim.model.counts().users);
  });

  it("syncs with a host-provided TokenCredential (managed identity style)", async () => {
    let calls = 0;
    const credential = {
      async getToken() {
        calls++;
        const r = await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: DEFAULT_CLIENT_ID,
            client_secret: DEFAULT_CLIENT_SECRET,
            scope: "https://graph.microsoft.com/.default",
          }),
        });
        const body = (await r.json()) as { access_token: string; expires_in: number };
        return { token: body.access_token, expiresOnTimestamp: Date.now() + body.expires_in * 1000 };
      },
    };
    const hub = hubWith(
      createEntraConnector({ ...simulatorConnectorOptions(sim), tokenCredential: () => credential }),
    );
    const { id } = await hub.integrations.create({
      tenantId: "h",
      connectorId: "entra",
      name: "mi",
      settings: simulatorSettings(sim, { credential: "tokenCredential" }),
      intervalMinutes: 60,
    });
    expect((await hub.testConnection(id)).ok).toBe(true);
    expect((await hub.syncNow(id)).status).toBe("success");
    expect(calls).toBeGreaterThan(0);
  });
});
