import type { ODataClient } from "../odata/create-odata-client";
import { formatODataLiteral } from "../odata/odata-literal";
import { countReason, type SapSource, type SourceBatch } from "../read/sap-source";
import type { SapSettings } from "../settings/sap-settings";
import { dayOf, type EmployeeEndReason, endedBefore, removalKind } from "./employee-status";

type Settings = Extract<NonNullable<SapSettings["sources"]["employees"]>, { mode: "custom" }>;
const str = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : null;

/**
 * A customer's own employee view (e.g. a `YY1_` CDS view on `I_WorkforcePerson`), v2 or v4, with configured key,
 * e-mail, changed-at and optional name, end date and block fields. Blocked, left and e-mail-less persons become
 * removals with the reason counted.
 */
export function customEmployeeSource(settings: Settings, client: ODataClient): SapSource {
  const f = settings.fields;
  return {
    id: "employees",
    kind: "user",
    client,
    entitySet: settings.entitySet,
    keys: [{ name: f.id, type: "string" }],
    scope: () => undefined,
    changedSince: (since) =>
      `${f.changedAt} ge ${formatODataLiteral({ type: "dateTimeOffset", value: new Date(since).toISOString() }, settings.version)}`,
    stamp: (row) => {
      const value = row[f.changedAt];
      const ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
      return Number.isNaN(ms) ? undefined : ms;
    },
    async toBatch(rows, today) {
      const batch: SourceBatch = { upserts: [], removals: [], reasons: {} };
      for (const row of rows) {
        const id = String(row[f.id]);
        const email = str(row[f.email]);
        const reason: EmployeeEndReason | null =
          f.blocked && row[f.blocked] === true
            ? "blocked"
            : f.endDate && endedBefore(row[f.endDate], today)
              ? "left"
              : email
                ? null
                : "noEmail";
        if (reason) {
          batch.removals.push({ externalId: id, reason: removalKind(reason) });
          countReason(batch.reasons, `employee ${reason}`, id);
          continue;
        }
        batch.upserts.push({
          externalId: id,
          data: {
            ...row,
            employeeId: id,
            firstName: f.firstName ? str(row[f.firstName]) : null,
            lastName: f.lastName ? str(row[f.lastName]) : null,
            fullName: f.fullName ? str(row[f.fullName]) : null,
            email,
            endDate: f.endDate ? (dayOf(row[f.endDate]) ?? null) : null,
          },
        });
      }
      return batch;
    },
  };
}
