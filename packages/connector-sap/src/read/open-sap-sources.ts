import type { ConnectorContext } from "@uslimato/core/connector";
import type { OAuthTokenCache } from "../auth/oauth-token-cache";
import { openSapAuth } from "../auth/open-sap-auth";
import { createODataClient } from "../odata/create-odata-client";
import type { ODataVersion } from "../odata/odata-literal";
import type { SapConnectorOptions } from "../sap-connector-options";
import type { SapSecretName, SapSettings } from "../settings/sap-settings";
import { businessPartnerSource } from "../sources/business-partner-source";
import { customEmployeeSource } from "../sources/custom-employee-source";
import { equipmentSource } from "../sources/equipment-source";
import { fixedAssetSource } from "../sources/fixed-asset-source";
import type { SapSource } from "./sap-source";

/** The service name in a path: `API_EQUIPMENT` of `/sap/opu/odata/sap/API_EQUIPMENT`, `api_fixedasset` of a v4 path. */
function serviceName(path: string): string {
  const parts = path.split("/").filter(Boolean);
  const at = parts.indexOf(
    "sap",
    parts.findIndex((p) => p.startsWith("odata")),
  );
  return parts[at + 1] ?? parts.at(-1) ?? path;
}

/** The enabled sources of an integration, in reading order, each with its OData client. */
export function openSapSources(
  ctx: ConnectorContext<SapSettings, SapSecretName>,
  options: SapConnectorOptions,
  tokens: OAuthTokenCache,
): SapSource[] {
  const { settings } = ctx;
  const auth = openSapAuth(ctx, options, tokens);
  const client = (path: string, version: ODataVersion, scenario: string | undefined) =>
    createODataClient({
      baseUrl: settings.baseUrl,
      servicePath: path,
      version,
      call: { service: serviceName(path), ...(scenario ? { scenario } : {}) },
      auth,
      ...(settings.sapClient ? { sapClient: settings.sapClient } : {}),
      ...(settings.sapLanguage ? { sapLanguage: settings.sapLanguage } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.maxUrlLength ? { maxUrlLength: options.maxUrlLength } : {}),
      logger: ctx.logger,
      ...(ctx.telemetry ? { telemetry: ctx.telemetry } : {}),
    });
  const { employees, equipment, fixedAssets } = settings.sources;
  const sources: SapSource[] = [];
  if (employees?.enabled) {
    sources.push(
      employees.mode === "businessPartner"
        ? businessPartnerSource(
            employees,
            client(employees.path, "v2", employees.scenario),
            settings.systemTimeZone,
          )
        : customEmployeeSource(employees, client(employees.path, employees.version, employees.scenario)),
    );
  }
  if (equipment?.enabled)
    sources.push(equipmentSource(equipment, client(equipment.path, "v2", equipment.scenario)));
  if (fixedAssets?.enabled)
    sources.push(fixedAssetSource(fixedAssets, client(fixedAssets.path, "v4", fixedAssets.scenario)));
  return sources;
}
