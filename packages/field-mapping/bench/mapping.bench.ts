/**
 * Field-mapping benchmark: the seed's Entra default mapping plus three realistic transforms, mapped over
 * Entra-like users by this engine (generated code and closures), JSONata 2.x and hand-written JS.
 * Every engine's output is checked equal before timing.
 *
 * Standalone: `pnpm tsx --conditions=@uslimato/source packages/field-mapping/bench/mapping.bench.ts`
 */

import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import jsonata from "jsonata";
import { compileMapping, type MappingSet } from "../src/index";

/** One measured case. */
export interface MappingBenchResult {
  case: string;
  recordsPerSecond: number;
}

const pageSize = 1000;
const countries = ["DE", "US", "FR", "GB", "AT", "CH", "NL", "PL", "DE", "US"];
const names = [
  "Ada",
  "Grace",
  "Alan",
  "Edsger",
  "Barbara",
  "Donald",
  "Frances",
  "Ken",
  "Margaret",
  "Niklaus",
];
const surnames = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Dijkstra",
  "Liskov",
  "Knuth",
  "Allen",
  "Thompson",
  "Hamilton",
];

/** Deterministic Entra-like users (a quarter without `mail`, some without a country or surname). */
export function entraLikeUsers(count: number): Record<string, unknown>[] {
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  return Array.from({ length: count }, (_, i) => {
    const given = names[next() % names.length]!;
    const surname = next() % 20 === 0 ? null : surnames[next() % surnames.length]!;
    const upn = ` ${given}.${surname ?? "X"}${i}@Contoso.onmicrosoft.com`;
    const day = String(1 + (next() % 28)).padStart(2, "0");
    const month = String(1 + (next() % 12)).padStart(2, "0");
    return {
      id: `00000000-0000-0000-0000-${String(i).padStart(12, "0")}`,
      displayName: `${given} ${surname ?? ""}`.trim(),
      givenName: given,
      surname,
      mail: next() % 4 === 0 ? null : `${given}.${surname ?? "X"}${i}@Contoso.com`,
      userPrincipalName: upn,
      accountEnabled: next() % 10 !== 0,
      country: next() % 15 === 0 ? null : countries[next() % countries.length]!,
      createdDateTime: `20${10 + (next() % 14)}-${month}-${day}T0${next() % 10}:15:30Z`,
      jobTitle: "Engineer",
      department: "R&D",
    };
  });
}

/** The seed's default mapping plus Switch on country, Join of the names and FormatDateTime of createdDateTime. */
export const benchMappingSet: MappingSet = {
  version: 1,
  rules: [
    { target: "displayName", source: "[displayName]" },
    { target: "email", source: "ToLower(Trim(Coalesce([mail], [userPrincipalName])))" },
    { target: "active", source: "[accountEnabled]", default: false },
    {
      target: "country",
      source:
        'Switch([country], "Other", "DE", "Germany", "US", "United States", "FR", "France", "GB", "United Kingdom", "AT", "Austria", "CH", "Switzerland")',
    },
    { target: "fullName", source: 'Join(" ", [givenName], [surname])' },
    { target: "createdOn", source: 'FormatDateTime([createdDateTime], "", "dd.MM.yyyy")' },
  ],
};

const countryNames: Record<string, string> = {
  DE: "Germany",
  US: "United States",
  FR: "France",
  GB: "United Kingdom",
  AT: "Austria",
  CH: "Switzerland",
};

/** What a developer would write by hand for the same mapping. */
function handWritten(u: Record<string, unknown>): Record<string, unknown> {
  const mail = u.mail as string | null;
  const source =
    mail !== null && mail !== undefined && mail !== "" ? mail : (u.userPrincipalName as string | null);
  const given = u.givenName as string | null;
  const surname = u.surname as string | null;
  const created = u.createdDateTime as string | null;
  const country = u.country as string | null;
  return {
    displayName: u.displayName ?? null,
    email: source ? source.trim().toLowerCase() : null,
    active: u.accountEnabled ?? false,
    country: (country !== null && countryNames[country]) || "Other",
    fullName: given && surname ? given + " " + surname : given || surname || null,
    createdOn: created ? created.slice(8, 10) + "." + created.slice(5, 7) + "." + created.slice(0, 4) : null,
  };
}

