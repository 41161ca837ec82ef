import { createHash, timingSafeEqual } from "node:crypto";
import type { Secret } from "@uslimato/core/connector";

const digest = (value: string): Buffer => createHash("sha256").update(value, "utf8").digest();

/**
 * Whether a received `clientState` equals the subscription's secret, in constant time: both sides are hashed to
 * 32 bytes first, so neither the content nor the length leaks through timing.
 */
export function clientStateMatches(received: string | undefined, expected: Secret): boolean {
  return timingSafeEqual(digest(received ?? ""), digest(expected.reveal())) && received !== undefined;
}
