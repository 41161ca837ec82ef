import type { ServiceDiagnosis } from "@uslimato/core/connector";

/** What a failed SAP response says: its error code, message and transaction id, from JSON or an HTML page. */
export interface SapResponseFacts {
  serviceCode?: string;
  requestId?: string;
  diagnosis: Partial<ServiceDiagnosis>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

function htmlMessage(html: string): string | undefined {
  const own = /id="msgText"[^>]*>([^<]+)</i.exec(html)?.[1];
  const title = /<title>([^<]+)<\/title>/i.exec(html)?.[1];
  return text(own) ?? text(title);
}

/**
 * Reads a failed SAP response: v2 `{error: {code, message: {value}, innererror: {transactionid}}}`, v4
 * `{error: {code, message, innererror: {ErrorDetails: {@SAP__common.TransactionId}}}}`, the HTML logon page of a
 * 401, the `sap-transaction-id` and `sap-message` headers.
 */
export function describeSapResponse(body: unknown, headers: Headers): SapResponseFacts {
  const diagnosis: Partial<ServiceDiagnosis> = { service: "sap" };
  const header = headers.get("sap-transaction-id") ?? undefined;
  const sapMessage = headers.get("sap-message") ?? undefined;
  if (sapMessage) diagnosis.sapMessage = sapMessage;
  let serviceCode: string | undefined;
  let transactionId = header;
  if (isObject(body) && isObject(body.error)) {
    const error = body.error;
    serviceCode = text(error.code);
    const message = isObject(error.message) ? text(error.message.value) : text(error.message);
    if (message) diagnosis.message = message;
    const inner = isObject(error.innererror) ? error.innererror : undefined;
    const details = inner && isObject(inner.ErrorDetails) ? inner.ErrorDetails : undefined;
    transactionId =
      text(inner?.transactionid) ?? text(details?.["@SAP__common.TransactionId"]) ?? transactionId;
  } else if (isObject(body) && typeof body.error === "string") {
    serviceCode = body.error;
    const description = text(body.error_description);
    if (description) diagnosis.message = description;
  } else if (typeof body === "string") {
    const message = htmlMessage(body);
    if (message) diagnosis.message = message;
  }
  if (serviceCode) diagnosis.errorCode = serviceCode;
  if (transactionId) diagnosis.transactionId = transactionId;
  return {
    ...(serviceCode ? { serviceCode } : {}),
    ...(transactionId ? { requestId: transactionId } : {}),
    diagnosis,
  };
}
