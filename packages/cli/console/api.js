/** The admin API client: bearer token from the session, JSON in and out, errors as {@link ApiFailure}. */

const TOKEN_KEY = "uslimato-admin-token";

/** A failed API call: the server's code, message and issues (each with its path). */
export class ApiFailure extends Error {
  /** @param {number} status @param {{ code: string; message: string; issues: Array<{ path: Array<string|number>; code: string; message: string }> }} error */
  constructor(status, error) {
    super(error.message);
    this.status = status;
    this.code = error.code;
    this.issues = error.issues ?? [];
  }
}

/** The token of this browser tab: taken from `#token=...` once (then removed from the address), or stored. */
export function sessionToken() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", `${location.pathname}#/integrations`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** @param {string} token */
export const saveToken = (token) => sessionStorage.setItem(TOKEN_KEY, token);
export const forgetToken = () => sessionStorage.removeItem(TOKEN_KEY);

/**
 * Calls the API. @param {string} method @param {string} path @param {unknown} [body]
 * @returns {Promise<any>}
 */
export async function call(method, path, body) {
  const headers = { authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ""}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok)
    throw new ApiFailure(
      response.status,
      data?.error ?? { code: "HTTP_" + response.status, message: response.statusText, issues: [] },
    );
  return data;
}

/**
 * Follows the server-sent events of `/api/events` over fetch (so the token goes in a header, never in the URL),
 * reconnecting after a pause when the stream ends. Returns a function that stops it.
 * @param {(type: string, data: any) => void} onEvent
 */
export function followEvents(onEvent) {
  const stop = new AbortController();
  const run = async () => {
    while (!stop.signal.aborted) {
      try {
        const response = await fetch("/api/events", {
          headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ""}` },
          signal: stop.signal,
        });
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (let next = await reader.read(); !next.done; next = await reader.read()) {
          buffer += next.value;
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf("\n\n");
            const type = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (type && data) onEvent(type, JSON.parse(data));
          }
        }
      } catch {
        if (stop.signal.aborted) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  run();
  return () => stop.abort();
}
