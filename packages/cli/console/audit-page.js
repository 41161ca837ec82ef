import { call } from "./api.js";
import { formatDate, h, replace } from "./dom.js";

/** The audit log: who did what and when (never a secret value). @param {HTMLElement} main */
export async function auditPage(main) {
  const entries = await call("GET", "/api/audit?limit=200");
  replace(
    main,
    h("h1", null, "Audit log"),
    h(
      "p",
      { class: "lead" },
      "Every configuration change, credential change, connection test and synchronization.",
    ),
    h(
      "table",
      null,
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          ["When", "Who", "What", "Integration", "Details"].map((t) => h("th", { scope: "col" }, t)),
        ),
      ),
      h(
        "tbody",
        null,
        entries.map((e) =>
          h(
            "tr",
            null,
            h("td", null, formatDate(e.at)),
            h("td", null, `${e.actor.type} ${e.actor.id}`),
            h("td", null, e.action),
            h(
              "td",
              null,
              e.integrationId
                ? h("a", { href: `#/integrations/${e.integrationId}` }, e.integrationId.slice(0, 8))
                : "—",
            ),
            h(
              "td",
              null,
              Object.entries(e.details)
                .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : v}`)
                .join(" "),
            ),
          ),
        ),
      ),
    ),
  );
  return { onEvent() {} };
}
