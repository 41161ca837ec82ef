import { ApiFailure, call } from "./api.js";
import { formatMinutes, h, toast } from "./dom.js";

let nextId = 0;
const uid = () => `f${++nextId}`;

/** The JSON Schema node of a dotted settings path. @param {any} schema @param {string} path */
const nodeAt = (schema, path) => path.split(".").reduce((node, key) => node?.properties?.[key], schema) ?? {};

/**
 * One input of the Configure dialog, from core's form: its label, help, widget, titled options and condition
 * (`connector.ui.fields`), and its JSON Schema node for bounds.
 * @param {string} name where the value goes (`settings.tenantId`), matched against the API's issue paths
 * @param {any} field a `FormField` (or a secret, or the dialog's own fields) @param {any} node its JSON Schema
 * @param {unknown} value @param {{ configured?: boolean; secret?: boolean; group?: HTMLElement[] }} [flags]
 */
function fieldFor(name, field, node, value, flags = {}) {
  const id = uid();
  const helpId = `${id}-help`;
  const help = field.help ? [field.help] : [];
  const common = {
    id,
    "data-path": name,
    "aria-describedby": helpId,
    name,
    placeholder: field.placeholder,
  };
  const condition = field.showWhen
    ? {
        "data-show-field": `settings.${field.showWhen.field}`,
        "data-show-equals": JSON.stringify(field.showWhen.equals),
      }
    : {};
  if (flags.group)
    return h(
      "fieldset",
      { "data-group": name, ...condition },
      h("legend", null, field.label),
      field.help ? h("p", { class: "help" }, field.help) : null,
      flags.group,
    );
  let input;
  const widget = field.widget;
  if (flags.secret) {
    input =
      widget === "textarea"
        ? h("textarea", { ...common, rows: 4, spellcheck: false })
        : h("input", { ...common, type: "password", autocomplete: "new-password" });
    input.placeholder = flags.configured ? "Configured: leave empty to keep" : (field.placeholder ?? "");
    input.dataset.kind = "secret";
    help.push(
      flags.configured
        ? "Stored encrypted. It is never shown again; type a new value to replace it."
        : "Stored encrypted and never shown again: only “configured”.",
    );
  } else if (widget === "select") {
    const options = field.options ?? [];
    const current = value ?? field.default;
    const blank = !field.required && field.default === undefined;
    input = h(
      "select",
      common,
      blank ? h("option", { value: "" }, "—") : null,
      options.map((option) =>
        h("option", { value: String(option.value), selected: current === option.value }, option.title),
      ),
    );
    input.dataset.kind = "select";
    input.dataset.values = JSON.stringify(options.map((o) => o.value));
  } else if (widget === "checkbox") {
    input = h("input", { ...common, type: "checkbox", checked: Boolean(value ?? field.default ?? false) });
    input.dataset.default = JSON.stringify(field.default ?? false);
  } else if (widget === "list") {
    input = h("input", { ...common, type: "text", value: Array.isArray(value) ? value.join(", ") : "" });
    input.dataset.kind = "list";
    help.push("Comma-separated.");
  } else if (widget === "number") {
    input = h("input", {
      ...common,
      type: "number",
      value: value ?? "",
      min: node.minimum,
      max: node.maximum,
      step: node.type === "integer" ? 1 : "any",
    });
    input.dataset.kind = "number";
  } else if (widget === "textarea") {
    const json = node.type !== "string";
    const text = value === undefined ? "" : json ? JSON.stringify(value, null, 2) : String(value);
    input = h("textarea", { ...common, rows: json ? 5 : 4, spellcheck: false }, text);
    if (json) input.dataset.kind = "json";
  } else {
    input = h("input", {
      ...common,
      type: widget === "password" ? "password" : "text",
      value: value ?? "",
      spellcheck: false,
      autocomplete: "off",
    });
  }
  if (field.required) input.setAttribute("aria-required", "true");
  input.addEventListener("input", () => {
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", helpId);
    const error = document.getElementById(`${id}-error`);
    if (error) error.hidden = true;
  });
  return h(
    "div",
    { class: "field", ...condition },
    h(
      "label",
      { for: id },
      field.label,
      field.required ? " (required)" : "",
      flags.configured ? " " : "",
      flags.configured ? h("span", { class: "badge configured" }, "configured") : null,
    ),
    input,
    h("p", { class: "help", id: helpId }, help.join(" ")),
    h("p", { class: "error", id: `${id}-error`, hidden: true }),
  );
}

