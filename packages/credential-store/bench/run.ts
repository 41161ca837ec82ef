import { benchSealOpen } from "./seal-open.bench";

const n = Number(process.argv[2] ?? 200_000);
const { sealPerSecond, openPerSecond } = await benchSealOpen({ n });
process.stdout.write(
  `credential-store, ${n} operations each: seal ${sealPerSecond.toLocaleString("en")}/s, open ${openPerSecond.toLocaleString("en")}/s\n`,
);
