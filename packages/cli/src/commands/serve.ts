import type { Command } from "../cli/command";

/** `uslimato serve`: the in-process scheduler plus the webhook receiver over HTTP, until SIGINT/SIGTERM. */
export const serveCommand: Command = {
  name: "serve",
  summary: "Run scheduled syncs and receive Graph change notifications over HTTP until SIGINT/SIGTERM.",
  usage: `uslimato serve [--port 8080] [--host 127.0.0.1] [--public-url URL] [--subscribe] [--admin-token-file PATH]

  --port N          HTTP port of the webhook receiver (0 picks a free one)
  --host HOST       address to listen on (default 127.0.0.1; put a TLS proxy in front for Graph)
  --public-url URL  the https URL Graph posts notifications to (default http://HOST:PORT/notifications)
  --subscribe       create or renew the webhook subscriptions of every enabled Entra integration at start
  --admin-token-file PATH  the admin API's bearer token (else USLIMATO_ADMIN_TOKEN, else one is generated
                    for this run and printed once); at least 16 characters

Routes: POST /notifications (Graph change and lifecycle notifications, validation handshake), GET /health,
/api/... (the admin REST API with the admin token: integrations, test, sync now, sync logs, audit, live events;
OpenAPI document at /api/openapi.json).
Subscriptions are renewed hourly; syncs run on each integration's interval (plan minimum applies).
SIGINT/SIGTERM: stops taking work (notifications get 503, so Graph retries them), lets running scheduled and
webhook-triggered syncs finish (at most 30 s, then they are aborted), and exits 0.
Intune has no change notifications: every enabled Intune integration is watched by polling (a probe every
2 minutes, at most 3 requests), and a change starts a sync with trigger "watch".`,
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "public-url": { type: "string" },
    subscribe: { type: "boolean" },
    "admin-token-file": { type: "string" },
  },
  positionals: { min: 0, max: 0 },
  run: (ctx) => import("./run-serve").then((m) => m.runServe(ctx)),
};
