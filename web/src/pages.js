// The table pages: readout comparison of one event, the events ranking, the contested claims.
import { api } from "./api.js";
import { quoteCard } from "./evidence.js";
import { STATUS } from "./theme.js";
import { eventHref, fmtDate, h, mount, nodeHref } from "./util.js";

const STATUS_ORDER = ["asserted", "denied", "omitted", "silent"];

function statusLegend() {
  return h("div", { class: "status-legend" }, STATUS_ORDER.map((s) =>
    h("span", { class: "legend-item" }, h("span", { class: `cell-chip status-${s}` }, STATUS[s].mark || " "), STATUS[s].title)),
    h("span", { class: "muted small" }, "silent: the source gave no account of the claim. Click a cell for its evidence."));
}

/** #/event/<id>: claims × sources, each cell opening its evidence and article. */
export async function renderEvent(root, eventId) {
  mount(root, h("p", { class: "muted" }, "Loading the readout comparison…"));
  const cmp = await api.comparison(eventId);
  const cells = new Map(cmp.cells.map((c) => [`${c.claim_id}\u0000${c.source_id}`, c]));
  const rank = (claim) => {
    const statuses = cmp.sources.map((s) => (cells.get(`${claim.id}\u0000${s.id}`) || {}).status);
    return statuses.includes("denied") ? 0 : statuses.includes("omitted") ? 1 : 2;
  };
  // Disagreement first (denied, then omitted), the API's order within each group.
  const claims = cmp.claims.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
  const drawer = h("aside", { class: "drawer", id: "cell-details", "aria-label": "Evidence" },
    h("p", { class: "muted" }, "Click a cell to see the quotes behind it and their article."));
  const ev = cmp.event;
  const names = Object.fromEntries(cmp.sources.map((s) => [s.id, s.name || s.id]));

  const openCell = async (claim, source, cell, td) => {
    root.querySelectorAll("td.selected").forEach((x) => x.classList.remove("selected"));
    td.classList.add("selected");
    const head = [h("div", { class: "drawer-head" }, h("span", { class: `cell-chip status-${cell.status}` }, STATUS[cell.status].mark || " "),
      h("strong", {}, source.name || source.id), ` ${STATUS[cell.status].title}`),
    h("p", { class: "claim-text" }, claim.text)];
    if (cell.status === "silent") {
      mount(drawer, head, h("p", { class: "muted" }, `${source.name || source.id} gave no account of this claim.`));
      return;
    }
    mount(drawer, head, cell.evidence.map((e) => quoteCard(e, { showSource: false, names })));
    // The provenance endpoint names the articles (title, outlet, date, link).
    try {
      const prov = await api.provenance(claim.id);
      if (!td.classList.contains("selected")) return;
      const items = prov.items.filter((i) => i.source_id === source.id && i.type === cell.evidence[0]?.type);
      if (items.length) mount(drawer, head, items.map((e) => quoteCard(e, { showSource: false, names })));
    } catch (_) { /* keep the evidence already shown */ }
  };

  const table = h("table", { class: "matrix", id: "comparison" },
    h("thead", {}, h("tr", {}, h("th", { class: "claim-col" }, `Claim (${cmp.total_claims})`),
      cmp.sources.map((s) => h("th", { class: "source-col", dataset: { sourceId: s.id } }, h("a", { href: nodeHref(s.id) }, s.name || s.id))))),
    h("tbody", {}, claims.map((claim) => h("tr", { dataset: { claimId: claim.id } },
      h("th", { class: "claim-col", scope: "row" }, h("a", { href: nodeHref(claim.id), class: "claim-link" }, claim.text || claim.id)),
      cmp.sources.map((source) => {
        const cell = cells.get(`${claim.id}\u0000${source.id}`) || { status: "silent", evidence: [] };
        const td = h("td", {
          class: `cell status-${cell.status}`, tabindex: 0, title: `${source.name}: ${cell.status}`,
          dataset: { status: cell.status, sourceId: source.id, sourceName: source.name || source.id, claimId: claim.id },
        }, h("span", { class: `cell-chip status-${cell.status}` }, STATUS[cell.status].mark || " "),
        h("span", { class: "cell-label" }, cell.status === "silent" ? "" : STATUS[cell.status].title));
        const open = () => openCell(claim, source, cell, td).catch(() => {});
        td.addEventListener("click", open);
        td.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
        return td;
      })))));

  mount(root,
    h("div", { class: "page-head" },
      h("a", { href: "#/events", class: "muted small" }, "← Events"),
      h("h1", {}, ev.name || ev.id),
      h("p", { class: "muted" }, [fmtDate(ev.date), ev.kind && ev.kind.replace(/_/g, " ")].filter(Boolean).join(" · "), " · ",
        h("a", { href: nodeHref(ev.id) }, "show in graph")),
      datesDisagree(ev.dates_given || []),
      statusLegend()),
    h("div", { class: "matrix-layout" }, h("div", { class: "matrix-wrap" }, table), drawer));
  root.dataset.state = "ready";
}

