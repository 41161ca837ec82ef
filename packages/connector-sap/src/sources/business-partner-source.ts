import type { ODataClient } from "../odata/create-odata-client";
import { andFilters, keysetFilter } from "../odata/keyset-filter";
import type { ODataRow } from "../odata/normalize-odata-row";
import { formatODataLiteral } from "../odata/odata-literal";
import { countReason, type SapSource, type SourceBatch } from "../read/sap-source";
import { instantToLocal, localToInstant } from "../read/zoned-time";
import type { SapSettings } from "../settings/sap-settings";
import { dayOf, type EmployeeEndReason, endedBefore, removalKind } from "./employee-status";

type Settings = Extract<NonNullable<SapSettings["sources"]["employees"]>, { mode: "businessPartner" }>;
const v = "v2" as const;
const str = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : null;
const rows = (value: unknown): ODataRow[] => (Array.isArray(value) ? (value as ODataRow[]) : []);

/** The default e-mail of a partner's addresses (`IsDefaultEmailAddress`, else the first). */
function defaultEmail(partner: ODataRow): string | null {
  const emails = rows(partner.to_BusinessPartnerAddress).flatMap((a) => rows(a.to_EmailAddress));
  const chosen = emails.find((e) => e.IsDefaultEmailAddress === true) ?? emails[0];
  return str(chosen?.EmailAddress);
}

/**
 * A business partner's changed-at: `LastChangeDate` + `LastChangeTime` read in the system time zone, or the
 * creation date and time when it was never changed.
 */
function partnerStamp(partner: ODataRow, zone: string): number | undefined {
  const date = dayOf(partner.LastChangeDate) ?? dayOf(partner.CreationDate);
  if (!date) return undefined;
  const time = (dayOf(partner.LastChangeDate) ? partner.LastChangeTime : partner.CreationTime) ?? "00:00:00";
  return localToInstant(date, typeof time === "string" ? time.slice(0, 8) : "00:00:00", zone);
}

/**
 * `API_BUSINESS_PARTNER` (OData v2): persons with the employee role (`BUP003`), their default e-mail through
 * `to_BusinessPartnerAddress/to_EmailAddress`, and their employments (`A_BPEmployment`, one range read per page,
 * since the API cannot expand them). Blocked, archived, left (employment ended), role ended and e-mail-less
 * persons become removals with the reason counted; changed-at is `LastChangeDate` + `LastChangeTime` in the
 * system time zone (creation date and time when never changed).
 */
export function businessPartnerSource(settings: Settings, client: ODataClient, zone: string): SapSource {
  const literal = (type: "date" | "time" | "string", value: string) => formatODataLiteral({ type, value }, v);

  async function employments(
    first: string,
    last: string,
    signal: AbortSignal,
  ): Promise<Map<string, ODataRow[]>> {
    const byPartner = new Map<string, ODataRow[]>();
    const range = `BusinessPartner ge ${literal("string", first)} and BusinessPartner le ${literal("string", last)}`;
    let after: ODataRow | undefined;
    for (;;) {
      const filter = andFilters(
        range,
        after
          ? keysetFilter(
              [
                { name: "BusinessPartner", value: { type: "string", value: String(after.BusinessPartner) } },
                {
                  name: "BPEmploymentStartDate",
                  value: { type: "dateTime", value: String(after.BPEmploymentStartDate).replace(/Z$/, "") },
                },
              ],
              v,
            )
          : undefined,
      );
      const page = await client.list(
        {
          entitySet: "A_BPEmployment",
          filter,
          orderby: ["BusinessPartner", "BPEmploymentStartDate"],
          top: 5000,
        },
        signal,
      );
      for (const row of page.rows) {
        const id = String(row.BusinessPartner);
        byPartner.set(id, [...(byPartner.get(id) ?? []), row]);
      }
      if (page.rows.length === 0 || (page.rows.length < 5000 && !page.nextLink)) return byPartner;
      after = page.rows.at(-1);
    }
  }

  function endReason(
    partner: ODataRow,
    jobs: ODataRow[],
    today: string,
  ): EmployeeEndReason | "notEmployee" | null {
    const role = rows(partner.to_BusinessPartnerRole).find((r) => r.BusinessPartnerRole === settings.role);
    if (!role) return "notEmployee";
    const from = dayOf(role.ValidFrom);
    if (from !== undefined && from > today) return "notEmployee";
    if (partner.BusinessPartnerIsBlocked === true) return "blocked";
    if (partner.IsMarkedForArchiving === true) return "markedForArchiving";
    const latest = [...jobs]
      .sort((a, b) => String(a.BPEmploymentStartDate).localeCompare(String(b.BPEmploymentStartDate)))
      .at(-1);
    if (latest && endedBefore(latest.BPEmploymentEndDate, today)) return "left";
    if (endedBefore(role.ValidTo, today)) return "roleEnded";
    if (!defaultEmail(partner)) return "noEmail";
    return null;
  }

  return {
    id: "employees",
    kind: "user",
    client,
    entitySet: "A_BusinessPartner",
    keys: [{ name: "BusinessPartner", type: "string" }],
    expand: ["to_BusinessPartnerRole", "to_BusinessPartnerAddress/to_EmailAddress"],
    scope: () => "BusinessPartnerCategory eq '1'",
    changedSince(since) {
      const local = instantToLocal(since, zone);
      const d = literal("date", local.date);
      const t = literal("time", local.time);
      return `(LastChangeDate gt ${d} or (LastChangeDate eq ${d} and LastChangeTime ge ${t}) or CreationDate gt ${d} or (CreationDate eq ${d} and CreationTime ge ${t}))`;
    },
    stamp: (row) => partnerStamp(row, zone),
    async toBatch(page, today, signal) {
      const batch: SourceBatch = { upserts: [], removals: [], reasons: {} };
      if (page.length === 0) return batch;
      const jobs = await employments(
        String(page[0]?.BusinessPartner),
        String(page.at(-1)?.BusinessPartner),
        signal,
      );
      for (const partner of page) {
        const id = String(partner.BusinessPartner);
        const own = jobs.get(id) ?? [];
        const reason = endReason(partner, own, today);
        if (reason === "notEmployee") continue;
        if (reason !== null) {
          batch.removals.push({ externalId: id, reason: removalKind(reason) });
          countReason(batch.reasons, `employee ${reason}`, id);
          continue;
        }
        const { to_BusinessPartnerRole: roles, to_BusinessPartnerAddress: _addresses, ...header } = partner;
        const latest = own.at(-1);
        batch.upserts.push({
          externalId: id,
          data: {
            ...header,
            roles: rows(roles).map((r) => r.BusinessPartnerRole),
            employeeId: id,
            firstName: str(partner.FirstName),
            lastName: str(partner.LastName),
            fullName: str(partner.PersonFullName) ?? str(partner.BusinessPartnerFullName),
            email: defaultEmail(partner),
            endDate: dayOf(latest?.BPEmploymentEndDate) ?? null,
          },
        });
      }
      return batch;
    },
  };
}
