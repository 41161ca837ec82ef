import { createFaultController, type FaultController } from "../faults/fault-controller";
import { createRequestLog, type RequestLog } from "../http/request-log";
import { type SimulatorTls, serveNode } from "../http/serve-node";
import { createSapModel } from "./create-sap-model";
import { createSapService, type SapServiceOptions } from "./create-sap-service";
import type { SapModel, SapModelOptions } from "./sap-model";
import type { SapServiceSwitches } from "./sap-service-switches";

/** Options of {@link startSapSimulator}. */
export interface SapSimulatorOptions extends SapServiceOptions {
  model?: SapModel;
  modelOptions?: SapModelOptions;
  port?: number;
  host?: string;
  tls?: SimulatorTls;
}

/** A running SAP S/4HANA OData simulator. */
export interface SapSimulator {
  /** Base URL; services live under it, e.g. `${url}/sap/opu/odata/sap/API_EQUIPMENT/Equipment`. */
  readonly url: string;
  readonly model: SapModel;
  readonly faults: FaultController;
  readonly requests: RequestLog;
  /** Changes a service's switches while running (`equipment`, `fixedAsset`, `businessPartner`, `customEmployees`). */
  setService(id: string, switches: SapServiceSwitches): void;
  close(): Promise<void>;
}

/**
 * Starts the SAP simulator (API_EQUIPMENT, api_fixedasset, API_BUSINESS_PARTNER and a custom employee view) on
 * node:http, or node:https with `tls` (client certificates with `clientCertificates`).
 *
 * @example
 * ```ts
 * const sap = await startSapSimulator({ username: "U", password: "P", sapClient: "100" });
 * const res = await fetch(`${sap.url}/sap/opu/odata/sap/API_EQUIPMENT/Equipment?$top=10&$format=json`, {
 *   headers: { authorization: `Basic ${btoa("U:P")}`, "sap-client": "100" },
 * });
 * ```
 */
export async function startSapSimulator(options: SapSimulatorOptions = {}): Promise<SapSimulator> {
  const model = options.model ?? createSapModel(options.modelOptions);
  const faults = createFaultController(model.seed);
  const requests = createRequestLog();
  const service = createSapService(model, options);
  const serving = await serveNode(service.handler, {
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.tls
      ? { tls: options.clientCertificates ? { requestCert: true, ...options.tls } : options.tls }
      : {}),
    faults,
    log: requests,
    faultResponse: service.faultResponse,
  });
  return {
    url: serving.url,
    model,
    faults,
    requests,
    setService: service.setService,
    close: () => serving.close(),
  };
}
