import { ApiFailure, call } from "./api.js";
import { formatMinutes, h, humanize, toast } from "./dom.js";

let nextId = 0;
const uid = () => `f${++nextId}`;

/**
 * One input for a JSON Schema property, labelled, with help and an error slot.
 * @param {string} path where the value goes (`settings.tenantId`), matched against the API's issue paths
 * @param {any} schema @param {unknown} value @param {{ required?: boolean; configured?: boolean }} [flags]
 */
function fieldFor(path, schema, value, flags = {}) {
  const id = uid();
  const helpId = `${id}-help`;
  const help = [];
  const common = { id, "data-path": path, "aria-describedby": helpId, name: path };
  let input;
  if (schema.type === "object" && schema.properties) {
    const fieldset = h("fieldset", { "data-group": path }, h("legend", null, schema.title ?? humanize(path)));
    const required = new Set(schema.required ?? []);
    for (const [name, child] of Object.entries(schema.properties))
      fieldset.append(fieldFor(`${path}.${name}`, child, value?.[name], { required: required.has(name) }));
    return fieldset;
  }
  if (Array.isArray(schema.enum)) {
    input = h(
      "select",
      common,
      schema.enum.map((option) =>
        h(
          "option",
          { value: option, selected: (value ?? schema.default) === option },
          humanize(String(option)),
        ),
      ),
    );
  } else if (schema.type === "boolean") {
    input = h("input", { ...common, type: "checkbox", checked: value ?? schema.default ?? false });
  } else if (schema.type === "array") {
    input = h("input", { ...common, type: "text", value: Array.isArray(value) ? value.join(", ") : "" });
    input.dataset.kind = "list";
    help.push("Comma-separated.");
  } else if (schema.type === "integer" || schema.type === "number") {
    input = h("input", {
      ...common,
      type: "number",
      value: value ?? "",
      min: schema.minimum,
      max: schema.maximum,
    });
    input.dataset.kind = "number";
  } else if (schema.writeOnly) {
    input = h("input", {
      ...common,
      type: "password",
      autocomplete: "new-password",
      placeholder: flags.configured ? "Configured: leave empty to keep" : "",
    });
    input.dataset.kind = "secret";
    help.push(
      flags.configured
        ? "Stored encrypted. It is never shown again; type a new value to replace it."
        : "Stored encrypted and never shown again: only “configured”.",
    );
  } else {
    input = h("input", {
      ...common,
      type: "text",
      value: value ?? "",
      spellcheck: false,
      autocomplete: "off",
    });
  }
  if (flags.required) input.setAttribute("aria-required", "true");
  input.addEventListener("input", () => {
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", helpId);
    const error = document.getElementById(`${id}-error`);
    if (error) error.hidden = true;
  });
  if (schema.description) help.unshift(schema.description);
  return h(
    "div",
    { class: "field" },
    h(
      "label",
      { for: id },
      schema.title ?? humanize(path.split(".").at(-1) ?? path),
      flags.required ? " (required)" : "",
      flags.configured ? " " : "",
      flags.configured ? h("span", { class: "badge configured" }, "configured") : null,
    ),
    input,
    h("p", { class: "help", id: helpId }, help.join(" ")),
    h("p", { class: "error", id: `${id}-error`, hidden: true }),
  );
}

/** Reads the dialog's inputs into `{ settings, secrets, ... }`; empty fields are left out. @param {HTMLFormElement} form */
function readForm(form) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const input of form.querySelectorAll("[data-path]")) {
    const path = input.dataset.path.split(".");
    let value;
    if (input.type === "checkbox") value = input.checked;
    else if (input.dataset.kind === "number") value = input.value === "" ? undefined : Number(input.value);
    else if (input.dataset.kind === "list")
      value = input.value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    else value = input.dataset.kind === "secret" ? input.value : input.value.trim();
    if (value === undefined || value === "") continue;
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
    const advanced = input.closest("details");
    if (advanced) advanced.open = true;
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
  const required = new Set(connector.settings.required ?? []);
  const main = [];
  const advanced = [];
  for (const [name, schema] of Object.entries(connector.settings.properties ?? {})) {
    const field = fieldFor(`settings.${name}`, schema, integration?.settings?.[name], {
      required: required.has(name),
    });
    const plain = required.has(name) || (schema.enum && schema.default !== undefined);
    (plain ? main : advanced).push(field);
  }
  const configured = new Map((integration?.secrets ?? []).map((s) => [s.name, s.configured]));
  const secrets = Object.entries(connector.secrets.properties ?? {}).map(([name, schema], i) => ({
    field: fieldFor(`secrets.${name}`, schema, undefined, { configured: configured.get(name) === true }),
    main: i === 0,
  }));
  const { minimumMinutes, maximumMinutes, planName } = connector.interval;
  const interval = fieldFor(
    "intervalMinutes",
    {
      title: "Sync interval (minutes)",
      type: "integer",
      minimum: minimumMinutes,
      maximum: maximumMinutes,
      description: `Your ${planName} plan allows every ${formatMinutes(minimumMinutes)} at the most often, and every ${formatMinutes(maximumMinutes)} at the least.`,
    },
    integration?.intervalMinutes ?? Math.max(60, minimumMinutes),
    { required: true },
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
            : await call("POST", "/api/integrations", { connectorId: connector.id, ...body });
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
    fieldFor("name", { title: "Name", type: "string" }, integration?.name ?? connector.title, {
      required: true,
    }),
    main,
    secrets.filter((s) => s.main).map((s) => s.field),
    interval,
    h(
      "details",
      { class: "advanced" },
      h("summary", null, "Advanced settings"),
      advanced,
      secrets.filter((s) => !s.main).map((s) => s.field),
    ),
    h(
      "div",
      { class: "actions" },
      submit,
      h("button", { type: "button", onclick: () => dialog.close() }, "Cancel"),
    ),
  );
  dialog.append(form);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
}
