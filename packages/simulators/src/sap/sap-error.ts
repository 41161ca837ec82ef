import { randomBytes } from "node:crypto";
import { jsonResponse, type SimResponse } from "../http/sim-exchange";

const RESOLUTION =
  'For backend administrators: use ADT feed reader "SAP Gateway Error Log" or run transaction /IWFND/ERROR_LOG on SAP Gateway hub system and search for entries with the timestamp above for more details';
const NOTE = "See SAP Note 1797736 for error analysis (https://service.sap.com/sap/support/notes/1797736)";

/**
 * A SAP Gateway error. v2: `{error: {code, message: {lang, value}, innererror: {application, transactionid,
 * timestamp, Error_Resolution, errordetails}}}`; v4 (RAP): `{error: {code, message, @SAP__common.ExceptionCategory,
 * innererror: {ErrorDetails: {@SAP__common.TransactionId, ...}}, details}}`. The transaction id is also sent
 * in the `sap-transaction-id` header.
 */
export function sapError(
  version: "v2" | "v4",
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  service?: string,
): SimResponse {
  const transactionid = randomBytes(16).toString("hex").toUpperCase();
  const timestamp = new Date()
    .toISOString()
    .replace(/[-:T]/g, "")
    .replace(/\.(\d{3})Z$/, ".$1000");
  const allHeaders = { "sap-transaction-id": transactionid, "sap-server": "true", ...headers };
  if (version === "v4") {
    return jsonResponse(
      status,
      {
        error: {
          code,
          message,
          "@SAP__common.ExceptionCategory": status >= 500 ? "Server_Error" : "Client_Error",
          innererror: {
            ErrorDetails: {
              "@SAP__common.Application": {
                ComponentId: "BC-ESI-ESF-GW",
                ServiceRepository: "SRVD_A2X",
                ServiceId: (service ?? "").toUpperCase(),
                ServiceVersion: "0001",
              },
              "@SAP__common.TransactionId": transactionid,
              "@SAP__common.Timestamp": timestamp,
              "@SAP__common.ErrorResolution": { Analysis: RESOLUTION, Note: NOTE },
            },
          },
          details: [],
        },
      },
      allHeaders,
    );
  }
  return jsonResponse(
    status,
    {
      error: {
        code,
        message: { lang: "en", value: message },
        innererror: {
          application: {
            component_id: "",
            service_namespace: "/SAP/",
            service_id: service ?? "",
            service_version: "0001",
          },
          transactionid,
          timestamp,
          Error_Resolution: { SAP_Transaction: RESOLUTION, SAP_Note: NOTE },
          errordetails: [
            { code, message, propertyref: "", severity: "error", target: "", transition: false },
          ],
        },
      },
    },
    allHeaders,
  );
}
