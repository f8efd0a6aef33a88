// One place for the colours and line styles, shared by the graph, legends and tables.

export const NODE_TYPES = {
  Source: { color: "#2563eb", shape: "round-rectangle", title: "Source" },
  Actor: { color: "#7c3aed", shape: "ellipse", title: "Actor" },
  Event: { color: "#ea580c", shape: "diamond", title: "Event" },
  Claim: { color: "#0f766e", shape: "ellipse", title: "Claim" },
  Article: { color: "#64748b", shape: "rectangle", title: "Article" },
};

// Accounts (what a source says about a claim) are the point of the graph: strong
// colours and distinct line styles. Structural edges stay light.
export const EDGE_TYPES = {
  ASSERTS: { color: "#16a34a", style: "solid", width: 2.5, title: "asserts", account: true },
  DENIES: { color: "#dc2626", style: "dashed", width: 3, title: "denies", account: true },
  OMITS: { color: "#8b95a3", style: "dotted", width: 2.5, title: "omits", account: true },
  ABOUT: { color: "#fdba74", style: "solid", width: 1.2, title: "about (claim → event)" },
  PARTICIPANT: { color: "#c4b5fd", style: "solid", width: 1.2, title: "participant (event → actor)" },
  MENTIONS: { color: "#d8dee6", style: "solid", width: 1, title: "mentions (claim → actor)" },
  SPEAKS_FOR: { color: "#93c5fd", style: "dashed", width: 1.2, title: "speaks for (source → actor)" },
  REPORTS: { color: "#cbd5e1", style: "solid", width: 1, title: "reports (article → event)" },
  PUBLISHED_BY: { color: "#cbd5e1", style: "dashed", width: 1, title: "published by (article → source)" },
};

export const STATUS = {
  asserted: { color: "#16a34a", bg: "#dcfce7", mark: "✓", title: "asserted" },
  denied: { color: "#dc2626", bg: "#fee2e2", mark: "✗", title: "denied" },
  omitted: { color: "#6b7280", bg: "#f3f4f6", mark: "∅", title: "omitted" },
  silent: { color: "#9ca3af", bg: "#ffffff", mark: "", title: "silent" },
};

export const ACCOUNT_STATUS = { ASSERTS: "asserted", DENIES: "denied", OMITS: "omitted" };

const DASH = { solid: "", dashed: "6 4", dotted: "1.5 3.5" };

/** A small SVG line sample for legends: colour, dash pattern and width of an edge type. */
export function edgeSwatch(type) {
  const t = EDGE_TYPES[type];
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", "34");
  svg.setAttribute("height", "10");
  svg.setAttribute("class", "swatch");
  const line = document.createElementNS(ns, "line");
  for (const [k, v] of Object.entries({ x1: 2, y1: 5, x2: 32, y2: 5 })) line.setAttribute(k, v);
  line.setAttribute("stroke", t.color);
  line.setAttribute("stroke-width", String(Math.max(t.width, 1.5)));
  line.setAttribute("stroke-linecap", t.style === "dotted" ? "round" : "butt");
  if (DASH[t.style]) line.setAttribute("stroke-dasharray", DASH[t.style]);
  svg.append(line);
  return svg;
}

/** A small SVG shape sample for a node type. */
export function nodeSwatch(label) {
  const t = NODE_TYPES[label];
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("class", "swatch");
  let shape;
  if (t.shape === "diamond") {
    shape = document.createElementNS(ns, "polygon");
    shape.setAttribute("points", "8,1 15,8 8,15 1,8");
  } else if (t.shape === "ellipse") {
    shape = document.createElementNS(ns, "circle");
    for (const [k, v] of Object.entries({ cx: 8, cy: 8, r: label === "Claim" ? 5 : 7 })) shape.setAttribute(k, v);
  } else {
    shape = document.createElementNS(ns, "rect");
    for (const [k, v] of Object.entries({ x: 1, y: 3, width: 14, height: 10, rx: t.shape === "round-rectangle" ? 3 : 0 }))
      shape.setAttribute(k, v);
  }
  shape.setAttribute("fill", t.color);
  svg.append(shape);
  return svg;
}
