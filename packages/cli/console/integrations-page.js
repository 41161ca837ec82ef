import { call } from "./api.js";
import { openConfigureDialog } from "./configure-dialog.js";
import { badge, formatDate, h, replace } from "./dom.js";

const STATUS_TEXT = { success: "Success", partial: "Partial", failed: "Failed", running: "Running" };

/** A sync status as a badge with words. @param {any} log */
export const statusBadge = (log) =>
  log ? badge(log.status, STATUS_TEXT[log.status] ?? log.status) : badge("none", "Never synced");

/**
 * The Integrations page: a tile per connector with its integrations and their status; Configure, Test
 * connection, Sync now and the Sync log from each tile.
 * @param {HTMLElement} main @param {(hash: string) => void} go
 */
export async function integrationsPage(main, go) {
  const [connectors, integrations] = await Promise.all([
    call("GET", "/api/connectors"),
    call("GET", "/api/integrations"),
  ]);
  const last = new Map(
    await Promise.all(
      integrations.map(async (i) => [
        i.id,
        (await call("GET", `/api/integrations/${encodeURIComponent(i.id)}/logs?limit=1`))[0],
      ]),
    ),
  );
  const tiles = connectors.map((connector) => {
    const own = integrations.filter((i) => i.connectorId === connector.connectorId);
    const titleId = `tile-${connector.connectorId}`;
    return h(
      "li",
      { class: "tile", "aria-labelledby": titleId, "data-connector": connector.connectorId },
      h("h2", { id: titleId }, connector.title),
      connector.description ? h("p", { class: "muted" }, connector.description) : null,
      h(
        "p",
        { class: "muted" },
        `Sync: ${connector.capabilities.incremental ? "full and incremental" : "full"} · Webhooks: ${connector.capabilities.webhooks ? "yes" : "no (polling)"}`,
      ),
      own.length === 0
        ? [
            h("p", null, badge("none", "Not configured")),
            h(
              "div",
              { class: "actions" },
              h(
                "button",
                {
                  type: "button",
                  class: "primary",
                  onclick: () =>
                    openConfigureDialog(connector, null, (saved) => go(`#/integrations/${saved.id}`)),
                },
                "Configure",
              ),
            ),
          ]
        : own.map((integration) =>
            h(
              "div",
              { class: "integration", "data-integration": integration.id },
              h(
                "p",
                null,
                h("a", { href: `#/integrations/${integration.id}` }, integration.name),
                " ",
                integration.enabled ? badge("on", "Enabled") : badge("off", "Disabled"),
                " ",
                statusBadge(last.get(integration.id)),
              ),
              h("p", { class: "muted" }, `Last sync: ${formatDate(last.get(integration.id)?.startedAt)}`),
              h(
                "div",
                { class: "actions" },
                h(
                  "button",
                  {
                    type: "button",
                    onclick: () => openConfigureDialog(connector, integration, () => go("#/integrations")),
                  },
                  "Configure",
                ),
                h(
                  "button",
                  { type: "button", onclick: () => go(`#/integrations/${integration.id}?do=test`) },
                  "Test connection",
                ),
                h(
                  "button",
                  {
                    type: "button",
                    class: "primary",
                    disabled: !integration.enabled,
                    onclick: () => go(`#/integrations/${integration.id}?do=sync`),
                  },
                  "Sync now",
                ),
                h("a", { class: "button", href: `#/integrations/${integration.id}?do=log` }, "Sync log"),
              ),
            ),
          ),
    );
  });
  replace(
    main,
    h("h1", null, "Integrations"),
    h(
      "p",
      { class: "lead" },
      "Connect external systems. Credentials are stored encrypted and shown only as “configured”.",
    ),
    h("ul", { class: "tiles" }, tiles),
  );
  return {
    onEvent(type) {
      if (type === "sync-finished") go("#/integrations");
    },
  };
}