/**
 * The inputs of the settings at `paths` (groups with their children; advanced children of a group behind their
 * own "Advanced" disclosure), from core's form.
 * @param {any} connector @param {ReadonlyArray<string>} paths @param {any} settings the integration's values
 */
function settingsFields(connector, paths, settings) {
  return paths.map((path) => {
    const field = connector.ui.fields[path];
    const value = path.split(".").reduce((v, key) => v?.[key], settings);
    if (field.widget !== "group" || !field.children)
      return fieldFor(`settings.${path}`, field, nodeAt(connector.settings, path), value);
    const plain = field.children.filter((p) => !connector.ui.fields[p].advanced || field.advanced);
    const more = field.children.filter((p) => !plain.includes(p));
    return fieldFor(`settings.${path}`, field, {}, undefined, {
      group: [
        settingsFields(connector, plain, settings),
        more.length > 0
          ? h(
              "details",
              { class: "advanced" },
              h("summary", null, "Advanced"),
              settingsFields(connector, more, settings),
            )
          : null,
      ],
    });
  });
}

/** Whether an input's value counts: not behind a condition that does not hold. @param {Element} input */
const shown = (input) => !input.closest("[data-hidden-by-condition]");

/** Shows the fields and secrets whose condition holds (e.g. the client secret for "Client secret"). @param {HTMLFormElement} form */
function applyConditions(form) {
  for (const element of form.querySelectorAll("[data-show-field]")) {
    const control = form.querySelector(`[data-path="${element.dataset.showField}"]`);
    const current = control ? inputValue(control) : undefined;
    const wanted = JSON.parse(element.dataset.showEquals);
    const holds = Array.isArray(wanted) ? wanted.includes(current) : wanted === current;
    element.hidden = !holds;
    if (holds) element.removeAttribute("data-hidden-by-condition");
    else element.setAttribute("data-hidden-by-condition", "");
  }
}

/** An input's value as the API takes it; `undefined` when left empty. @param {any} input */
function inputValue(input) {
  const kind = input.dataset.kind;
  if (input.type === "checkbox") return input.checked;
  // The typed value (a number or boolean option stays one): options carry it as text.
  if (kind === "select")
    return JSON.parse(input.dataset.values).find((/** @type {unknown} */ v) => String(v) === input.value);
  if (kind === "number") return input.value === "" ? undefined : Number(input.value);
  if (kind === "list")
    return input.value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (kind === "json") {
    if (input.value.trim() === "") return undefined;
    try {
      return JSON.parse(input.value);
    } catch {
      return input.value;
    }
  }
  const text = kind === "secret" ? input.value : input.value.trim();
  return text === "" ? undefined : text;
}

/**
 * Reads the dialog's inputs into `{ settings, secrets, ... }`: empty fields, fields whose condition does not hold
 * and checkboxes left at their default are left out (so an optional group stays absent).
 * @param {HTMLFormElement} form
 */
function readForm(form) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const input of form.querySelectorAll("[data-path]")) {
    if (!shown(input)) continue;
    const path = input.dataset.path.split(".");
    const value = inputValue(input);
    if (value === undefined) continue;
    if (input.type === "checkbox" && JSON.stringify(value) === input.dataset.default) continue;
    if (Array.isArray(value) && value.length === 0 && input.dataset.kind === "list") continue;
    let target = out;
    for (const key of path.slice(0, -1)) target = target[key] ??= {};
    target[path.at(-1)] = value;
  }
  return out;
}

/** Shows every issue the API returned next to its field, the rest above the form. */
function showIssues(form, summary, failure) {
  for (const p of form.querySelectorAll(".error")) p.hidden = true;
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  const unplaced = [];
  let first = null;
  for (const issue of failure.issues) {
    const path = issue.path.filter((p, i) => !(i === 0 && p === "body")).join(".");
    const input = [...form.querySelectorAll("[data-path]")].find(
      (el) => el.dataset.path === path || el.dataset.path.startsWith(`${path}.`),
    );
    if (!input) {
      unplaced.push(`${path || "request"}: ${issue.message}`);
      continue;
    }
    const error = document.getElementById(`${input.id}-error`);
    if (error) {
      error.textContent = issue.message;
      error.hidden = false;
    }
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", `${input.id}-error ${input.id}-help`);
    for (let details = input.closest("details"); details; details = details.parentElement?.closest("details"))
      details.open = true;
    first ??= input;
  }
  summary.replaceChildren(
    h("p", null, `${failure.message.split(":")[0]}: please correct the fields marked below.`),
  );
  if (unplaced.length > 0)
    summary.append(
      h(
        "ul",
        { class: "error-list" },
        unplaced.map((t) => h("li", null, t)),
      ),
    );
  summary.hidden = false;
  (first ?? summary).focus();
}