/** "Reports disagree on the date": each date the reports give, with how many give it. */
function datesDisagree(given) {
  const reports = new Map();
  for (const entry of given) {
    const [day, precision] = entry.split(" ");
    const key = `${day} ${precision}`;
    reports.set(key, (reports.get(key) || 0) + 1);
  }
  if (new Set([...reports.keys()].map((k) => k.split(" ")[0])).size < 2) return null;
  const parts = [...reports.entries()].map(([key, n]) =>
    `${fmtDate(key.split(" ")[0])} (${n} report${n === 1 ? "" : "s"})`);
  return h("p", { class: "muted", id: "dates-given" }, `Reports disagree on the date: ${parts.join(" · ")}`);
}

/** #/events: events ranked by disagreement. */
export async function renderEvents(root) {
  mount(root, h("p", { class: "muted" }, "Loading events…"));
  const events = await api.contestedEvents({});
  mount(root,
    h("div", { class: "page-head" }, h("h1", {}, "Events"),
      h("p", { class: "muted" }, "Ranked by disagreement: 2 × denials + omissions. Open one for its readout comparison.")),
    h("table", { class: "list", id: "events" },
      h("thead", {}, h("tr", {}, ["Date", "Event", "Claims", "Denials", "Omissions", "Score"].map((t) => h("th", {}, t)))),
      h("tbody", {}, events.map((e) => h("tr", { dataset: { eventId: e.event_id } },
        h("td", { class: "nowrap" }, fmtDate(e.date)),
        h("td", {}, h("a", { href: eventHref(e.event_id) }, e.name || e.event_id)),
        h("td", { class: "num" }, e.claims), h("td", { class: e.denials ? "num denied-count" : "num" }, e.denials),
        h("td", { class: "num" }, e.omissions), h("td", { class: "num" }, h("strong", {}, e.score)))))));
  if (!events.length) root.append(h("p", { class: "muted" }, "No events yet: ingest some articles."));
  root.dataset.state = "ready";
}

/** #/contested: claims one source asserts and another denies, newest event first. */
export async function renderContested(root) {
  mount(root, h("p", { class: "muted" }, "Loading contested claims…"));
  const items = await api.deniedClaims({});
  mount(root,
    h("div", { class: "page-head" }, h("h1", {}, "Contested claims"),
      h("p", { class: "muted" }, `${items.length} claim(s) asserted by one source and denied by another, newest event first.`)),
    h("div", { class: "contested-list", id: "contested" }, items.map((c) => h("article", { class: "contested-item", dataset: { claimId: c.claim_id } },
      h("div", { class: "contested-meta" },
        h("span", { class: "date" }, fmtDate(c.event_date)),
        c.event_id ? h("a", { href: eventHref(c.event_id), class: "event-link" }, c.event_name || c.event_id) : h("span", { class: "muted" }, "no event")),
      h("h2", { class: "claim-text" }, h("a", { href: nodeHref(c.claim_id) }, c.claim_text || c.claim_id)),
      h("div", { class: "two-col" },
        h("div", {}, h("h3", { class: "asserted-head" }, `Asserted by (${c.asserted_by.length})`), c.asserted_by.map((e) => quoteCard(e))),
        h("div", {}, h("h3", { class: "denied-head" }, `Denied by (${c.denied_by.length})`), c.denied_by.map((e) => quoteCard(e))))))));
  if (!items.length) root.append(h("p", { class: "muted" }, "No claim is denied by another source yet."));
  root.dataset.state = "ready";
}