const jsonataBody = `{
  "displayName": displayName,
  "email": $lowercase($trim(mail ? mail : userPrincipalName)),
  "active": $exists(accountEnabled) ? accountEnabled : false,
  "country": ($c := $type(country) = "string" ? $lookup(${JSON.stringify(countryNames)}, country); $exists($c) ? $c : "Other"),
  "fullName": ($n := [givenName, surname][$ != null and $ != ""]; $count($n) > 0 ? $join($n, " ") : null),
  "createdOn": $fromMillis($toMillis(createdDateTime), "[D01].[M01].[Y0001]")
}`;

function pages<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += pageSize) out.push(items.slice(i, i + pageSize));
  return out;
}

async function measure(
  records: number,
  runs: number,
  body: () => unknown | Promise<unknown>,
): Promise<number> {
  await body();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await body();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return Math.round(records / best);
}

function assertSame(name: string, actual: unknown[], expected: unknown[]): void {
  const i = expected.findIndex((e, k) => !isDeepStrictEqual({ ...(actual[k] as object) }, e));
  if (i >= 0) {
    throw new Error(
      `${name} differs at record ${i}: ${JSON.stringify(actual[i])} vs ${JSON.stringify(expected[i])}`,
    );
  }
}

/** Runs every case on `records` users; returns records per second per case (best of several runs). */
export async function runMappingBench({ records }: { records: number }): Promise<MappingBenchResult[]> {
  const users = entraLikeUsers(records);
  const userPages = pages(users);
  const codegen = compileMapping(benchMappingSet, { codegen: "always" });
  const closures = compileMapping(benchMappingSet, { codegen: "never" });
  const perRecord = jsonata(jsonataBody);
  const perPage = jsonata(`$.${jsonataBody}`);

  const check = users.slice(0, 2000);
  const expected = check.map(handWritten);
  assertSame("codegen", codegen.mapMany(check, { mode: "create" }).values, expected);
  assertSame("closures", closures.mapMany(check, { mode: "create" }).values, expected);
  assertSame("jsonata", await Promise.all(check.map((u) => perRecord.evaluate(u))), expected);
  const pageResult = (await perPage.evaluate(check.slice(0, pageSize))) as unknown[];
  assertSame("jsonata page", pageResult, expected.slice(0, pageSize));

  const fastRuns = 15;
  let sink = 0;
  const results: MappingBenchResult[] = [];
  const add = (name: string, recordsPerSecond: number) => results.push({ case: name, recordsPerSecond });
  add(
    "hand-written JS",
    await measure(records, fastRuns, () => {
      for (const page of userPages) sink += page.map(handWritten).length;
    }),
  );
  add(
    "field-mapping codegen (mapMany)",
    await measure(records, fastRuns, () => {
      for (const page of userPages) sink += codegen.mapMany(page, { mode: "create" }).values.length;
    }),
  );
  add(
    "field-mapping closures (mapMany)",
    await measure(records, fastRuns, () => {
      for (const page of userPages) sink += closures.mapMany(page, { mode: "create" }).values.length;
    }),
  );
  add(
    "field-mapping codegen (map per record)",
    await measure(records, 5, () => {
      for (const user of users) sink += codegen.map(user, { mode: "create" }).errors.length;
    }),
  );
  add(
    "JSONata 2.x per record",
    await measure(records, 1, async () => {
      for (const user of users) sink += (await perRecord.evaluate(user)) === undefined ? 0 : 1;
    }),
  );
  add(
    "JSONata 2.x per page",
    await measure(records, 1, async () => {
      for (const page of userPages) sink += ((await perPage.evaluate(page)) as unknown[]).length;
    }),
  );
  if (sink < 0) throw new Error("unreachable");
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const records = Number(process.env.RECORDS ?? 100_000);
  const results = await runMappingBench({ records });
  const hand = results.find((r) => r.case === "hand-written JS")?.recordsPerSecond ?? 1;
  process.stdout.write(`field mapping, ${records} Entra-like users, node ${process.version}\n`);
  for (const r of results) {
    const ratio = (r.recordsPerSecond / hand).toFixed(2);
    process.stdout.write(
      `${r.case.padEnd(40)} ${r.recordsPerSecond.toLocaleString("en-US").padStart(12)} records/s  (${ratio}x hand-written)\n`,
    );
  }
}
