import type { HttpHandler } from "msw";
import { createFaultController, type FaultController } from "../faults/fault-controller";
import { createRequestLog, type RequestLog } from "../http/request-log";
import { toMswHandler } from "../http/to-msw-handler";
import { createSapService, type SapServiceOptions } from "./create-sap-service";
import type { SapModel } from "./sap-model";

/** msw handlers serving a SAP model at `baseUrl` (e.g. `https://my-s4.example.com`). */
export function createSapHandlers(
  model: SapModel,
  options: SapServiceOptions & { baseUrl: string; faults?: FaultController; requests?: RequestLog },
): HttpHandler[] {
  const service = createSapService(model, options);
  return [
    toMswHandler(options.baseUrl, service.handler, {
      faults: options.faults ?? createFaultController(model.seed),
      log: options.requests ?? createRequestLog(),
      faultResponse: service.faultResponse,
    }),
  ];
}
