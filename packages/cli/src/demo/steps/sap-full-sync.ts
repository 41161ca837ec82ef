import { type DemoStep, requireSap } from "../demo-context";
import { logFacts, runSyncStep } from "../run-sync-step";

/**
 * Step 10: the SAP integration's first (full) sync: equipment and fixed assets as assets, employees as users.
 * Employees also in Entra ID reconcile by e-mail onto the same host users: no e-mail is held by two users.
 */
export const sapFullSync: DemoStep = {
  name: "sapFullSync",
  title: "SAP first sync (assets and employees; employees also in Entra ID are the same host users)",
  async run(ctx) {
    const { runtime, sapIntegrationId, entraIntegrationId } = requireSap(ctx);
    const log = await runSyncStep(ctx, undefined, { integrationId: sapIntegrationId, noun: "records" });
    const assets = log.countsByKind.asset?.created ?? 0;
    const employees = log.countsByKind.user?.processed ?? 0;
    if (log.mode !== "full" || assets === 0 || employees === 0)
      throw new Error(
        `expected a full SAP sync creating assets and users, got ${log.mode} ${assets}/${employees}`,
      );
    const { inspect } = runtime.storage;
    const all = await inspect.listUsers({ limit: 1_000_000 });
    const entra = new Set(
      (await inspect.listUsers({ integrationId: entraIntegrationId, limit: 1_000_000 })).map((u) => u.id),
    );
    const sap = await inspect.listUsers({ integrationId: sapIntegrationId, limit: 1_000_000 });
    const shared = sap.filter((u) => entra.has(u.id));
    const emails = all.map((u) => u.email).filter((e): e is string => !!e);
    const duplicates = emails.length - new Set(emails).size;
    if (shared.length === 0 || duplicates > 0)
      throw new Error(
        `expected SAP employees on Entra's host users, got ${shared.length} shared, ${duplicates} duplicate e-mails`,
      );
    let owned = 0;
    let owner: { email: string | null; assets: number } | undefined;
    for (const user of sap) {
      const assets = (await inspect.listRecordsByOwner(user.id, { limit: 1_000_000 })).length;
      owned += assets;
      if (assets > 0 && !owner) owner = { email: user.email, assets };
    }
    if (owned === 0) throw new Error("expected equipment owned by their SAP employees (partner function VW)");
    const { line, colors } = ctx.output;
    line(
      `  by kind     assets ${assets} created; employees ${employees} processed (${log.countsByKind.user?.created ?? 0} new users)`,
    );
    line(
      `  one person  ${shared.length} host users are linked by both Entra ID and SAP (matched by e-mail); ${all.length} users in the store, no e-mail twice`,
    );
    line(
      `  owners      ${owned} assets owned by the host user of their SAP person responsible (VW)${owner ? `, e.g. ${owner.email} owns ${owner.assets}` : ""}`,
    );
    const sample = shared[0];
    if (sample)
      line(`  ${colors.dim("e.g.")} ${sample.email}  ${sample.displayName}  active=${sample.active}`);
    return {
      ...logFacts(log),
      sharedUsers: shared.length,
      ownedAssets: owned,
      storeUsers: all.length,
      duplicateEmails: duplicates,
    };
  },
};
