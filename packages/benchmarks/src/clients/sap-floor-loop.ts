import type { SapSimulatorReady } from "../simulator/sap-simulator-ready";

/** Input of the SAP clients: the simulator, the page size, and "today" (the current validity segments). */
export interface SapClientInput extends SapSimulatorReady {
  pageSize: number;
  /** `YYYY-MM-DD`. */
  today: string;
}

interface EquipmentPage {
  d: { results: Array<{ Equipment: string; ValidityEndDate: string }> };
}

const PATH = "/sap/opu/odata/sap/API_EQUIPMENT/Equipment";

/**
 * The SAP floor: what a careful developer writes by hand. A sequential loop of `fetch` + `res.text()` +
 * `JSON.parse` + a Map upsert per equipment, with the same requests as the connector: the current validity
 * segments, ordered by the key (`Equipment`, `ValidityEndDate`), keyset paging (`$filter` key `gt` the last key,
 * the compound key expanded), the same `$top`, `$format=json`, Basic logon and `sap-client`.
 */
export async function sapFloorLoop(input: SapClientInput): Promise<{ count: number }> {
  const headers = {
    accept: "application/json",
    authorization: `Basic ${Buffer.from(`${input.username}:${input.password}`).toString("base64")}`,
    "sap-client": input.sapClient,
  };
  const scope = `ValidityStartDate le datetime'${input.today}T00:00:00' and ValidityEndDate ge datetime'${input.today}T00:00:00'`;
  const equipment = new Map<string, unknown>();
  let count = 0;
  let last: { Equipment: string; ValidityEndDate: string } | undefined;
  for (;;) {
    let filter = scope;
    if (last) {
      const end = `datetime'${new Date(Number(/-?\d+/.exec(last.ValidityEndDate)?.[0])).toISOString().slice(0, 19)}'`;
      filter = `(${scope}) and ((Equipment gt '${last.Equipment}') or (Equipment eq '${last.Equipment}' and ValidityEndDate gt ${end}))`;
    }
    const url = `${input.url}${PATH}?$filter=${encodeURIComponent(filter)}&$orderby=${encodeURIComponent("Equipment,ValidityEndDate")}&$top=${input.pageSize}&$format=json`;
    const res = await fetch(url, { headers });
    if (!res.ok) throw new Error(`SAP answered ${res.status}`);
    const page = JSON.parse(await res.text()) as EquipmentPage;
    const rows = page.d.results;
    for (const row of rows) {
      equipment.set(row.Equipment, row);
      count += 1;
    }
    if (rows.length < input.pageSize) break;
    last = rows.at(-1);
  }
  return { count };
}
