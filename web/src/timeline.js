// #/timeline: every event in date order, month by month, each with its claims, the
// sources that gave an account and the disagreement among them; undated events apart.
import { all } from "./api.js";
import { eventHref, fmtDate, h, mount } from "./util.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

function monthOf(day) {
  const m = /^(\d{4})-(\d{2})/.exec(day || "");
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : "Undated";
}

function entry(e) {
  const tone = e.denials ? "denied" : e.omissions ? "omitted" : e.claims ? "asserted" : "silent";
  return h("li", { class: `timeline-event status-${tone}`, dataset: { eventId: e.event_id } },
    h("span", { class: "date" }, e.date ? fmtDate(e.date) : "undated"),
    h("a", { href: eventHref(e.event_id), class: "event-link" }, e.name || e.event_id),
    h("span", { class: "muted small" },
      ` · ${e.claims} claim(s), ${e.sources} source(s)`,
      e.denials ? ` · ${e.denials} denial(s)` : "", e.omissions ? ` · ${e.omissions} omission(s)` : ""));
}

export async function renderTimeline(root) {
  mount(root, h("p", { class: "muted" }, "Loading the timeline…"));
  const events = await all("events", {}, 20000);
  const groups = new Map();
  for (const e of events) {
    const key = monthOf(e.date);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }
  const undated = events.filter((e) => !e.date).length;
  mount(root,
    h("div", { class: "page-head" }, h("h1", {}, "Timeline"),
      h("p", { class: "muted" }, `${events.length} event(s) by date${undated ? `; ${undated} undated, listed apart at the end` : ""}. `
        + "Open one for its readout comparison.")),
    h("div", { class: "timeline", id: "timeline" }, [...groups].map(([month, items]) => h("section", { class: "timeline-month", dataset: { month } },
      h("h2", {}, month), h("ol", {}, items.map(entry))))));
  if (!events.length) root.append(h("p", { class: "muted" }, "No events yet: ingest some articles."));
  root.dataset.state = "ready";
}
