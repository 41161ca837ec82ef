import { randomUUID } from "node:crypto";
import type { SimRequest, SimResponse } from "../../http/sim-exchange";
import { graphError } from "../graph-error";

const FRONT_ENDS: Array<[RegExp, string]> = [
  [/deviceCompliancePolicies/, "DeviceConfiguration/StatelessDeviceConfigurationFEService"],
  [/auditEvents/, "StatelessAuditingFEService"],
];

/** The Intune front end serving a Graph path, as named in Intune's error messages. */
function frontEnd(path: string): string {
  return FRONT_ENDS.find(([pattern]) => pattern.test(path))?.[1] ?? "DeviceFE/StatelessDeviceFEService";
}

/**
 * Intune's inner error text: a JSON document (CRLF-indented, `_version` 3) naming an operation id, an activity
 * id and the internal front-end URL, which Graph then embeds as a string.
 */
function intuneInnerMessage(request: SimRequest, headers: Record<string, string> = {}): string {
  const operationId = randomUUID();
  const activityId = randomUUID();
  const url = `https://fef.msua06.manage.microsoft.com/${frontEnd(request.url.pathname)}${request.url.pathname.replace(/^\/v1\.0/, "")}?api-version=2024-01-25`;
  return JSON.stringify(
    {
      _version: 3,
      Message: `An error has occurred - Operation ID (for customer support): ${operationId} - Activity ID: ${activityId} - Url: ${url}`,
      CustomApiErrorPhrase: "",
      RetryAfter: null,
      ErrorSourceService: "",
      HttpHeaders: JSON.stringify(headers),
    },
    null,
    2,
  ).replace(/\n/g, "\r\n");
}

/**
 * An Intune error as Graph relays it: `code` `UnknownError` and the real status (`Forbidden`, `Unauthorized`,
 * `ResourceNotFound`) inside `message`, which is itself JSON whose `Message` is JSON again.
 */
export function intuneError(
  request: SimRequest,
  status: number,
  errorCode: string,
  headers: Record<string, string> = {},
): SimResponse {
  const inner = {
    ErrorCode: errorCode,
    Message: intuneInnerMessage(
      request,
      status === 401 ? { "WWW-Authenticate": 'Bearer realm="urn:intune:service"' } : {},
    ),
    Target: null,
    Details: null,
    InnerError: null,
    InstanceAnnotations: [],
    TypeAnnotation: null,
  };
  return graphError(request, status, "UnknownError", JSON.stringify(inner), headers);
}

/** Intune's 429 without `Retry-After`: `TooManyRequests` with the double-encoded front-end message. */
export function intuneThrottled(request: SimRequest): SimResponse {
  return graphError(request, 429, "TooManyRequests", intuneInnerMessage(request), {
    "x-ms-throttle-information": "IntuneRequestLimitExceeded",
  });
}

/** The answer of every Intune path in a tenant without an Intune licence. */
export function intuneNotLicensed(request: SimRequest): SimResponse {
  return graphError(request, 400, "BadRequest", "Request not applicable to target tenant.");
}
