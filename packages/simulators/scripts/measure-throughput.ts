/**
 * Measures the Graph simulator: users/s served as pages of 999 to a client that only reads bytes versus clients
 * that parse, each client in its own process; and start time + memory of a 1,000,000-user tenant.
 *
 * The goal (issue 3): the fastest byte-reading client (a raw socket reader) gets 100,000 users at least 3x faster
 * than the fastest parsing client (the faster of two node:http + JSON.parse clients); a 1,000,000-user tenant
 * starts in under 2 s. The simulator runs as shipped: render-ahead on a worker thread. "Server capacity" counts
 * the CPU time of both of its threads.
 *
 * Run: pnpm tsx --conditions=@uslimato/source packages/simulators/scripts/measure-throughput.ts [--runs 5]
 */
import { execFile } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { promisify } from "node:util";
import {
  createGraphModel,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  startGraphSimulator,
} from "../src/index";

const run = promisify(execFile);
const SELECT =
  "id,displayName,givenName,surname,mail,userPrincipalName,accountEnabled,jobTitle,department,country,companyName,employeeId";

/** Client programs; each prints `{users, ms, bytes}`. They follow `@odata.nextLink` until there is none. */
const CLIENTS: Record<string, string> = {
  "bytes (node:http, no parse)": `
    import http from "node:http";
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (url) => new Promise((resolve, reject) => {
      http.get(url, { agent, headers: { authorization: "Bearer " + process.env.TOKEN } }, (res) => {
        let head = ""; let bytes = 0;
        res.on("data", (c) => { if (head.length < 2048) head += c.toString("latin1", 0, Math.min(c.length, 2048)); bytes += c.length; });
        res.on("end", () => resolve({ next: /"@odata\\.nextLink":"([^"]+)"/.exec(head)?.[1], bytes, count: 0 }));
      }).on("error", reject);
    });
    let url = process.env.START; let pages = 0; let bytes = 0; const t = performance.now();
    while (url) { const r = await get(url); pages++; bytes += r.bytes; url = r.next; }
    console.log(JSON.stringify({ users: Number(process.env.USERS), ms: performance.now() - t, bytes, pages }));`,
  "bytes (raw net socket, no parse)": `
    import net from "node:net";
    const start = new URL(process.env.START);
    const socket = net.connect(Number(start.port), start.hostname);
    await new Promise((resolve) => socket.once("connect", resolve));
    // a response ends after Content-Length bytes, or (chunked transfer encoding) with the zero-length chunk
    let waiting; let head = ""; let need = -1; let got = 0; let chunked = false; let last = "";
    const done = () => { const next = /"@odata\\.nextLink":"([^"]+)"/.exec(head)?.[1]; need = -1; head = ""; last = ""; waiting({ next }); };
    socket.on("data", (c) => {
      if (need < 0) {
        head += c.toString("latin1");
        const end = head.indexOf("\\r\\n\\r\\n");
        if (end < 0) return;
        const length = /content-length: (\\d+)/i.exec(head.slice(0, end));
        chunked = !length; need = length ? Number(length[1]) : 0;
        got = head.length - end - 4; last = head.slice(-7); head = head.slice(end + 4, end + 4 + 2048);
      } else {
        got += c.length;
        if (head.length < 2048) head += c.toString("latin1", 0, Math.min(c.length, 2048));
        last = (last + c.toString("latin1", Math.max(0, c.length - 7))).slice(-7);
      }
      if (chunked ? last === "\\r\\n0\\r\\n\\r\\n" : got >= need) done();
    });
    const get = (url) => new Promise((resolve) => { waiting = resolve; const u = new URL(url);
      socket.write("GET " + u.pathname + u.search + " HTTP/1.1\\r\\nhost: " + u.host + "\\r\\nauthorization: Bearer " + process.env.TOKEN + "\\r\\n\\r\\n"); });
    let url = process.env.START; let pages = 0; const t = performance.now();
    while (url) { const r = await get(url); pages++; url = r.next; }
    socket.destroy();
    console.log(JSON.stringify({ users: Number(process.env.USERS), ms: performance.now() - t }));`,
  "parse (node:http + JSON.parse)": `
    import http from "node:http";
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (url) => new Promise((resolve, reject) => {
      http.get(url, { agent, headers: { authorization: "Bearer " + process.env.TOKEN } }, (res) => {
        res.setEncoding("utf8"); let text = "";
        res.on("data", (c) => { text += c; });
        res.on("end", () => resolve(JSON.parse(text)));
      }).on("error", reject);
    });
    let url = process.env.START; let users = 0; const t = performance.now();
    while (url) { const page = await get(url); users += page.value.length; url = page["@odata.nextLink"]; }
    console.log(JSON.stringify({ users, ms: performance.now() - t }));`,
  "parse (node:http, Buffer.concat + JSON.parse)": `
    import http from "node:http";
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (url) => new Promise((resolve, reject) => {
      http.get(url, { agent, headers: { authorization: "Bearer " + process.env.TOKEN } }, (res) => {
        const chunks = [];
        res.on("data", (c) => { chunks.push(c); });
        res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
      }).on("error", reject);
    });
    let url = process.env.START; let users = 0; const t = performance.now();
    while (url) { const page = await get(url); users += page.value.length; url = page["@odata.nextLink"]; }
    console.log(JSON.stringify({ users, ms: performance.now() - t }));`,
  "floor (fetch + JSON.parse + Map upsert)": `
    const store = new Map();
    let url = process.env.START; let users = 0; const t = performance.now();
    while (url) {
      const page = JSON.parse(await (await fetch(url, { headers: { authorization: "Bearer " + process.env.TOKEN } })).text());
      for (const u of page.value) store.set(u.id, u);
      users += page.value.length; url = page["@odata.nextLink"];
    }
    console.log(JSON.stringify({ users, ms: performance.now() - t }));`,
};

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function measureClients(users: number, runs: number): Promise<Record<string, number>> {
  const sim = await startGraphSimulator({ modelOptions: { users, seed: 1 }, resourceUnitLimit: false });
  const tokenResponse = await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: DEFAULT_CLIENT_ID,
      client_secret: DEFAULT_CLIENT_SECRET,
      scope: "https://graph.microsoft.com/.default",
    }),
  });
  const { access_token } = (await tokenResponse.json()) as { access_token: string };
  const env = {
    ...process.env,
    TOKEN: access_token,
    USERS: String(users),
    START: `${sim.graphBaseUrl}/v1.0/users?$select=${SELECT}&$top=999`,
  };
  const rates: Record<string, number> = {};
  // one unmeasured pass so the server's code is optimised before anything is timed
  await run(
    process.execPath,
    ["--input-type=module", "-e", CLIENTS["bytes (node:http, no parse)"] as string],
    { env },
  );
  for (const [name, code] of Object.entries(CLIENTS)) {
    const samples: number[] = [];
    const capacity: number[] = [];
    for (let i = 0; i < runs; i++) {
      const cpuBefore = process.cpuUsage();
      const { stdout } = await run(process.execPath, ["--input-type=module", "-e", code], {
        env,
        maxBuffer: 1 << 20,
      });
      const result = JSON.parse(stdout) as { users: number; ms: number; bytes?: number; pages?: number };
      if (result.users !== users) throw new Error(`${name} saw ${result.users} users`);
      samples.push((result.users / result.ms) * 1000);
      const cpu = process.cpuUsage(cpuBefore);
      capacity.push(result.users / ((cpu.user + cpu.system) / 1e6));
      if (result.bytes && i === 0)
        console.log(
          `  ${users} users: ${result.pages} pages, ${(result.bytes / (result.pages ?? 1) / 1024).toFixed(0)} KiB per page`,
        );
    }
    rates[name] = median(samples);
    if (name.startsWith("bytes (node:http")) rates.capacity = median(capacity);
    console.log(
      `  ${name.padEnd(42)} ${Math.round(median(samples)).toLocaleString("en-US").padStart(10)} users/s  (runs: ${samples.map((s) => Math.round(s / 1000)).join(", ")}k)`,
    );
  }
  await sim.close();
  return rates;
}

