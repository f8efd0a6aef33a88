// Small DOM helpers: no framework, text always goes in as text (never as HTML).

/** Build an element: h("a", {href: "#/", class: "x"}, "text", child, ...). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace all children of ``el``. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function truncate(text, n) {
  if (!text) return "";
  return text.length > n ? text.slice(0, n - 1).trimEnd() + "…" : text;
}

export function eventHref(id) {
  return "#/event/" + encodeURIComponent(id);
}

/** An article's text with its quotes; with ``edgeId``, that edge's quote selected. */
export function articleHref(id, edgeId) {
  return `#/article/${encodeURIComponent(id)}${edgeId ? `/edge/${encodeURIComponent(edgeId)}` : ""}`;
}

export function nodeHref(id) {
  return "#/node/" + encodeURIComponent(id);
}

/** A date as "25 Jul 2022" (input is an ISO day as stored; anything else passes through). */
export function fmtDate(iso) {
  if (!iso) return "undated";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
