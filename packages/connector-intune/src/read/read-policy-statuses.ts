import type { SyncNotice } from "@uslimato/core/connector";
import { type GraphClient, iterateGraphPages } from "@uslimato/msgraph";
import { type PolicyStatus, statusKey } from "./to-device-page";

/** Every device's per-policy compliance statuses, keyed by {@link statusKey}. */
export interface PolicyStatuses {
  byDevice: Map<string, PolicyStatus[]>;
  notices: SyncNotice[];
}

/**
 * Reads the compliance policies, then each policy's device statuses, page by page: requests grow with policies
 * and pages, never with devices. Statuses carry no device id, so they are joined on device name and UPN. A status
 * listing that ends before its `@odata.count` is reported in a notice (one was reported to stop at 51 of 100+).
 */
export async function readPolicyStatuses(graph: GraphClient, signal: AbortSignal): Promise<PolicyStatuses> {
  const byDevice = new Map<string, PolicyStatus[]>();
  const notices: SyncNotice[] = [];
  const policies: Array<{ id: string; displayName: string }> = [];
  for await (const page of iterateGraphPages<Record<string, unknown>>(
    graph,
    "/deviceManagement/deviceCompliancePolicies?$select=id,displayName",
    { signal },
  )) {
    for (const policy of page.value)
      if (typeof policy?.id === "string")
        policies.push({ id: policy.id, displayName: String(policy.displayName ?? policy.id) });
  }
  for (const policy of policies) {
    let listed = 0;
    let count: number | undefined;
    for await (const page of iterateGraphPages<Record<string, unknown>>(
      graph,
      `/deviceManagement/deviceCompliancePolicies/${encodeURIComponent(policy.id)}/deviceStatuses?$count=true`,
      { signal },
    )) {
      count = page.count ?? count;
      for (const status of page.value) {
        listed++;
        if (!status || typeof status.status !== "string") continue;
        const key = statusKey(status.deviceDisplayName, status.userPrincipalName);
        const list = byDevice.get(key) ?? [];
        list.push({ policyId: policy.id, policyName: policy.displayName, status: status.status });
        byDevice.set(key, list);
      }
    }
    if (count !== undefined && listed < count)
      notices.push({
        code: "COMPLIANCE_DETAIL_INCOMPLETE",
        message: `The device statuses of compliance policy "${policy.displayName}" ended after ${listed} of ${count}`,
      });
  }
  return { byDevice, notices };
}
