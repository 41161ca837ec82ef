import type { SimResponse } from "../http/sim-exchange";

/**
 * The 401 a SAP NetWeaver ICF node answers when logon fails: an HTML page (not OData JSON) with
 * `WWW-Authenticate: Basic realm="SAP NetWeaver Application Server [SID/client]"`. `reason` is the line the
 * page shows, e.g. that the client does not exist.
 */
export function sapLogonPage(
  systemId: string,
  sapClient: string,
  reason: string,
  bearer = false,
): SimResponse {
  const realm = `SAP NetWeaver Application Server [${systemId}/${sapClient}]`;
  return {
    status: 401,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "www-authenticate": bearer
        ? `Bearer realm="${realm}", error="invalid_token"`
        : `Basic realm="${realm}"`,
      "sap-server": "true",
    },
    body: `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Logon Error Message</title></head>
<body><table><tr><td><h1 class="errorTextHeader"><span>Logon failed</span></h1>
<p class="errorTextHeader">What has happened?</p><p>Call of URL has been terminated.</p>
<p class="errorTextHeader">Note</p><p><span id="msgText">${reason}</span></p>
<p class="errorTextHeader">What can I do?</p><p>Check your user and password, the client and the logon method.</p>
<p>HTTP 401 - Unauthorized</p><p>Server: ${systemId}</p></td></tr></table></body></html>
`,
  };
}
