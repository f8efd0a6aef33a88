// Entry point: hash routing between the explorer and the table pages.
//   #/              graph explorer          #/node/<id>   explorer, node selected
//   #/event/<id>    readout comparison      #/events      events by disagreement
//   #/contested     contested claims       #/sources     source × source matrix
//   #/timeline      events by date         #/article/<id>[/edge/<edge id>]   article with its quotes
//   #/review        the review queue
import { renderArticle } from "./article.js";
import { Explorer } from "./explorer.js";
import { renderContested, renderEvent, renderEvents } from "./pages.js";
import { REVIEWED_EVENT, renderReview } from "./review.js";
import { renderSources } from "./sources.js";
import { renderTimeline } from "./timeline.js";

const views = {
  explorer: document.getElementById("view-explorer"),
  event: document.getElementById("view-event"),
  events: document.getElementById("view-events"),
  contested: document.getElementById("view-contested"),
  article: document.getElementById("view-article"),
  sources: document.getElementById("view-sources"),
  timeline: document.getElementById("view-timeline"),
  review: document.getElementById("view-review"),
};
const statusEl = document.getElementById("status");
const errorEl = document.getElementById("error");

function setStatus(text) {
  statusEl.textContent = text;
}

function showError(err) {
  console.error(err);
  errorEl.textContent = err && err.message ? err.message : String(err);
  errorEl.hidden = false;
}

let explorer = null;
function getExplorer() {
  if (!explorer) {
    explorer = new Explorer(views.explorer, { onStatus: setStatus, onError: showError });
    explorer.ready.catch(showError);
    window.sckg.explorer = explorer;
    window.sckg.cy = explorer.cy;
  }
  return explorer;
}

function parse(hash) {
  const path = hash.replace(/^#/, "") || "/";
  const a = /^\/article\/([^/]+)(?:\/edge\/([^/]+))?$/.exec(path);
  if (a) return { name: "article", id: decodeURIComponent(a[1]), edge: a[2] ? decodeURIComponent(a[2]) : null };
  const m = /^\/(event|node)\/(.+)$/.exec(path);
  if (m) return { name: m[1] === "event" ? "event" : "explorer", id: decodeURIComponent(m[2]) };
  if (path === "/events") return { name: "events" };
  if (path === "/contested") return { name: "contested" };
  if (path === "/sources") return { name: "sources" };
  if (path === "/timeline") return { name: "timeline" };
  if (path === "/review") return { name: "review" };
  return { name: "explorer" };
}

async function route() {
  const r = parse(window.location.hash);
  errorEl.hidden = true;
  for (const [name, el] of Object.entries(views)) {
    el.hidden = name !== r.name;
    if (name !== "explorer") delete el.dataset.state;
  }
  for (const a of document.querySelectorAll(".tabs a")) {
    a.classList.toggle("active", a.dataset.route === r.name || (r.name === "event" && a.dataset.route === "events"));
  }
  window.sckg.route = r;
  try {
    if (r.name === "explorer") {
      const ex = getExplorer();
      ex.cy.resize();
      if (r.id) await ex.focusNode(r.id);
    } else if (r.name === "event") {
      await renderEvent(views.event, r.id);
      document.title = "sckg · readout comparison";
    } else if (r.name === "article") {
      await renderArticle(views.article, r.id, r.edge);
    } else if (r.name === "events") {
      await renderEvents(views.events);
    } else if (r.name === "timeline") {
      await renderTimeline(views.timeline);
    } else if (r.name === "sources") {
      await renderSources(views.sources);
    } else if (r.name === "contested") {
      await renderContested(views.contested);
    } else if (r.name === "review") {
      await renderReview(views.review, { cursor: views.review._cursor ? views.review._cursor() : 0 });
    }
  } catch (err) {
    showError(err);
  }
}

window.sckg = { route: null, cy: null, explorer: null };
window.addEventListener("hashchange", route);
// A verdict changes what the lists show: the review queue, the contested claims and the
// comparison are drawn anew at once; elsewhere the card shows the new state.
window.addEventListener(REVIEWED_EVENT, () => {
  if (window.sckg.route && ["review", "contested", "event"].includes(window.sckg.route.name)) route();
});
route();
