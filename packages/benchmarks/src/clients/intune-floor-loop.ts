import { DEFAULT_DEVICE_PROPERTIES } from "@uslimato/connector-intune";
import { type ClientInput, fetchToken } from "./graph-page";

interface DevicePage {
  value: Array<{ id: string } & Record<string, unknown>>;
  "@odata.nextLink"?: string;
}

/**
 * The Intune floor: a sequential loop of `fetch` + `res.text()` + `JSON.parse` + a Map upsert per device over the
 * same managedDevices listing the connector's sweep reads (same `$select`, pages of 1,000), following next links.
 */
export async function intuneFloorLoop(input: ClientInput): Promise<{ count: number }> {
  const headers = { authorization: `Bearer ${await fetchToken(input)}` };
  const devices = new Map<string, unknown>();
  let count = 0;
  let next: string | undefined =
    `${input.url}/v1.0/deviceManagement/managedDevices?$select=${DEFAULT_DEVICE_PROPERTIES.join(",")}&$top=1000&$count=true`;
  while (next) {
    const res = await fetch(next, { headers });
    if (!res.ok) throw new Error(`Intune answered ${res.status}`);
    const page = JSON.parse(await res.text()) as DevicePage;
    for (const device of page.value) {
      devices.set(device.id, device);
      count += 1;
    }
    next = page["@odata.nextLink"];
  }
  return { count };
}
