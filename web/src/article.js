// #/article/<id>[/edge/<edge id>]: an article's text with every quote the graph rests on
// highlighted at its offsets, coloured by stance; a highlight opens its edges' cards.
import { api } from "./api.js";
import { badge, quoteCard } from "./evidence.js";
import { articleHref, fmtDate, h, mount, nodeHref } from "./util.js";

/**
 * The text cut at every quote boundary: [{start, end, items}] where ``items`` are the edges
 * whose quote covers that stretch (quotes may overlap: a clause inside a quoted sentence).
 */
export function segments(text, items) {
  const cuts = new Set([0, text.length]);
  const placed = items.filter((i) => i.start_char != null && i.end_char != null && i.start_char < i.end_char
    && i.end_char <= text.length);
  for (const i of placed) { cuts.add(i.start_char); cuts.add(i.end_char); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let n = 0; n + 1 < points.length; n++) {
    const [start, end] = [points[n], points[n + 1]];
    out.push({ start, end, items: placed.filter((i) => i.start_char <= start && end <= i.end_char) });
  }
  return out;
}

export async function renderArticle(root, articleId, edgeId) {
  mount(root, h("p", { class: "muted" }, "Loading the article…"));
  const view = await api.article(articleId);
  const byId = new Map(view.items.map((i) => [i.edge_id, i]));
  const drawer = h("aside", { class: "drawer", id: "article-details", "aria-label": "Evidence" },
    h("p", { class: "muted" }, "Click a highlighted passage to see the edges it is evidence for."));

  const open = (ids) => {
    root.querySelectorAll("mark.selected").forEach((m) => m.classList.remove("selected"));
    root.querySelectorAll("mark").forEach((m) => {
      if (m.dataset.edges.split(" ").some((e) => ids.includes(e))) m.classList.add("selected");
    });
    const cards = ids.map((e) => byId.get(e)).filter(Boolean).map((item) => h("div", { class: "article-edge" },
      h("p", { class: "claim-text" }, h("a", { href: nodeHref(item.claim_id) }, item.claim_text || item.claim_id)),
      quoteCard({ ...item, article_id: null })));
    mount(drawer, cards);
  };

  const body = view.text == null
    ? h("p", { class: "muted" }, "This article was ingested before sckg kept article texts; re-ingest it to read its quotes in place.")
    : h("div", { class: "article-text", id: "article-text" }, segments(view.text, view.items).map((seg) => {
      const piece = view.text.slice(seg.start, seg.end);
      if (!seg.items.length) return piece;
      const denied = seg.items.some((i) => i.type === "DENIES");
      const ids = seg.items.map((i) => i.edge_id);
      return h("mark", {
        class: `quote-mark status-${denied ? "denied" : "asserted"}`, tabindex: 0,
        dataset: { edges: ids.join(" ") },
        title: seg.items.map((i) => `${i.source_name || i.source_id} ${i.type.toLowerCase()}: ${i.claim_text || ""}`).join("\n"),
        onclick: () => open(ids),
        onkeydown: (ev) => { if (ev.key === "Enter") open(ids); },
      }, piece);
    }));

  const list = h("ol", { class: "article-edges small" }, view.items.map((item) => h("li", {},
    badge(item.type), " ", h("strong", {}, item.source_name || item.source_id), ": ",
    h("a", { href: articleHref(view.article_id, item.edge_id), class: "edge-link", dataset: { edgeId: item.edge_id } },
      item.claim_text || item.claim_id))));

  const meta = [view.outlet, view.published && fmtDate(view.published)].filter(Boolean).join(" · ");
  const title = view.title || view.url || view.article_id;
  mount(root,
    h("header", { class: "page-head" },
      h("h1", {}, view.url ? h("a", { href: view.url, target: "_blank", rel: "noopener noreferrer" }, title) : title),
      h("p", { class: "muted small" }, meta, meta ? " · " : "", h("a", { href: nodeHref(view.article_id), class: "mono-link" }, view.article_id),
        ` · ${view.total_items} quote(s) behind edges`)),
    h("div", { class: "article-layout" }, h("div", {}, body, h("h2", {}, "Edges quoting this article"), list), drawer));
  if (edgeId && byId.has(edgeId)) {
    open([edgeId]);
    const mark = root.querySelector("mark.selected");
    if (mark) mark.scrollIntoView({ block: "center" });
  }
  document.title = `sckg · ${title}`;
  root.dataset.state = "ready";
}
