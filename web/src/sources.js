// #/sources: the source × source matrix. Row A, column B: how A treats the claims B asserts
// (corroborates ✓, denies ✗, omits ∅), from /sources/relations (counts kept at write time).
import { all } from "./api.js";
import { STATUS } from "./theme.js";
import { h, mount, nodeHref } from "./util.js";

export const MAX_SOURCES = 30; // the busiest sources; a wider matrix is not readable

/** The sources to show, busiest first: by how many claims they relate over all pairs. */
export function busiest(relations, max = MAX_SOURCES) {
  const weight = new Map();
  const names = new Map();
  for (const r of relations) {
    const n = r.corroborates + r.denies + r.omits;
    for (const [id, name] of [[r.source_a, r.source_a_name], [r.source_b, r.source_b_name]]) {
      weight.set(id, (weight.get(id) || 0) + n);
      if (name) names.set(id, name);
    }
  }
  const ids = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || a.localeCompare(b)).slice(0, max);
  return ids.map((id) => ({ id, name: names.get(id) || id }));
}

function chips(r) {
  const parts = [["asserted", r.corroborates], ["denied", r.denies], ["omitted", r.omits]].filter(([, n]) => n);
  return parts.map(([status, n]) => h("span", { class: `cell-chip status-${status}`, title: `${n} ${STATUS[status].title}` },
    `${STATUS[status].mark}${n}`));
}

export async function renderSources(root) {
  mount(root, h("p", { class: "muted" }, "Loading source relations…"));
  const relations = await all("sources/relations", {}, 20000);
  const sources = busiest(relations);
  const pair = new Map(relations.map((r) => [`${r.source_a}\u0000${r.source_b}`, r]));
  const drawer = h("aside", { class: "drawer", id: "pair-details", "aria-label": "Pair" },
    h("p", { class: "muted" }, "Click a cell: how the row's source treats the claims the column's source asserts."));
  const open = (a, b, r, td) => {
    root.querySelectorAll("td.selected").forEach((x) => x.classList.remove("selected"));
    td.classList.add("selected");
    mount(drawer,
      h("p", {}, h("a", { href: nodeHref(a.id) }, h("strong", {}, a.name)), " on the claims ",
        h("a", { href: nodeHref(b.id) }, h("strong", {}, b.name)), " asserts:"),
      h("ul", { class: "pair-counts" },
        h("li", {}, `corroborates ${r.corroborates}`), h("li", {}, `denies ${r.denies}`), h("li", {}, `omits ${r.omits}`)),
      r.denies ? h("p", {}, h("a", { href: "#/contested" }, "See the contested claims →")) : null);
  };
  const table = h("table", { class: "matrix", id: "source-matrix" },
    h("thead", {}, h("tr", {}, h("th", { class: "claim-col" }, "Source … on the claims of →"),
      sources.map((b) => h("th", { class: "source-col", dataset: { sourceId: b.id } }, h("a", { href: nodeHref(b.id) }, b.name))))),
    h("tbody", {}, sources.map((a) => h("tr", { dataset: { sourceId: a.id } },
      h("th", { class: "claim-col", scope: "row" }, h("a", { href: nodeHref(a.id) }, a.name)),
      sources.map((b) => {
        const r = pair.get(`${a.id}\u0000${b.id}`);
        if (!r || a.id === b.id) return h("td", { class: "cell status-silent" }, "");
        const td = h("td", {
          class: `cell ${r.denies ? "status-denied" : r.omits ? "status-omitted" : "status-asserted"}`, tabindex: 0,
          dataset: { a: a.name, b: b.name, corroborates: r.corroborates, denies: r.denies, omits: r.omits },
        }, chips(r));
        td.addEventListener("click", () => open(a, b, r, td));
        td.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(a, b, r, td); });
        return td;
      })))));
  mount(root,
    h("div", { class: "page-head" }, h("h1", {}, "Sources × sources"),
      h("p", { class: "muted" }, `How each source treats the claims another asserts: ✓ corroborates, ✗ denies, ∅ omits (counts of claims). `
        + `${sources.length} busiest of ${new Set(relations.flatMap((r) => [r.source_a, r.source_b])).size} sources.`)),
    relations.length ? h("div", { class: "matrix-layout" }, h("div", { class: "matrix-wrap" }, table), drawer)
      : h("p", { class: "muted" }, "No two sources give accounts of the same claim yet."));
  root.dataset.state = "ready";
}
