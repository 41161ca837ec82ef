import type { ConnectionTestResult, ConnectionTestStep, ConnectorContext } from "@uslimato/core/connector";
import type { OAuthTokenCache } from "../auth/oauth-token-cache";
import { SapError } from "../odata/sap-error";
import { openSapSources } from "../read/open-sap-sources";
import { instantToLocal } from "../read/zoned-time";
import type { SapConnectorOptions } from "../sap-connector-options";
import type { SapSecretName, SapSettings } from "../settings/sap-settings";

/**
 * One cheap read per enabled source (`$top=1` of its listing, with its filter and expansions, so a navigation the
 * service lacks, such as equipment's `to_Partner`, fails here): the first failure answers with a stable code
 * (`SAP_LOGON_FAILED`, `SAP_CLIENT_INVALID`, `SAP_NOT_AUTHORIZED` naming the communication scenario,
 * `SAP_SERVICE_NOT_FOUND`, `SAP_QUERY_REJECTED` naming the option, `SAP_THROTTLED`, `SAP_UNAVAILABLE`,
 * `SAP_TIMEOUT`...), a remedy and SAP's diagnosis (status, error code, transaction id, `sap-message`).
 */
export async function testSapConnection(
  ctx: ConnectorContext<SapSettings, SapSecretName>,
  options: SapConnectorOptions,
  tokens: OAuthTokenCache,
): Promise<ConnectionTestResult> {
  const steps: ConnectionTestStep[] = [];
  const today = instantToLocal(
    (options.clock ?? (() => new Date()))().getTime(),
    ctx.settings.systemTimeZone,
  ).date;
  let current = "logon";
  try {
    const sources = openSapSources(ctx, options, tokens);
    for (const source of sources) {
      current = source.id;
      const filter = source.scope(today);
      const page = await source.client.list(
        {
          entitySet: source.entitySet,
          ...(filter ? { filter } : {}),
          orderby: source.keys.map((k) => k.name),
          ...(source.select ? { select: source.select } : {}),
          ...(source.expand ? { expand: source.expand } : {}),
          top: 1,
        },
        ctx.signal,
      );
      steps.push({
        name: source.id,
        ok: true,
        message: `read ${source.entitySet}: ${page.rows.length === 0 ? "no rows" : "ok"}${page.sapMessage ? ` (sap-message: ${page.sapMessage})` : ""}`,
      });
    }
    return { ok: true, steps };
  } catch (error) {
    if (!(error instanceof SapError)) throw error;
    const transactionId = error.diagnosis?.transactionId;
    steps.push({
      name: current,
      ok: false,
      message: error.message,
      ...(error.diagnosis ? { diagnosis: error.diagnosis } : {}),
    });
    return {
      ok: false,
      failedStep: current,
      code: error.code,
      message: error.message,
      remedy: error.remedy,
      steps,
      ...(transactionId ? { requestId: transactionId } : {}),
      ...(error.diagnosis ? { diagnosis: error.diagnosis } : {}),
    };
  }
}
