import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

const HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache",
};

/** The console's folder: `console/` of the package, from the sources (`src/console/`) or the build (`dist/`). */
const consoleDir = (): string => {
  for (const relative of ["../../console/", "../console/"]) {
    const dir = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(join(dir, "index.html"))) return dir;
  }
  throw new Error("the console's files (console/index.html) are missing from @uslimato/cli");
};

/**
 * The reference admin console as a web-standard handler: its static files (read once, served from memory with a
 * strict content security policy) at `/` and `/<file>`; `undefined` for any other request, so a host chains it
 * after its own routes. The console talks to the admin API at `/api/`.
 */
export function createConsoleHandler(dir: string = consoleDir()): (request: Request) => Response | undefined {
  const files = new Map<string, { body: Uint8Array; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (type) files.set(`/${name}`, { body: readFileSync(join(dir, name)), type });
  }
  return (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") return undefined;
    const path = new URL(request.url).pathname;
    const file = files.get(path === "/" ? "/index.html" : path);
    if (!file) return undefined;
    return new Response(request.method === "HEAD" ? null : file.body, {
      headers: { ...HEADERS, "content-type": file.type },
    });
  };
}
