import {
  constants,
  createCipheriv,
  createHmac,
  generateKeyPairSync,
  publicEncrypt,
  randomBytes,
} from "node:crypto";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { decryptRichNotification } from "./decrypt-rich-notification";
import { GRAPH_NOTIFICATION_PUBLISHER_ID, verifyValidationTokens } from "./verify-validation-tokens";

describe("decryptRichNotification", () => {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const encrypt = (payload: unknown) => {
    const key = randomBytes(32);
    const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
    const data = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
    return {
      data: data.toString("base64"),
      dataKey: publicEncrypt(
        { key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha1" },
        key,
      ).toString("base64"),
      dataSignature: createHmac("sha256", key).update(data).digest("base64"),
    };
  };

  it("decrypts what Graph encrypts", () => {
    const content = encrypt({ id: "abc", displayName: "Ada" });
    expect(decryptRichNotification(content, privateKey)).toEqual({ id: "abc", displayName: "Ada" });
  });

  it("refuses a tampered ciphertext before decrypting", () => {
    const content = encrypt({ id: "abc" });
    const data = Buffer.from(content.data, "base64");
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() => decryptRichNotification({ ...content, data: data.toString("base64") }, privateKey)).toThrow(
      /signature/,
    );
  });

  it("refuses a data key for another certificate", () => {
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
    expect(() => decryptRichNotification(encrypt({}), other.privateKey)).toThrow(
      expect.objectContaining({ code: "WEBHOOK_REJECTED" }),
    );
  });
});

describe("verifyValidationTokens", async () => {
  const appId = "aaaaaaaa-0000-0000-0000-000000000001";
  const tenantId = "11111111-1111-1111-1111-111111111111";
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256" }] });
  const sign = (
    claims: Record<string, unknown>,
    over: { issuer?: string; audience?: string; exp?: string } = {},
  ) =>
    new SignJWT({ azp: GRAPH_NOTIFICATION_PUBLISHER_ID, ...claims })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer(over.issuer ?? `https://login.microsoftonline.com/${tenantId}/v2.0`)
      .setAudience(over.audience ?? appId)
      .setIssuedAt()
      .setExpirationTime(over.exp ?? "1h")
      .sign(privateKey);

  it("accepts tokens from Graph for our app and tenant (v1 and v2 issuers)", async () => {
    const tokens = [await sign({}), await sign({}, { issuer: `https://sts.windows.net/${tenantId}/` })];
    expect(await verifyValidationTokens(tokens, { appId, tenantId, jwks })).toEqual({ valid: true });
  });

  it.each([
    ["another audience", {}, { audience: "someone-else" }],
    ["another tenant", {}, { issuer: "https://login.microsoftonline.com/other/v2.0" }],
    ["another publisher", { azp: "not-graph" }, {}],
    ["an expired token", {}, { exp: "-1h" }],
  ])("rejects %s", async (_name, claims, over) => {
    const result = await verifyValidationTokens([await sign({}), await sign(claims, over)], {
      appId,
      tenantId,
      jwks,
    });
    expect(result.valid).toBe(false);
  });

  it("rejects an empty list and a forged signature", async () => {
    expect((await verifyValidationTokens([], { appId, tenantId, jwks })).valid).toBe(false);
    const other = await generateKeyPair("RS256");
    const forged = await new SignJWT({ azp: GRAPH_NOTIFICATION_PUBLISHER_ID })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
      .setAudience(appId)
      .setExpirationTime("1h")
      .sign(other.privateKey);
    expect((await verifyValidationTokens([forged], { appId, tenantId, jwks })).valid).toBe(false);
  });
});
