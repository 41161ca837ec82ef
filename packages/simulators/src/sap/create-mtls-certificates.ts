import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A PEM certificate and its unencrypted PEM private key. */
export interface PemPair {
  /** The certificate, PEM. */
  cert: string;
  /** Its private key, PEM (unencrypted). */
  key: string;
}

/** What {@link createMtlsCertificates} makes: a CA, a server and a client certificate, and self-signed others. */
export interface MtlsCertificates<Name extends string = string> {
  /** The self-signed CA (`/CN=Test CA`) that signed `client`: the simulator's trusted client CA. */
  ca: PemPair;
  /** A self-signed server certificate for `127.0.0.1` (the subjectAltName too): the simulator's TLS identity. */
  server: PemPair;
  /** A client certificate (`/CN=COMM_USER`) signed by `ca`. */
  client: PemPair;
  /** One self-signed certificate per name asked for (`/CN=<NAME>`), signed by no CA. */
  selfSigned: Record<Name, PemPair>;
}

/**
 * Makes throw-away EC (P-256) certificates for mutual-TLS tests against the SAP simulator, valid two days: a CA,
 * a server certificate for 127.0.0.1, a client certificate from the CA, and a self-signed one for each name in
 * `selfSigned` (e.g. a stranger the simulator refuses, or one it pins by fingerprint). A test utility: it runs the
 * `openssl` command line (which must be on PATH) in a temporary folder, removed afterwards.
 */
export function createMtlsCertificates<Name extends string = never>(
  options: { selfSigned?: ReadonlyArray<Name> } = {},
): MtlsCertificates<Name> {
  const dir = mkdtempSync(join(tmpdir(), "uslimato-mtls-"));
  try {
    const ssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
    const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    const days = ["-days", "2"];
    const pair = (name: string): PemPair => ({
      cert: readFileSync(join(dir, `${name}.crt`), "utf8"),
      key: readFileSync(join(dir, `${name}.key`), "utf8"),
    });
    const selfSign = (name: string, subject: string, ...extra: string[]) =>
      ssl(
        "req",
        "-x509",
        ...ec,
        "-keyout",
        `${name}.key`,
        "-out",
        `${name}.crt`,
        "-subj",
        subject,
        ...days,
        ...extra,
      );
    selfSign("ca", "/CN=Test CA");
    selfSign("server", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
    ssl("req", ...ec, "-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=COMM_USER");
    ssl(
      "x509",
      "-req",
      "-in",
      "client.csr",
      "-CA",
      "ca.crt",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      "client.crt",
      ...days,
    );
    const selfSigned = {} as Record<Name, PemPair>;
    for (const [i, name] of (options.selfSigned ?? []).entries()) {
      selfSign(`self-${i}`, `/CN=${name.toUpperCase()}`);
      selfSigned[name] = pair(`self-${i}`);
    }
    return { ca: pair("ca"), server: pair("server"), client: pair("client"), selfSigned };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
