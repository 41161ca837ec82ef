import { randomUUID } from "node:crypto";

/**
 * The validation handshake Graph runs on subscription create: `POST url?validationToken=...`, expecting 200,
 * `text/plain` and the decoded token as body within `timeoutMs`. Returns the failure message, if any.
 */
export async function validationHandshake(url: string, timeoutMs: number): Promise<string | undefined> {
  const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
  const target = new URL(url);
  target.searchParams.set("validationToken", token);
  try {
    const response = await fetch(target, {
      method: "POST",
      headers: { "content-type": "text/plain; charset=utf-8" },
      body: "",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    if (response.status !== 200) {
      return `Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. Received ${response.status}.`;
    }
    if (!(response.headers.get("content-type") ?? "").toLowerCase().startsWith("text/plain")) {
      return "Subscription validation request failed. Response must have Content-Type text/plain.";
    }
    if (body !== token) {
      return "Subscription validation request failed. Response must exactly match validationToken query parameter.";
    }
    return undefined;
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return timedOut
      ? "Subscription validation request timed out."
      : `Subscription validation request failed. Could not reach ${target.origin}.`;
  }
}
