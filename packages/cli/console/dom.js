/**
 * A tiny element builder: `h("button", { type: "button", onclick }, "Save")`. Attributes starting with `on` are
 * listeners; `false`, `null` and `undefined` attributes and children are left out. Text is never parsed as HTML.
 * @param {string} tag
 * @param {Record<string, unknown> | null} [attrs]
 * @param {...unknown} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (name in element && name !== "list" && typeof value !== "string") element[name] = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

/** @param {Node} parent @param {unknown[]} children */
function append(parent, children) {
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === false || child === null || child === undefined) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of `parent`. @param {Element} parent @param {...unknown} children */
export function replace(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

/** @param {number} n */
export const formatNumber = (n) => n.toLocaleString("en-US");

/** @param {string | null | undefined} iso */
export const formatDate = (iso) => (iso ? new Date(iso).toLocaleString("en-GB", { hour12: false }) : "—");

/** `usersAndGroups` -> `Users and groups`. @param {string} value */
export const humanize = (value) => {
  const words = value.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Minutes in words: 90 -> "1 h 30 min". @param {number} minutes */
export const formatMinutes = (minutes) => {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return (
    [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean).join(" ") || "0 min"
  );
};

/** Announces a message in the polite live region for a few seconds. @param {string} text */
export function toast(text) {
  const region = document.getElementById("toast");
  if (!region) return;
  region.textContent = text;
  clearTimeout(Number(region.dataset.timer));
  region.dataset.timer = String(setTimeout(() => (region.textContent = ""), 6000));
}

/** A status badge with words, never color alone. @param {string} kind @param {string} text */
export const badge = (kind, text) => h("span", { class: `badge ${kind}` }, text);
