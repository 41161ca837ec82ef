import type { RecordOwner, SourceRecord } from "@uslimato/core/connector";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IntuneSettings } from "../settings/intune-settings";
import { type DevicePageParts, type PolicyStatus, statusKey, toDevicePage } from "./to-device-page";

/** The conversion as it was before devices were handed over uncopied: the reference the new one must match. */
function previousToDevicePage(
  items: ReadonlyArray<unknown>,
  scope: IntuneSettings["scope"],
  statuses?: ReadonlyMap<string, PolicyStatus[]>,
): DevicePageParts {
  const text = (value: unknown): string | undefined =>
    typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  const ownerOf = (device: Record<string, unknown>): RecordOwner | null => {
    const userId = text(device.userId);
    if (!userId || userId === "00000000-0000-0000-0000-000000000000") return null;
    const email = [text(device.emailAddress), text(device.userPrincipalName)].find(
      (value) => value !== undefined && /^[^@\s]+@[^@\s]+$/.test(value),
    );
    return { externalUserId: userId, source: "entra", ...(email ? { email } : {}) };
  };
  const parts: DevicePageParts = { upserts: [] as SourceRecord[], outOfScope: 0, invalid: 0 };
  const systems = scope.operatingSystems?.map((s) => s.toLowerCase());
  for (const item of items) {
    const device = item !== null && typeof item === "object" ? (item as Record<string, unknown>) : null;
    const id = device ? text(device.id) : undefined;
    if (!device || !id) {
      parts.invalid++;
      continue;
    }
    const ownerType =
      typeof device.managedDeviceOwnerType === "string" ? device.managedDeviceOwnerType : "unknown";
    const system = typeof device.operatingSystem === "string" ? device.operatingSystem.toLowerCase() : "";
    if (
      (scope.ownerTypes && !(scope.ownerTypes as string[]).includes(ownerType)) ||
      (systems && !systems.includes(system))
    ) {
      parts.outOfScope++;
      continue;
    }
    const { "@odata.type": _type, ...fields } = device;
    const policies = statuses?.get(statusKey(device.deviceName, device.userPrincipalName));
    parts.upserts.push({
      externalId: id,
      data: statuses ? { ...fields, compliancePolicies: policies ?? [] } : fields,
      owner: ownerOf(device),
    });
  }
  return parts;
}

const words = fc.constantFrom(
  "",
  "  ",
  "dev-1",
  " dev-2 ",
  "00000000-0000-0000-0000-000000000000",
  "ann@contoso.com",
  " bob@contoso.com ",
  "not an e-mail",
  "a@b@c",
  "company",
  "personal",
  "unknown",
  "Windows",
  "iOS",
  "#microsoft.graph.windowsManagedDevice",
);
const value = fc.oneof(
  { weight: 6, arbitrary: words },
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
);
const KEYS = [
  "id",
  "userId",
  "emailAddress",
  "userPrincipalName",
  "managedDeviceOwnerType",
  "operatingSystem",
  "deviceName",
  "@odata.type",
  "__proto__",
  "serialNumber",
];
/** A device's members: any of the keys the conversion reads (and others), in any order, mostly readable values. */
const email = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("ann@contoso.com", " bob@contoso.com ", "a@b@c", "c d@e.f") },
  value,
);
const device = fc
  .tuple(
    fc.shuffledSubarray(KEYS, { minLength: 6 }),
    fc.array(value, { minLength: KEYS.length, maxLength: KEYS.length }),
    email,
    email,
  )
  .map(([keys, values, address, upn]) =>
    keys.map((k, i) => {
      if (k === "emailAddress") return [k, address] as const;
      return [k, k === "userPrincipalName" ? upn : values[i]] as const;
    }),
  );
/** Items as `JSON.parse` makes them (own `__proto__` keys included), devices most of the time. */
const items = fc
  .array(fc.oneof({ weight: 5, arbitrary: device }, { weight: 1, arbitrary: value }), {
    maxLength: 8,
  })
  .map((list) => {
    const json = list.map((item) =>
      Array.isArray(item)
        ? `{${item.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`
        : JSON.stringify(item),
    );
    return JSON.parse(`[${json.join(",")}]`) as unknown[];
  });
const scope = fc.record(
  {
    ownerTypes: fc.subarray(["company", "personal", "unknown"] as const),
    operatingSystems: fc.subarray(["windows", "IOS", "Android"]),
  },
  { requiredKeys: [] },
);

describe("toDevicePage", () => {
  it("gives the same upserts, owners and counts as the conversion that copied every device", () => {
    fc.assert(
      fc.property(items, scope, fc.boolean(), (list, s, withStatuses) => {
        const statuses = withStatuses
          ? new Map<string, PolicyStatus[]>([
              [
                statusKey("dev-1", "ann@contoso.com"),
                [{ policyId: "p", policyName: "P", status: "compliant" }],
              ],
            ])
          : undefined;
        const before = previousToDevicePage(JSON.parse(JSON.stringify(list)), s, statuses);
        expect(toDevicePage(list, s, statuses)).toStrictEqual(before);
      }),
      { numRuns: 2000 },
    );
  });

  it("hands a device without @odata.type over as parsed, and copies one with it", () => {
    const plain = { id: "d1", deviceName: "a" };
    const typed = { "@odata.type": "#microsoft.graph.windowsManagedDevice", id: "d2", deviceName: "b" };
    const { upserts } = toDevicePage([plain, typed], {});
    expect(upserts[0]?.data).toBe(plain);
    expect(upserts[1]?.data).toEqual({ id: "d2", deviceName: "b" });
    expect(typed).toHaveProperty("@odata.type");
  });
});
