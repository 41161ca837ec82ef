import { randomBytes } from "node:crypto";
import { Secret } from "@uslimato/core/connector";

/** A fresh random clientState: 64 URL-safe characters (384 bits), within Graph's 128-character limit. */
export function generateClientState(): Secret {
  return new Secret(randomBytes(48).toString("base64url"));
}