async function measureStartup(): Promise<void> {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const model = createGraphModel({ seed: 1, users: 1_000_000 });
  const sim = await startGraphSimulator({ model });
  const ms = performance.now() - started;
  globalThis.gc?.();
  const after = process.memoryUsage();
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(
    `1,000,000-user tenant: started in ${ms.toFixed(0)} ms; heap +${mib(after.heapUsed - before.heapUsed)} MiB, rss +${mib(after.rss - before.rss)} MiB (rss ${mib(after.rss)} MiB)`,
  );
  await sim.close();
}

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
console.log(
  `Node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}, median of ${runs} runs, server in this process, each client in its own`,
);
await measureStartup();
for (const users of [100_000, 1_000_000]) {
  console.log(`${users.toLocaleString("en-US")} users, pages of 999, $select of 12 properties:`);
  const rates = await measureClients(users, users > 100_000 ? Math.min(runs, 3) : runs);
  const bytes = rates["bytes (node:http, no parse)"] as number;
  const raw = rates["bytes (raw net socket, no parse)"] as number;
  // the fastest of the parsing clients is the one to beat
  const parse = Math.max(
    rates["parse (node:http + JSON.parse)"] as number,
    rates["parse (node:http, Buffer.concat + JSON.parse)"] as number,
  );
  const capacity = rates.capacity as number;
  console.log(
    `  => the simulator serves ${(bytes / parse).toFixed(2)}x faster than the fastest parsing client (as fast as a byte-counting client can read); raw socket reader: ${(raw / parse).toFixed(2)}x`,
  );
  console.log(
    `  => server capacity: ${Math.round(capacity).toLocaleString("en-US")} users per second of server CPU, ${(capacity / parse).toFixed(2)}x the fastest parsing client`,
  );
}
