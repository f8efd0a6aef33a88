// Graph explorer: the graph drawn with Cytoscape.js, filters, search, details and expansion.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import { api } from "./api.js";
import { articleLine, badge, quoteCard } from "./evidence.js";
import { EDGE_TYPES, NODE_TYPES, edgeSwatch, nodeSwatch } from "./theme.js";
import { debounce, eventHref, fmtDate, h, mount, truncate } from "./util.js";

cytoscape.use(fcose);

// Above this many nodes the explorer starts from the most contested events, not everything.
const FULL_GRAPH_MAX = 2500;
const START_EVENTS = 5;
const START_CLAIMS = 8; // per event: the denied ones first, then the omitted, then corroborated
const START_NODES = 100; // what one /export?node=… request takes
const ACCOUNT_TYPES = ["ASSERTS", "DENIES", "OMITS"];
const HIDDEN_PROPS = new Set(["id", "label", "display", "source", "target", "content_hash"]);

function cyStyle() {
  const style = [
    {
      selector: "node",
      style: {
        label: "data(display)",
        "font-size": 10,
        "font-family": "system-ui, sans-serif",
        color: "#1f2937",
        "text-wrap": "wrap",
        "text-max-width": 130,
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-outline-color": "#ffffff",
        "text-outline-width": 2,
        "text-outline-opacity": 0.85,
        "min-zoomed-font-size": 7,
        width: 22,
        height: 22,
        "border-width": 0,
      },
    },
  ];
  for (const [label, t] of Object.entries(NODE_TYPES)) {
    style.push({ selector: `node[label = "${label}"]`, style: { "background-color": t.color, shape: t.shape } });
  }
  style.push(
    { selector: 'node[label = "Source"]', style: { width: 34, height: 22, "font-weight": 600, "font-size": 11 } },
    { selector: 'node[label = "Actor"]', style: { width: 24, height: 24 } },
    { selector: 'node[label = "Event"]', style: { width: 34, height: 34, "font-weight": 600, "font-size": 11 } },
    { selector: 'node[label = "Claim"]', style: { width: 14, height: 14, "font-size": 8, "min-zoomed-font-size": 10, color: "#374151", "text-max-width": 110 } },
    { selector: 'node[label = "Article"]', style: { width: 14, height: 18, "font-size": 8 } },
    // A claim some source denies: red ring, so contested points stand out.
    { selector: "node.contested", style: { "border-width": 3, "border-color": "#dc2626" } },
    {
      selector: "edge",
      style: {
        width: 1,
        "curve-style": "bezier",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.7,
        opacity: 0.9,
      },
    },
  );
  for (const [type, t] of Object.entries(EDGE_TYPES)) {
    const s = { "line-color": t.color, "target-arrow-color": t.color, width: t.width, "line-style": t.style };
    if (type === "DENIES") Object.assign(s, { "line-dash-pattern": [7, 4], "target-arrow-shape": "tee", "arrow-scale": 1 });
    if (type === "OMITS") Object.assign(s, { "line-dash-pattern": [1, 4], "line-cap": "round", "target-arrow-shape": "circle", "target-arrow-fill": "hollow", "arrow-scale": 0.8 });
    if (!t.account) s["target-arrow-shape"] = "none";
    style.push({ selector: `edge[type = "${type}"]`, style: s });
  }
  style.push(
    { selector: "edge.show-label, edge:selected", style: { label: "data(type)", "font-size": 8, color: "#374151", "text-rotation": "autorotate", "text-outline-color": "#fff", "text-outline-width": 2 } },
    { selector: ".faded", style: { opacity: 0.12, "text-opacity": 0 } },
    { selector: "node.hl", style: { "text-opacity": 1, "z-index": 9 } },
    { selector: 'node.hl[label = "Claim"]', style: { "min-zoomed-font-size": 6 } },
    // The large graph's start view holds few claims: their text is the point, so show it.
    { selector: 'node.readable[label = "Claim"]', style: { "font-size": 9, "min-zoomed-font-size": 4 } },
    { selector: "node:selected", style: { "border-width": 3, "border-color": "#111827", "z-index": 10 } },
    { selector: "edge:selected", style: { width: 4, "z-index": 10 } },
    { selector: ".hidden", style: { display: "none" } },
  );
  return style;
}

function displayOf(data) {
  switch (data.label) {
    case "Claim": return truncate(data.text, 48);
    case "Event": return data.date ? `${(data.kind || "event").replace(/_/g, " ")} · ${fmtDate(data.date)}` : truncate(data.name, 50);
    case "Article": return truncate(data.title || data.outlet || "article", 32);
    default: return data.name || data.id;
  }
}

