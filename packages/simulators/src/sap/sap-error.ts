import { randomBytes } from "node:crypto";
import { jsonResponse, type SimResponse } from "../http/sim-exchange";

/** A SAP Gateway error: v2 `{error: {code, message: {lang, value}, innererror}}`, v4 `{error: {code, message, details}}`. */
export function sapError(
  version: "v2" | "v4",
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): SimResponse {
  const transactionid = randomBytes(16).toString("hex").toUpperCase();
  if (version === "v4") {
    return jsonResponse(
      status,
      {
        error: {
          code,
          message,
          "@SAP__common.ExceptionCategory": status >= 500 ? "Server_Error" : "Client_Error",
          details: [],
        },
      },
      { "sap-message-transactionid": transactionid, ...headers },
    );
  }
  const timestamp = new Date()
    .toISOString()
    .replace(/[-:T]/g, "")
    .replace(/\.(\d{3})Z$/, ".$10000");
  return jsonResponse(
    status,
    {
      error: {
        code,
        message: { lang: "en", value: message },
        innererror: {
          transactionid,
          timestamp,
          Error_Resolution: {
            SAP_Transaction:
              'For backend administrators: use ADT feed reader "SAP Gateway Error Log" or run transaction /IWFND/ERROR_LOG on SAP Gateway hub system and search for entries with the timestamp above for more details',
            SAP_Note:
              "See SAP Note 1797736 for error analysis (https://service.sap.com/sap/support/notes/1797736)",
          },
          errordetails: [],
        },
      },
    },
    headers,
  );
}
