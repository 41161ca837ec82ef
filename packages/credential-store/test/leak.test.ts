import { format, inspect } from "node:util";
import { createRedactingLogger, type LogFields, type Logger, UslimatoError } from "@uslimato/core";
import { describe, expect, it } from "vitest";
import {
  configuredView,
  createCredentialStore,
  createKeyRing,
  createLocalKeyProvider,
  Secret,
} from "../src/index";
import { KEY_A, KEY_B, ownerOf, secretStore } from "./fixtures/index";

const VALUE = "Xq7~pL2#client-secret-Zr9!";

/** Every printed form a reader could find the value in. */
const forms = (value: string) => {
  const bytes = Buffer.from(value, "utf8");
  return [
    value,
    bytes.toString("base64"),
    bytes.toString("base64").replace(/=+$/, ""),
    bytes.toString("base64url"),
  ];
};

function recordingLogger(lines: string[]): Logger {
  const write = (fields: LogFields | string, message?: string) =>
    lines.push(
      typeof fields === "string"
        ? fields
        : `${JSON.stringify(fields)} ${inspect(fields, { depth: 9 })} ${message ?? ""}`,
    );
  return {
    trace: write,
    debug: write,
    info: write,
    warn: write,
    error: write,
    child: () => recordingLogger(lines),
  };
}

/** Each failure must be a typed error; it is logged and rendered every way a host might print it. */
function renderFailures(failures: ReadonlyArray<unknown>, logger: Logger): string[] {
  return failures.flatMap((error) => {
    expect(error).toBeInstanceOf(UslimatoError);
    logger.error({ err: error }, "failed");
    return [String(error), (error as Error).stack ?? "", inspect(error, { depth: 9 }), JSON.stringify(error)];
  });
}

describe("no leak of a known secret", () => {
  it("through logs, errors and storage snapshots of a credential-store run", async () => {
    const written: string[] = [];
    const logger = createRedactingLogger(recordingLogger(written));
    const secrets = secretStore();
    const ring = createKeyRing({ keys: [{ id: "A", key: KEY_A }], activeKeyId: "A" });
    const store = createCredentialStore({ keyRing: ring });
    const owner = ownerOf();

    const sealed = await store.seal(owner, new Secret(VALUE));
    await secrets.put([{ ...owner, ...sealed, updatedAt: new Date() }]);
    const secret = await store.open(owner, sealed.envelope);
    expect(secret.reveal()).toBe(VALUE);

    logger.info({ owner, secret, clientSecret: secret }, "opened the secret");
    written.push(
      `${secret}`,
      String(secret),
      JSON.stringify({ secret }),
      inspect(secret),
      format("%s %o %j", secret, secret, secret),
    );

    const wrapped = new UslimatoError("CONNECTOR_FAILED", `token request failed for ${VALUE}`, {
      secrets: [VALUE],
      cause: new Error("upstream said no"),
    });
    const failures: unknown[] = [wrapped];
    for (const attempt of [
      () => store.open(ownerOf({ integrationId: "int-2" }), sealed.envelope),
      () =>
        createCredentialStore({
          keyRing: ring.withKey({ id: "B", key: KEY_B }).withActiveKey("B").withoutKey("A"),
        }).open(owner, sealed.envelope),
      () =>
        createCredentialStore({
          keyRing: createKeyRing({ keys: [{ id: "A", key: KEY_B }], activeKeyId: "A" }),
        }).open(owner, sealed.envelope),
      () => store.open(owner, sealed.envelope.slice(0, -4)),
      () => store.verifyStoredSecrets({ ...secrets, countByKey: async () => ({ A: 1, B: 1 }) }),
    ]) {
      failures.push(await attempt().catch((e: unknown) => e));
    }
    written.push(...renderFailures(failures, logger));
    written.push(
      JSON.stringify(await secrets.list(owner.integrationId)),
      inspect(store, { depth: 9, showHidden: true }),
    );

    const all = written.join("\n");
    expect(all).toContain("[REDACTED]");
    for (const form of [
      ...forms(VALUE),
      KEY_A.toString("base64"),
      KEY_A.toString("hex"),
      KEY_B.toString("base64"),
    ]) {
      expect(all).not.toContain(form);
    }
    for (const error of failures.slice(1))
      expect(inspect(error)).not.toContain(sealed.envelope.split(".")[2]!);
  });

  it("through storage snapshots, progress, results and errors of a rotation and of envelope mode", async () => {
    const written: string[] = [];
    const logger = createRedactingLogger(recordingLogger(written));
    const secrets = secretStore();
    const owner = ownerOf();
    const ringA = createKeyRing({ keys: [{ id: "A", key: KEY_A }], activeKeyId: "A" });
    const storeA = createCredentialStore({ keyRing: ringA });
    const sealed = await storeA.seal(owner, VALUE);
    await secrets.put([{ ...owner, ...sealed, updatedAt: new Date(Date.UTC(2026, 0, 1)) }]);
    const snapshot = async () => JSON.stringify(await secrets.list(owner.integrationId));
    written.push(await snapshot());

    const envelopeStore = createCredentialStore({
      keyProvider: createLocalKeyProvider(ringA.withKey({ id: "B", key: KEY_B }, { activate: true })),
      mode: "envelope",
    });
    const result = await envelopeStore.rewrap(secrets, {
      batchSize: 1,
      onProgress: (progress) => logger.info({ progress }, "rewrap progress"),
    });
    expect(result.rewrapped).toBe(1);
    logger.info({ result, usage: await envelopeStore.keyUsage(secrets) }, "rewrap done");
    written.push(await snapshot());
    written.push(JSON.stringify(configuredView(await secrets.list(owner.integrationId), ["clientSecret"])));
    expect(
      (await envelopeStore.open(owner, (await secrets.list(owner.integrationId))[0]!.envelope)).reveal(),
    ).toBe(VALUE);

    const failures = [
      await storeA.verifyStoredSecrets(secrets).catch((e: unknown) => e),
      await envelopeStore.retireKey(secrets, "B").catch((e: unknown) => e),
      await storeA
        .open(owner, (await secrets.list(owner.integrationId))[0]!.envelope)
        .catch((e: unknown) => e),
    ];
    written.push(...renderFailures(failures, logger));
    written.push(inspect(envelopeStore, { depth: 9, showHidden: true }));

    const all = written.join("\n");
    for (const form of [
      ...forms(VALUE),
      KEY_A.toString("base64"),
      KEY_B.toString("base64"),
      KEY_B.toString("hex"),
    ]) {
      expect(all).not.toContain(form);
    }
  });
});
