import { X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSelfSignedCert } from "./self-signed-cert";

describe("createSelfSignedCert", () => {
  it("makes a certificate Node parses, signed by its own key, for localhost and 127.0.0.1", () => {
    const { cert } = createSelfSignedCert();
    const x509 = new X509Certificate(cert);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(x509.checkHost("localhost")).toBe("localhost");
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(Date.now());
  });

  it("encodes the serial number as a minimal positive DER integer, every time", () => {
    for (let i = 0; i < 256; i++) {
      const x509 = new X509Certificate(createSelfSignedCert().cert);
      expect(x509.serialNumber).toMatch(/^[4-7][0-9A-F]{15}$/);
    }
  });
});
