import type { SimResponse } from "./sim-exchange";

/** The whole body of a response as one buffer (a streamed body is generated to the end and joined). */
export function bodyBytes(body: SimResponse["body"]): Buffer {
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Buffer.concat([...body.chunks]);
}
