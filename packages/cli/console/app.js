import { ApiFailure, call, followEvents, forgetToken, saveToken, sessionToken } from "./api.js";
import { auditPage } from "./audit-page.js";
import { detailPage } from "./detail-page.js";
import { h, replace } from "./dom.js";
import { integrationsPage } from "./integrations-page.js";

/**
 * The reference admin console of `uslimato serve`: plain ES modules over the admin API. Routes (in the address's
 * fragment): `#/integrations`, `#/integrations/<id>`, `#/audit`. The admin token stays in this tab's session.
 */
const main = /** @type {HTMLElement} */ (document.getElementById("main"));
const nav = /** @type {HTMLElement} */ (document.getElementById("nav"));
/** @type {{ onEvent(type: string, event: any): void } | null} */
let page = null;
let stopEvents = () => {};

const go = (hash) => {
  if (location.hash === hash) render();
  else location.hash = hash;
};

function signIn(message) {
  nav.hidden = true;
  stopEvents();
  const id = "token-input";
  const form = h(
    "form",
    {
      class: "panel",
      onsubmit: (event) => {
        event.preventDefault();
        saveToken(input.value.trim());
        start();
      },
    },
    h("h1", null, "Sign in"),
    h("p", { class: "lead" }, "Enter the admin token that uslimato serve printed or was given."),
    message ? h("p", { class: "form-error", role: "alert" }, message) : null,
    h(
      "div",
      { class: "field" },
      h("label", { for: id }, "Admin token"),
      h("input", { id, type: "password", autocomplete: "current-password", required: true }),
    ),
    h("button", { type: "submit", class: "primary" }, "Sign in"),
  );
  const input = /** @type {HTMLInputElement} */ (form.querySelector("input"));
  replace(main, form);
  input.focus();
}

async function render() {
  const [route, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const parts = route.split("/").filter(Boolean);
  const section = parts[0] ?? "integrations";
  for (const link of nav.querySelectorAll("a")) {
    if (link.dataset.nav === section) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  try {
    if (section === "audit") {
      document.title = "Audit log · Uslimato";
      page = await auditPage(main);
    } else if (parts[1]) {
      document.title = "Integration · Uslimato";
      page = await detailPage(main, go, decodeURIComponent(parts[1]), new URLSearchParams(query).get("do"));
    } else {
      document.title = "Integrations · Uslimato";
      page = await integrationsPage(main, go);
    }
    main.focus({ preventScroll: true });
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return signIn("That token was refused.");
    replace(main, h("h1", null, "Something went wrong"), h("p", { role: "alert" }, error.message));
  }
}

async function start() {
  try {
    await call("GET", "/api/integrations");
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401)
      return signIn(sessionToken() ? "That token was refused." : "");
    throw error;
  }
  nav.hidden = false;
  stopEvents();
  stopEvents = followEvents((type, event) => page?.onEvent(type, event));
  await render();
}

document.getElementById("sign-out")?.addEventListener("click", () => {
  forgetToken();
  signIn("Signed out.");
});
window.addEventListener("hashchange", () => {
  if (!nav.hidden) render();
});
if (sessionToken()) start();
else signIn("");
