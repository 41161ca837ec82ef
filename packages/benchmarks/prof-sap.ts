import { sapFloorLoop } from "./src/clients/sap-floor-loop";
import { sapSync } from "./src/clients/sap-sync";
import { startSapSimulator } from "./src/simulator/start-sap-simulator";

const n = Number(process.argv[2] ?? 100000);
const which = process.argv[3] ?? "sync";
const sim = await startSapSimulator(n);
const input = {
  url: sim.url,
  username: sim.username,
  password: sim.password,
  sapClient: sim.sapClient,
  pageSize: 1000,
  today: new Date().toISOString().slice(0, 10),
};
for (let i = 0; i < 2; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  const r = which === "sync" ? await sapSync(input) : await sapFloorLoop(input);
  const u = process.cpuUsage(c);
  console.log(
    which,
    JSON.stringify(r),
    "wall",
    (performance.now() - t).toFixed(0),
    "cpu",
    ((u.user + u.system) / 1000).toFixed(0),
  );
}
await sim.close();