/**
 * Opens the Configure dialog of a connector, rendered from its JSON Schema form: a new integration, or an existing
 * one (its settings filled in, its secrets shown only as "configured").
 * @param {any} connector the connector's form from `/api/connectors`
 * @param {any | null} integration
 * @param {(saved: any) => void} onSaved
 */
export function openConfigureDialog(connector, integration, onSaved) {
  const titleId = uid();
  const order = connector.ui.order;
  const main = settingsFields(
    connector,
    order.filter((p) => !connector.ui.fields[p].advanced),
    integration?.settings,
  );
  const advanced = settingsFields(
    connector,
    order.filter((p) => connector.ui.fields[p].advanced),
    integration?.settings,
  );
  const configured = new Map((integration?.secrets ?? []).map((s) => [s.name, s.configured]));
  const secrets = connector.secrets.map((secret) =>
    fieldFor(`secrets.${secret.name}`, secret, {}, undefined, {
      secret: true,
      configured: configured.get(secret.name) === true,
    }),
  );
  const { minMinutes, maxMinutes, defaultMinutes } = connector.interval;
  const interval = fieldFor(
    "intervalMinutes",
    {
      label: "Sync interval (minutes)",
      widget: "number",
      required: true,
      help: `Your ${connector.planName} plan allows every ${formatMinutes(minMinutes)} at the most often, and every ${formatMinutes(maxMinutes)} at the least.`,
    },
    { type: "integer", minimum: minMinutes, maximum: maxMinutes },
    integration?.intervalMinutes ?? defaultMinutes,
  );
  const summary = h("div", { class: "form-error", role: "alert", tabindex: "-1", hidden: true });
  const dialog = h("dialog", { "aria-labelledby": titleId });
  const submit = h("button", { type: "submit", class: "primary" }, integration ? "Save" : "Create");
  const form = h(
    "form",
    {
      method: "dialog",
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const values = readForm(form);
        submit.disabled = true;
        try {
          const body = {
            name: values.name ?? "",
            settings: values.settings ?? {},
            intervalMinutes: values.intervalMinutes,
            ...(values.secrets ? { secrets: values.secrets } : {}),
          };
          const saved = integration
            ? await call("PATCH", `/api/integrations/${encodeURIComponent(integration.id)}`, body)
            : await call("POST", "/api/integrations", { connectorId: connector.connectorId, ...body });
          dialog.close();
          toast(
            integration
              ? `Saved “${saved.name}”.`
              : `Created “${saved.name}”. Use Test connection to verify it.`,
          );
          onSaved(saved);
        } catch (error) {
          if (error instanceof ApiFailure) showIssues(form, summary, error);
          else throw error;
        } finally {
          submit.disabled = false;
        }
      },
    },
    h("h2", { id: titleId }, `Configure ${connector.title}`),
    connector.description ? h("p", { class: "lead" }, connector.description) : null,
    summary,
    connector.entitled
      ? null
      : h(
          "p",
          { class: "form-error" },
          `Your ${connector.planName} plan does not include the Interface Hub.`,
        ),
    fieldFor(
      "name",
      { label: "Name", widget: "text", required: true },
      { type: "string" },
      integration?.name ?? connector.title,
    ),
    main,
    secrets,
    interval,
    advanced.length > 0
      ? h("details", { class: "advanced" }, h("summary", null, "Advanced settings"), advanced)
      : null,
    h(
      "div",
      { class: "actions" },
      submit,
      h("button", { type: "button", onclick: () => dialog.close() }, "Cancel"),
    ),
  );
  form.addEventListener("change", () => applyConditions(form));
  applyConditions(form);
  dialog.append(form);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
