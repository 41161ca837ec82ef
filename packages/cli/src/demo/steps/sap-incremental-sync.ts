import { type DemoStep, requireSap } from "../demo-context";
import { logFacts, runSyncStep } from "../run-sync-step";

const NEW_NAME = "Lenovo ThinkPad T14 (moved to Walldorf, demo change)";

/** Step 11: one equipment changes in SAP; the incremental run reads past the high-water mark and picks it up. */
export const sapIncrementalSync: DemoStep = {
  name: "sapIncrementalSync",
  title: "SAP incremental sync (one changed equipment, read by its change stamp)",
  async run(ctx) {
    const { sap, runtime, sapIntegrationId } = requireSap(ctx);
    const records = await runtime.storage.inspect.listRecords(sapIntegrationId, "asset");
    const target = records.find((r) => !r.removed && r.externalId.startsWith("equipment/"));
    if (!target) throw new Error("no stored equipment to change");
    const equipment = target.externalId.slice("equipment/".length);
    const before = sap.model.equipment(equipment)?.EquipmentName;
    sap.model.updateEquipment(equipment, { EquipmentName: NEW_NAME });
    ctx.output.line(`  changed     equipment ${equipment}: ${String(before)} -> ${NEW_NAME}`);
    const log = await runSyncStep(ctx, undefined, { integrationId: sapIntegrationId, noun: "records" });
    const after = (await runtime.storage.inspect.listRecords(sapIntegrationId, "asset")).find(
      (r) => r.externalId === target.externalId,
    );
    const updated = log.countsByKind.asset?.updated ?? 0;
    if (log.mode !== "incremental" || updated < 1 || after?.data.description !== NEW_NAME)
      throw new Error(
        `expected an incremental SAP sync updating equipment ${equipment}, got ${log.mode} with ${updated} updated`,
      );
    ctx.output.line(`  stored      ${target.externalId}: ${String(after.data.description)}`);
    return { ...logFacts(log), equipment, description: after.data.description };
  },
};
