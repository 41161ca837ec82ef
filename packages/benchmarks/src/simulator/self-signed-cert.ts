import { createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import type { SimulatorTls } from "@uslimato/simulators";

const der = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const n = body.length;
  const length =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : n < 0x10000
          ? Buffer.from([0x82, n >> 8, n & 0xff])
          : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
};
const seq = (...parts: Buffer[]) => der(0x30, ...parts);
const oid = (dotted: string): Buffer => {
  const [a = 0, b = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [a * 40 + b];
  for (const value of rest) {
    const chunk = [value & 0x7f];
    for (let v = value >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
};
const utcTime = (date: Date) =>
  der(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-:T]/g, "")}Z`, "ascii"));
const commonName = (name: string) =>
  seq(der(0x31, seq(oid("2.5.4.3"), der(0x0c, Buffer.from(name, "utf8")))));

const ECDSA_SHA256 = seq(oid("1.2.840.10045.4.3.2"));

/**
 * Generates an ECDSA P-256 self-signed certificate for `localhost` and `127.0.0.1`, valid for one day, in pure
 * Node (a minimal DER writer): the benchmark's simulator serves TLS with it, and clients trust it through
 * `NODE_EXTRA_CA_CERTS`, because the Graph SDK only follows `https://` next links.
 */
export function createSelfSignedCert(): SimulatorTls {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const now = Date.now();
  const name = commonName("uslimato-bench-simulator");
  const serial = randomBytes(8);
  // DER INTEGERs are minimal and positive: first byte 0x40-0x7f (a leading 0x00 before a byte < 0x80 is refused)
  serial[0] = ((serial[0] ?? 0) & 0x3f) | 0x40;
  const subjectAltName = seq(
    oid("2.5.29.17"),
    der(0x04, seq(der(0x82, Buffer.from("localhost")), der(0x87, Buffer.from([127, 0, 0, 1])))),
  );
  const basicConstraints = seq(
    oid("2.5.29.19"),
    der(0x01, Buffer.from([0xff])),
    der(0x04, seq(der(0x01, Buffer.from([0xff])))),
  );
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    ECDSA_SHA256,
    name,
    seq(utcTime(new Date(now - 60_000)), utcTime(new Date(now + 86_400_000))),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    der(0xa3, seq(subjectAltName, basicConstraints)),
  );
  const signature = createSign("sha256").update(tbs).sign(privateKey);
  const certificate = seq(tbs, ECDSA_SHA256, der(0x03, Buffer.from([0]), signature));
  const body = certificate.toString("base64").replace(/.{64}/g, "$&\n");
  return {
    key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    cert: `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`.replace("\n\n", "\n"),
  };
}
