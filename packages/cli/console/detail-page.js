import { ApiFailure, call } from "./api.js";
import { openConfigureDialog } from "./configure-dialog.js";
import { badge, formatDate, formatMinutes, formatNumber, h, humanize, replace, toast } from "./dom.js";
import { statusBadge } from "./integrations-page.js";

/** The service's diagnosis as a list of facts. @param {any} diagnosis */
const diagnosisFacts = (diagnosis) =>
  diagnosis
    ? h(
        "dl",
        { class: "facts", "aria-label": "What the service said" },
        Object.entries(diagnosis).map(([name, value]) => [
          h("dt", null, humanize(name)),
          h("dd", null, String(value)),
        ]),
      )
    : null;

/** A connection test result: every step, and on failure the code, the remedy and the diagnosis. @param {any} result */
function testResult(result) {
  return [
    h(
      "p",
      null,
      result.ok ? badge("success", "Connection OK") : badge("failed", `Failed at “${result.failedStep}”`),
      result.ok ? "" : ` ${result.code}`,
    ),
    h(
      "ol",
      { class: "steps", "aria-label": "Steps" },
      result.steps.map((step) =>
        h(
          "li",
          { class: step.ok ? "ok" : "bad" },
          h("span", { class: "mark", "aria-hidden": "true" }, step.ok ? "✓" : "✗"),
          h("strong", null, humanize(step.name)),
          step.ok ? " passed: " : " failed: ",
          step.message,
        ),
      ),
    ),
    result.ok
      ? null
      : [
          h("p", null, result.message),
          h("div", { class: "remedy" }, h("strong", null, "What to do: "), result.remedy),
          result.requestId ? h("p", null, `Request id: ${result.requestId}`) : null,
          diagnosisFacts(result.diagnosis),
        ],
    result.ok && result.details
      ? h(
          "dl",
          { class: "facts" },
          Object.entries(result.details).map(([k, v]) => [h("dt", null, humanize(k)), h("dd", null, v)]),
        )
      : null,
  ];
}

const COUNTS = ["processed", "created", "updated", "deactivated", "failed"];

/** The sync log table: one row per run with its counts, and its errors in a disclosure. @param {any[]} logs */
function logTable(logs) {
  if (logs.length === 0) return h("p", null, "No synchronization yet.");
  return h(
    "table",
    null,
    h("caption", { class: "muted" }, "Newest first"),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col" }, "Started"),
        h("th", { scope: "col" }, "Finished"),
        h("th", { scope: "col" }, "Trigger"),
        h("th", { scope: "col" }, "Status"),
        COUNTS.map((c) => h("th", { scope: "col", class: "num" }, humanize(c))),
        h("th", { scope: "col" }, "Errors"),
      ),
    ),
    h(
      "tbody",
      null,
      logs.map((log) =>
        h(
          "tr",
          { "data-log": log.id },
          h("td", null, formatDate(log.startedAt)),
          h("td", null, formatDate(log.finishedAt)),
          h("td", null, `${humanize(log.trigger)} (${log.mode})`),
          h("td", null, statusBadge(log), log.failureCode ? h("div", null, log.failureCode) : null),
          COUNTS.map((c) => h("td", { class: "num" }, formatNumber(log.counts[c]))),
          h(
            "td",
            null,
            log.errorCount === 0
              ? "None"
              : h(
                  "details",
                  null,
                  h(
                    "summary",
                    null,
                    `${formatNumber(log.errorCount)} error${log.errorCount === 1 ? "" : "s"}`,
                  ),
                  h(
                    "ul",
                    { class: "error-list" },
                    log.errors.map((e) =>
                      h(
                        "li",
                        null,
                        h("strong", null, e.code),
                        e.externalId
                          ? ` (${e.kind ?? "record"} ${e.externalId}${e.field ? `, ${e.field}` : ""})`
                          : "",
                        `: ${e.message}`,
                        diagnosisFacts(e.diagnosis),
                      ),
                    ),
                  ),
                ),
          ),
        ),
      ),
    ),
  );
}

/**
 * The detail view of an integration: its configuration, Test connection with steps and remedy, Sync now with a
 * live progress bar, and the Sync log.
 * @param {HTMLElement} main @param {(hash: string) => void} go @param {string} id @param {string | null} action
 */
