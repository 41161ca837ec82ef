/**
 * Webhook receiver: the Entra change-notification receiver mounted in Hono (default) or plain node:http
 * (`--node`), walked through one round trip against the in-process Graph simulator.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { webhookRoundTrip } from "./webhook-round-trip";

const { values } = parseArgs({
  options: {
    node: { type: "boolean", default: false },
    port: { type: "string", default: "0" },
    users: { type: "string", default: "200" },
  },
});
const trip = await webhookRoundTrip({
  adapter: values.node ? "node" : "hono",
  port: Number(values.port),
  users: Number(values.users),
  onStep: (line) => console.log(line),
});
if (!trip.validated || trip.webhookSync.trigger !== "webhook") process.exitCode = 1;