function titleOf(data) {
  if (data.label === "Claim") return data.text;
  if (data.label === "Article" && !data.title) return `Article${data.outlet ? ` in ${data.outlet}` : ""}${data.published ? ` of ${fmtDate(data.published)}` : ""}`;
  return data.name || data.title || data.id;
}

/**
 * The API's Cytoscape export in the explorer's own shape: here a node's ``label`` is its
 * type (the styles and filters select on it) and the shown name is ``display``; the
 * export calls the type ``labels`` and the name ``label``.
 */
function fromCytoscape(elements) {
  return {
    nodes: elements.nodes.map((n) => ({ data: { ...n.data, label: n.data.labels, labels: undefined } })),
    edges: elements.edges,
  };
}

/** A /nodes/{id}/neighbourhood answer (GraphExport) as Cytoscape elements. */
function exportToElements(exp) {
  return {
    nodes: exp.nodes.map((n) => ({ data: { ...n.properties, id: n.id, label: n.labels[0] } })),
    edges: exp.relationships.map((r) => ({ data: { ...r.properties, id: r.id, source: r.start, target: r.end, type: r.type } })),
  };
}

/**
 * Where a large graph opens: the most contested events, the points they are contested
 * on, and the sources with their ASSERTS / DENIES / OMITS edges on those points, plus
 * the events' participants; at most START_NODES nodes, with every edge among them.
 * (Depth 1 around an event would bring all its claims and none of the sources.)
 */
async function startView() {
  const events = (await api.topContested(START_EVENTS)).map((e) => e.event_id);
  const ids = new Set(events);
  const rank = { denied: 0, omitted: 1, asserted: 2 };
  for (const eventId of events) {
    const [cmp, near] = await Promise.all([api.comparison(eventId), api.neighbourhood(eventId, 1, 200)]);
    for (const n of near.nodes) if (n.labels[0] === "Actor") ids.add(n.id);
    const score = (claim) => {
      const cells = cmp.cells.filter((c) => c.claim_id === claim.id && c.status !== "silent");
      const best = Math.min(...cells.map((c) => rank[c.status]), 9);
      return best < 2 ? best : cells.length > 1 ? 2 : 9;  // a lone assertion is not a point of contention
    };
    const claims = cmp.claims.map((c) => ({ c, s: score(c) })).filter((x) => x.s < 9)
      .sort((a, b) => a.s - b.s).slice(0, START_CLAIMS).map((x) => x.c.id);
    for (const claimId of claims) {
      if (ids.size >= START_NODES) break;
      ids.add(claimId);
      for (const cell of cmp.cells) if (cell.claim_id === claimId && cell.status !== "silent") ids.add(cell.source_id);
    }
  }
  if (!ids.size) return { elements: { nodes: [], edges: [] } };
  return api.exportCytoscape([...ids].slice(0, START_NODES), 0);
}