export async function detailPage(main, go, id, action) {
  const path = `/api/integrations/${encodeURIComponent(id)}`;
  const [integration, connectors, logs] = await Promise.all([
    call("GET", path),
    call("GET", "/api/connectors"),
    call("GET", `${path}/logs?limit=25`),
  ]);
  const connector = connectors.find((c) => c.connectorId === integration.connectorId);
  const testPanel = h(
    "div",
    { "aria-live": "polite", id: "test-result" },
    h("p", { class: "muted" }, "Not tested yet."),
  );
  const bar = h("progress", { id: "sync-bar", "aria-labelledby": "sync-progress-title", max: 1 });
  const barText = h("p", { id: "sync-text", "aria-live": "polite" }, "No run in progress.");
  const logSection = h("div", { id: "log-table" }, logTable(logs));
  let syncId = null;
  const showRun = (event) => {
    if (event.type === "sync-started") {
      syncId = event.syncId;
      if (event.expected) bar.max = event.expected;
      else bar.removeAttribute("value");
      barText.textContent = `Sync running (${event.mode}, ${event.trigger})…`;
    } else if (event.type === "sync-progress") {
      const { processed } = event.counts;
      if (bar.hasAttribute("max") && bar.max > 1) bar.value = Math.min(processed, bar.max);
      barText.textContent = `${formatNumber(processed)}${bar.max > 1 ? ` of about ${formatNumber(bar.max)}` : ""} records processed · ${event.pages} page${event.pages === 1 ? "" : "s"} · ${(event.elapsedMs / 1000).toFixed(1)} s`;
    } else if (event.type === "sync-finished") {
      const { log } = event;
      bar.max = 1;
      bar.value = 1;
      barText.textContent = `Sync ${log.status}: ${formatNumber(log.counts.processed)} processed, ${formatNumber(log.counts.created)} created, ${formatNumber(log.counts.updated)} updated, ${formatNumber(log.counts.failed)} failed.`;
      toast(`Sync ${log.status}.`);
      call("GET", `${path}/logs?limit=25`).then((fresh) => replace(logSection, logTable(fresh)));
      syncId = null;
    }
  };
  const runTest = async () => {
    testButton.disabled = true;
    replace(testPanel, h("p", null, "Testing the connection…"));
    try {
      replace(testPanel, testResult(await call("POST", `${path}/test`)));
    } catch (error) {
      replace(testPanel, h("p", { class: "form-error" }, error.message));
    } finally {
      testButton.disabled = false;
    }
  };
  const runSync = async () => {
    try {
      bar.removeAttribute("value");
      barText.textContent = "Starting…";
      const started = await call("POST", `${path}/sync`, {});
      syncId = started.syncId;
    } catch (error) {
      barText.textContent = error instanceof ApiFailure ? `${error.code}: ${error.message}` : error.message;
      bar.value = 0;
    }
  };
  const testButton = h("button", { type: "button", onclick: runTest }, "Test connection");
  const toggle = async () => {
    await call("POST", `${path}/${integration.enabled ? "disable" : "enable"}`);
    go(`#/integrations/${id}`);
  };
  const remove = async () => {
    if (
      !confirm(
        `Delete “${integration.name}”? Its configuration and credentials are removed; users and logs stay.`,
      )
    )
      return;
    await call("DELETE", path);
    toast(`Deleted “${integration.name}”.`);
    go("#/integrations");
  };
  replace(
    main,
    h("p", null, h("a", { href: "#/integrations" }, "← Integrations")),
    h("h1", null, integration.name),
    h(
      "p",
      { class: "lead" },
      connector?.title ?? integration.connectorId,
      " · ",
      integration.enabled ? badge("on", "Enabled") : badge("off", "Disabled"),
      " · every ",
      formatMinutes(integration.intervalMinutes),
    ),
    h(
      "div",
      { class: "actions" },
      connector
        ? h(
            "button",
            {
              type: "button",
              onclick: () => openConfigureDialog(connector, integration, () => go(`#/integrations/${id}`)),
            },
            "Configure",
          )
        : null,
      testButton,
      h(
        "button",
        { type: "button", class: "primary", disabled: !integration.enabled, onclick: runSync },
        "Sync now",
      ),
      h("button", { type: "button", onclick: toggle }, integration.enabled ? "Disable" : "Enable"),
      h("button", { type: "button", class: "danger", onclick: remove }, "Delete"),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "settings-title" },
      h("h2", { id: "settings-title" }, "Configuration"),
      h(
        "dl",
        { class: "facts" },
        Object.entries(integration.settings).map(([k, v]) => [
          h("dt", null, connector?.ui.fields[k]?.label ?? humanize(k)),
          h(
            "dd",
            null,
            // An option's title where the form has one ("Client secret" for `clientSecret`).
            connector?.ui.fields[k]?.options?.find((o) => o.value === v)?.title ??
              (typeof v === "object" ? JSON.stringify(v) : String(v)),
          ),
        ]),
        integration.secrets.map((s) => [
          h("dt", null, connector?.secrets.find((x) => x.name === s.name)?.label ?? humanize(s.name)),
          h("dd", null, s.configured ? badge("configured", "configured") : badge("none", "not set")),
        ]),
      ),
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "test-title" },
      h("h2", { id: "test-title" }, "Connection test"),
      testPanel,
    ),
    h(
      "section",
      { class: "panel", "aria-labelledby": "sync-progress-title" },
      h("h2", { id: "sync-progress-title" }, "Sync progress"),
      bar,
      barText,
    ),
    h(
      "section",
      { "aria-labelledby": "sync-log" },
      h("h2", { id: "sync-log", tabindex: "-1" }, "Sync log"),
      logSection,
    ),
  );
  bar.value = 0;
  if (action === "test") runTest();
  if (action === "sync") runSync();
  if (action === "log") document.getElementById("sync-log")?.focus();
  return {
    onEvent(type, event) {
      if (event.integrationId !== id) return;
      if (type === "sync-started" && syncId && event.syncId !== syncId) return;
      showRun(event);
    },
  };
}