export class Explorer {
  constructor(root, { onStatus, onError }) {
    this.root = root;
    this.onStatus = onStatus;
    this.onError = onError;
    this.pinned = new Set(); // ids shown whatever the filters (expanded or searched for)
    this.filters = { from: "", to: "", actor: "", source: "", edges: new Set(Object.keys(EDGE_TYPES)), nodes: new Set(Object.keys(NODE_TYPES)) };
    this.filters.nodes.delete("Article"); // articles show as provenance; on request as nodes
    this.detailsEl = root.querySelector("#details");
    this.cy = cytoscape({
      container: root.querySelector("#cy"),
      style: cyStyle(),
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    this.ready = this.load();
    this.bindControls();
    this.bindGraph();
  }

  async load() {
    this.onStatus("Loading graph…");
    const stats = await api.stats();
    this.stats = stats;
    let data;
    const forced = new URLSearchParams(window.location.search).get("view") === "start";
    if (stats.total_nodes <= FULL_GRAPH_MAX && !forced) {
      data = await api.exportCytoscape();
      this.partial = false;
    } else {
      data = await startView();
      this.partial = true;
    }
    this.addElements(fromCytoscape(data.elements));
    if (this.partial) this.cy.nodes('[label = "Claim"]').addClass("readable");
    this.fillSelects();
    this.applyFilters();
    this.layout(false);
    this.onStatus("");
    this.root.dataset.state = "ready";
  }

  addElements({ nodes, edges }) {
    const cy = this.cy;
    const fresh = [];
    for (const n of nodes) {
      if (cy.getElementById(n.data.id).nonempty()) continue;
      fresh.push({ group: "nodes", data: { ...n.data, display: displayOf(n.data) } });
    }
    const added = cy.add(fresh);
    const ids = new Set(cy.nodes().map((n) => n.id()));
    const freshEdges = edges
      .filter((e) => cy.getElementById(e.data.id).empty() && ids.has(e.data.source) && ids.has(e.data.target))
      .map((e) => ({ group: "edges", data: e.data }));
    cy.add(freshEdges);
    cy.nodes('[label = "Claim"]').forEach((c) => {
      c.toggleClass("contested", c.incomers('edge[type = "DENIES"]').nonempty());
    });
    return added;
  }

  fillSelects() {
    const fill = (select, label, current) => {
      const nodes = this.cy.nodes(`[label = "${label}"]`).sort((a, b) => (a.data("name") || "").localeCompare(b.data("name") || ""));
      mount(select, h("option", { value: "" }, `any ${label.toLowerCase()}`),
        nodes.map((n) => h("option", { value: n.id(), selected: n.id() === current }, n.data("name") || n.id())));
    };
    fill(this.root.querySelector("#f-actor"), "Actor", this.filters.actor);
    fill(this.root.querySelector("#f-source"), "Source", this.filters.source);
  }

  bindControls() {
    const $ = (sel) => this.root.querySelector(sel);
    const edgesBox = $("#f-edges");
    for (const [type, t] of Object.entries(EDGE_TYPES)) {
      edgesBox.append(h("label", { class: `legend-item${t.account ? " account" : ""}` },
        h("input", { type: "checkbox", value: type, checked: this.filters.edges.has(type), dataset: { edgeType: type },
          onchange: (e) => { e.target.checked ? this.filters.edges.add(type) : this.filters.edges.delete(type); this.applyFilters(); } }),
        edgeSwatch(type), h("span", {}, t.account ? h("strong", {}, type) : type.replace("_", " ").toLowerCase())));
    }
    const nodesBox = $("#f-nodes");
    for (const label of Object.keys(NODE_TYPES)) {
      nodesBox.append(h("label", { class: "legend-item" },
        h("input", { type: "checkbox", value: label, checked: this.filters.nodes.has(label),
          onchange: (e) => { e.target.checked ? this.filters.nodes.add(label) : this.filters.nodes.delete(label); this.applyFilters(); } }),
        nodeSwatch(label), h("span", {}, label)));
    }
    nodesBox.append(h("div", { class: "legend-item small muted" },
      h("span", { class: "ring" }), "claim denied by some source"));
    // The always-visible legend over the graph: the account edges.
    mount($("#graph-legend"), ACCOUNT_TYPES.map((type) => h("span", { class: "legend-item" }, edgeSwatch(type), EDGE_TYPES[type].title)),
      Object.keys(NODE_TYPES).filter((l) => l !== "Article").map((l) => h("span", { class: "legend-item" }, nodeSwatch(l), l)));

    const onFilter = () => {
      this.filters.from = $("#f-from").value;
      this.filters.to = $("#f-to").value;
      this.filters.actor = $("#f-actor").value;
      this.filters.source = $("#f-source").value;
      this.applyFilters();
      this.layout(true);
    };
    for (const sel of ["#f-from", "#f-to", "#f-actor", "#f-source"]) $(sel).addEventListener("change", onFilter);
    $("#b-reset").addEventListener("click", () => {
      for (const sel of ["#f-from", "#f-to", "#f-actor", "#f-source"]) $(sel).value = "";
      this.pinned.clear();
      onFilter();
    });
    $("#b-layout").addEventListener("click", () => this.layout(true));
    $("#b-fit").addEventListener("click", () => this.fit(true));

    // Search through the API (it knows aliases and the whole graph, not only what is drawn).
    const input = $("#search");
    const list = $("#search-results");
    let hits = [];
    const run = debounce(async () => {
      const q = input.value.trim();
      if (!q) { list.hidden = true; return; }
      try {
        const page = await api.search(q, 20);
        if (input.value.trim() !== q) return;
        hits = page.items;
        mount(list, hits.length ? hits.map((hit) => h("li", {},
          h("button", { type: "button", class: "hit", dataset: { id: hit.id, label: hit.label },
            onclick: () => { list.hidden = true; this.focusNode(hit.id); } },
          nodeSwatch(hit.label), h("span", {}, truncate(hit.title, 90))))) : h("li", { class: "muted small" }, "No match."));
        list.hidden = false;
      } catch (err) { this.onError(err); }
    }, 200);
    input.addEventListener("input", run);
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && hits.length) { list.hidden = true; this.focusNode(hits[0].id); }
      if (e.key === "Escape") list.hidden = true;
    });
  }

  bindGraph() {
    const cy = this.cy;
    cy.on("tap", "node", (e) => this.select(e.target));
    cy.on("tap", "edge", (e) => this.select(e.target));
    cy.on("tap", (e) => { if (e.target === cy) this.clearSelection(); });
    cy.on("mouseover", "edge", (e) => e.target.addClass("show-label"));
    cy.on("mouseout", "edge", (e) => e.target.removeClass("show-label"));
    cy.on("dbltap", "node", (e) => this.expand(e.target.id()));
  }

  /** Which nodes pass the date, actor and source filters (null: no such filter is set). */
  passing() {
    const f = this.filters;
    const cy = this.cy;
    if (!f.from && !f.to && !f.actor && !f.source) return null;
    const inRange = (date) => !!date && (!f.from || date >= f.from) && (!f.to || date <= f.to.slice(0, 10) + "\uffff");
    const eventOk = (ev) => (!f.from && !f.to) || inRange(ev.data("date"));
    const keep = cy.collection();
    cy.nodes('[label = "Claim"]').forEach((claim) => {
      const events = claim.outgoers('edge[type = "ABOUT"]').targets();
      if ((f.from || f.to) && !events.some(eventOk)) return;
      if (f.actor) {
        const mentions = claim.outgoers('edge[type = "MENTIONS"]').targets().some((a) => a.id() === f.actor);
        const takesPart = events.some((ev) => ev.outgoers('edge[type = "PARTICIPANT"]').targets().some((a) => a.id() === f.actor));
        if (!mentions && !takesPart) return;
      }
      if (f.source && !claim.incomers("edge").some((e) => ACCOUNT_TYPES.includes(e.data("type")) && e.source().id() === f.source)) return;
      keep.merge(claim);
    });
    // Everything one hop from a passing claim (events, sources, actors), then what reports the events.
    let shown = keep.union(keep.neighborhood().nodes());
    if (!f.source) {
      // Events of the period/actor with no claims still count.
      cy.nodes('[label = "Event"]').forEach((ev) => {
        if (!eventOk(ev)) return;
        if (f.actor && !ev.outgoers('edge[type = "PARTICIPANT"]').targets().some((a) => a.id() === f.actor)) return;
        shown = shown.union(ev).union(ev.outgoers('edge[type = "PARTICIPANT"]').targets());
      });
    }
    const events = shown.filter('[label = "Event"]');
    shown = shown.union(events.incomers('edge[type = "REPORTS"]').sources());
    for (const id of [f.actor, f.source]) if (id) shown = shown.union(cy.getElementById(id));
    return new Set(shown.map((n) => n.id()));
  }

  applyFilters() {
    const cy = this.cy;
    const f = this.filters;
    const pass = this.passing();
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const visible = this.pinned.has(n.id()) || (f.nodes.has(n.data("label")) && (!pass || pass.has(n.id())));
        n.toggleClass("hidden", !visible);
      });
      cy.edges().forEach((e) => {
        const visible = f.edges.has(e.data("type")) && !e.source().hasClass("hidden") && !e.target().hasClass("hidden");
        e.toggleClass("hidden", !visible);
      });
    });
    const nodes = this.shown().nodes().length;
    const edges = this.shown().edges().length;
    const total = this.stats ? ` of ${this.stats.total_nodes} nodes, ${this.stats.total_relationships} edges in the graph` : "";
    mount(this.root.querySelector("#counts"), `Showing ${nodes} nodes and ${edges} edges${total}.`,
      this.partial ? h("span", {}, " Large graph: started from the most contested events, the points they are contested on and the sources' accounts of them; search or double-click a node to expand.") : null);
    const sel = cy.$(":selected");
    if (sel.nonempty() && !sel.hasClass("hidden")) this.highlight(sel);
    else if (sel.nonempty()) this.clearSelection();
  }

  fit(animate = false) {
    if (animate) this.cy.animate({ fit: { eles: this.shown(), padding: 30 } }, { duration: 250 });
    else this.cy.fit(this.shown(), 30);
  }

  /** What the filters leave drawn (by class: cytoscape's :visible can lag a style change). */
  shown() {
    return this.cy.elements().not(".hidden");
  }

  layout(animate) {
    const eles = this.shown();
    if (eles.empty()) return;
    eles.layout({
      name: "fcose",
      quality: "proof",
      randomize: true,
      animate: !!animate,
      animationDuration: 400,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: this.shown().nodes().length < 25,
      nodeRepulsion: (n) => (n.data("label") === "Claim" ? 4500 : 9000),
      idealEdgeLength: (e) => (ACCOUNT_TYPES.includes(e.data("type")) ? 90 : e.data("type") === "MENTIONS" ? 110 : 60),
      edgeElasticity: (e) => (e.data("type") === "MENTIONS" ? 0.1 : 0.45),
      nodeSeparation: 60,
      packComponents: true,
      stop: () => {
        // A handful of nodes would be fitted at a giant zoom: cap it.
        if (this.cy.zoom() > 1.4) {
          this.cy.zoom(1.4);
          this.cy.center(eles);
        }
      },
    }).run();
  }

  highlight(ele) {
    const cy = this.cy;
    const near = ele.isNode() ? ele.closedNeighborhood() : ele.union(ele.connectedNodes());
    cy.batch(() => {
      cy.elements().removeClass("hl").addClass("faded");
      near.removeClass("faded").addClass("hl");
    });
  }

  clearSelection() {
    this.cy.elements().removeClass("faded hl");
    this.cy.$(":selected").unselect();
    mount(this.detailsEl, h("p", { class: "muted" }, "Click a node or an edge to see its details and provenance quotes."));
  }

  select(ele) {
    this.cy.$(":selected").unselect();
    ele.select();
    this.highlight(ele);
    this.showDetails(ele).catch((err) => this.onError(err));
  }

  /** Select a node by id, fetching it and its neighbours through the API when it is not drawn. */
  async focusNode(id) {
    await this.ready;
    let node = this.cy.getElementById(id);
    if (node.empty() || node.hasClass("hidden")) {
      if (node.empty()) await this.expand(id, { quiet: true });
      this.pinned.add(id);
      this.applyFilters();
      node = this.cy.getElementById(id);
    }
    if (node.empty()) return;
    this.select(node);
    this.cy.animate({ center: { eles: node }, zoom: Math.max(this.cy.zoom(), 1.3) }, { duration: 300 });
  }

  async expand(id, { quiet = false } = {}) {
    if (!quiet) this.onStatus("Expanding…");
    const exp = await api.neighbourhood(id, 1, 200);
    const elements = exportToElements(exp);
    const centre = this.cy.getElementById(id);
    const origin = centre.nonempty() ? centre.position() : { x: 0, y: 0 };
    const added = this.addElements(elements);
    // New nodes start on a ring round the node they came from.
    added.forEach((n, i) => {
      const a = (2 * Math.PI * i) / Math.max(added.length, 1);
      n.position({ x: origin.x + 120 * Math.cos(a), y: origin.y + 120 * Math.sin(a) });
    });
    for (const n of elements.nodes) this.pinned.add(n.data.id);
    this.fillSelects();
    this.applyFilters();
    if (!quiet) {
      this.onStatus(added.length ? `Added ${added.length} node(s).` : "All neighbours already shown.");
      setTimeout(() => this.onStatus(""), 2500);
      const n = this.cy.getElementById(id);
      if (n.nonempty()) this.select(n);
    }
  }

  // -- details panel ---------------------------------------------------------

  async showDetails(ele) {
    const panel = this.detailsEl;
    if (ele.isEdge()) return this.showEdge(ele);
    const d = ele.data();
    const props = Object.entries(d).filter(([k, v]) => !HIDDEN_PROPS.has(k) && v !== null && v !== "" && !(d.label === "Claim" && k === "text"));
    const actions = h("div", { class: "buttons" },
      h("button", { type: "button", id: "b-expand", onclick: () => this.expand(d.id).catch((e) => this.onError(e)) }, "Expand neighbours"),
      d.label === "Event" ? h("a", { class: "button primary", href: eventHref(d.id) }, "Readout comparison →") : null);
    const body = h("div", { class: "details-body" });
    mount(panel,
      h("div", { class: "details-head" }, nodeSwatch(d.label), h("span", { class: "kind" }, d.label)),
      h("h2", { class: d.label === "Claim" ? "claim-text" : "" }, titleOf(d)),
      h("div", { class: "muted small mono" }, d.id),
      actions,
      body,
      props.length ? h("details", { class: "props" }, h("summary", {}, "Properties"),
        h("table", {}, props.map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", {}, Array.isArray(v) ? v.join(", ") : String(v)))))) : null);
    if (d.label === "Claim") await this.claimDetails(ele, body);
    else if (d.label === "Event") this.eventDetails(ele, body);
    else if (d.label === "Source") this.sourceDetails(ele, body);
    else if (d.label === "Actor") this.actorDetails(ele, body);
  }

  async claimDetails(node, body) {
    mount(body, h("p", { class: "muted small" }, "Loading provenance…"));
    const prov = await api.provenance(node.id());
    if (this.cy.$(":selected").id() !== node.id()) return;
    const groups = ACCOUNT_TYPES.map((t) => prov.items.filter((i) => i.type === t)).filter((g) => g.length);
    mount(body,
      prov.event_id ? h("p", {}, "About ", h("a", { href: eventHref(prov.event_id) }, prov.event_name || prov.event_id),
        prov.event_date && !(prov.event_name || "").includes(prov.event_date) ? h("span", { class: "muted" }, ` (${fmtDate(prov.event_date)})`) : null) : null,
      h("h3", {}, `Provenance (${prov.total_items})`),
      groups.length ? groups.map((g) => g.map((item) => quoteCard(item))) : h("p", { class: "muted" }, "No account recorded."));
  }

  eventDetails(node, body) {
    const parts = node.outgoers('edge[type = "PARTICIPANT"]');
    const claims = node.incomers('edge[type = "ABOUT"]').sources();
    mount(body,
      h("p", {}, h("strong", {}, fmtDate(node.data("date"))), node.data("kind") ? ` · ${node.data("kind").replace(/_/g, " ")}` : ""),
      parts.nonempty() ? h("p", {}, "Participants: ", parts.map((e, i) => [i ? ", " : "",
        h("a", { href: "#", onclick: (ev) => { ev.preventDefault(); this.focusNode(e.target().id()); } }, e.target().data("name")),
        e.data("role") ? h("span", { class: "muted" }, ` (${e.data("role")})`) : ""])) : null,
      h("p", {}, `${claims.length} claim(s) drawn, ${claims.filter(".contested").length} denied by some source.`));
  }

  sourceDetails(node, body) {
    const out = node.outgoers("edge");
    const count = (t) => out.filter(`[type = "${t}"]`).length;
    const speaksFor = out.filter('[type = "SPEAKS_FOR"]').targets();
    mount(body,
      h("p", {}, ACCOUNT_TYPES.map((t) => [badge(t), ` ${count(t)} `])),
      speaksFor.nonempty() ? h("p", {}, "Speaks for: ", speaksFor.map((a) => a.data("name")).join(", ")) : null,
      h("p", { class: "muted small" }, "Click an account edge for its quote, or expand neighbours."));
  }

  actorDetails(node, body) {
    const events = node.incomers('edge[type = "PARTICIPANT"]').sources();
    const claims = node.incomers('edge[type = "MENTIONS"]').sources();
    mount(body,
      events.nonempty() ? h("div", {}, h("h3", {}, "Takes part in"), h("ul", {}, events.map((ev) =>
        h("li", {}, h("a", { href: eventHref(ev.id()) }, ev.data("name")))))) : null,
      h("p", {}, `Mentioned in ${claims.length} claim(s) drawn.`));
  }

  async showEdge(edge) {
    const d = edge.data();
    const isAccount = ACCOUNT_TYPES.includes(d.type);
    const item = { ...d, edge_id: d.id, source_id: d.source, source_name: edge.source().data("name") };
    const body = h("div", {});
    mount(this.detailsEl,
      h("div", { class: "details-head" }, edgeSwatch(d.type), h("span", { class: "kind" }, d.type)),
      h("h2", {}, titleOf(edge.source().data()), h("span", { class: "muted" }, " → "), truncate(titleOf(edge.target().data()), 160)),
      h("div", { class: "muted small mono" }, d.id),
      body);
    if (!isAccount) {
      mount(body, d.role ? h("p", {}, `role: ${d.role}`) : null);
      return;
    }
    mount(body, quoteCard(item));
    if (d.article_id) {
      const article = await api.node(d.article_id).catch(() => null);
      if (article && this.cy.$(":selected").id() === d.id) {
        const line = articleLine({ ...item, ...article.properties, article_id: d.article_id });
        const old = body.querySelector(".article");
        if (old && line) old.replaceWith(line);
      }
    }
  }
}
