// Review: accept, reject or re-target an account edge from any quote card, and the
// #/review page that walks the queue (keys: a accept, r reject, t re-target, j/k next/previous).
// A review is a write: the API wants its key (X-API-Key) and the reviewer's name
// (X-Reviewer); both are asked once and kept in this browser (the key for the session only).
import { api } from "./api.js";
import { quoteCard } from "./evidence.js";
import { eventHref, fmtDate, h, mount, nodeHref, truncate } from "./util.js";

const NAME_KEY = "sckg.reviewer";
const KEY_KEY = "sckg.apiKey";
export const REVIEWED_EVENT = "sckg:reviewed";

export function credentials() {
  return { name: localStorage.getItem(NAME_KEY) || "", key: sessionStorage.getItem(KEY_KEY) || "" };
}

function saveCredentials(name, key) {
  localStorage.setItem(NAME_KEY, name.trim());
  sessionStorage.setItem(KEY_KEY, key);
}

/** The sign-in form, shown where a review was asked for until both fields are given. */
function credentialForm(onSaved) {
  const { name, key } = credentials();
  const nameIn = h("input", { type: "text", class: "reviewer-name", placeholder: "your name", value: name, "aria-label": "Reviewer name" });
  const keyIn = h("input", { type: "password", class: "reviewer-key", placeholder: "API key (SCKG_API_KEY)", value: key, "aria-label": "API key" });
  const form = h("form", { class: "review-credentials small" },
    h("span", { class: "muted" }, "Reviews are signed: "), nameIn, keyIn,
    h("button", { type: "submit" }, "Save"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!nameIn.value.trim() || !keyIn.value) return;
    saveCredentials(nameIn.value, keyIn.value);
    form.remove();
    onSaved();
  });
  return form;
}

/** Send a verdict; asks for credentials first when missing or refused. */
async function send(bar, item, body) {
  const { name, key } = credentials();
  if (!name || !key) {
    bar.append(credentialForm(() => send(bar, item, body)));
    bar.querySelector(".reviewer-name").focus();
    return null;
  }
  const note = bar.querySelector(".review-note");
  note.textContent = "saving…";
  try {
    // Headers are Latin-1: a name such as Məmmədov travels percent-encoded.
    const result = await api.review(item.edge_id, body, { "X-API-Key": key, "X-Reviewer": encodeURIComponent(name) });
    note.textContent = "";
    window.dispatchEvent(new CustomEvent(REVIEWED_EVENT, { detail: result }));
    return result;
  } catch (err) {
    if (err.status === 409 && !body.force
        && window.confirm(`${err.message}\n\nMove the edge to that claim anyway?`)) {
      return send(bar, item, { ...body, force: true });
    }
    if (err.status === 403) sessionStorage.removeItem(KEY_KEY);
    note.textContent = err.message;
    note.classList.add("review-error");
    return null;
  }
}

/** "accepted by X on 2 Dec 2026", or "unreviewed". */
export function stateLine(item) {
  if (!item.review) return h("span", { class: "review-state muted" }, "unreviewed");
  const who = item.reviewed_by ? ` by ${item.reviewed_by}` : "";
  const when = item.reviewed_at ? ` on ${fmtDate(item.reviewed_at.slice(0, 10))}` : "";
  return h("span", { class: `review-state review-${item.review}` }, `${item.review}${who}${when}`,
    item.review_comment ? h("span", { class: "muted" }, ` · “${item.review_comment}”`) : null);
}

/** The buttons under a quote card: accept, reject, re-target (a claim search). */
export function reviewBar(item) {
  const bar = h("div", { class: "review-bar small", dataset: { edgeId: item.edge_id } });
  const state = stateLine(item);
  const verdict = (v) => async () => {
    const comment = bar.querySelector(".review-comment").value.trim() || undefined;
    const result = await send(bar, item, { verdict: v, comment });
    if (result) state.replaceWith(stateLine(result.edge));
  };
  const search = h("div", { class: "retarget", hidden: true },
    h("input", { type: "search", class: "retarget-q", placeholder: "the claim it really is about…", "aria-label": "Claim to re-target to" }),
    h("ul", { class: "retarget-results" }));
  const input = search.querySelector("input");
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      const list = search.querySelector("ul");
      if (q.length < 2) { mount(list); return; }
      const hits = await api.claimSearch(q).catch(() => ({ items: [] }));
      mount(list, hits.items.filter((c) => c.id !== item.claim_id).map((c) => h("li", {},
        h("button", { type: "button", class: "retarget-pick", dataset: { claimId: c.id }, onclick: async () => {
          const result = await send(bar, item, { verdict: "retargeted", claim_id: c.id });
          if (result) { state.replaceWith(stateLine(result.edge)); search.hidden = true; }
        } }, truncate(c.title, 140)))));
    }, 200);
  });
  bar.append(state,
    h("input", { type: "text", class: "review-comment", placeholder: "comment (optional)", "aria-label": "Review comment" }),
    h("button", { type: "button", class: "review-accept", title: "Accept (a)", onclick: verdict("accepted") }, "Accept"),
    h("button", { type: "button", class: "review-reject", title: "Reject (r)", onclick: verdict("rejected") }, "Reject"),
    item.type !== "OMITS" ? h("button", { type: "button", class: "review-retarget", title: "Re-target (t)", onclick: () => {
      search.hidden = !search.hidden;
      if (!search.hidden) input.focus();
    } }, "Re-target…") : null,
    h("span", { class: "review-note muted" }),
    search);
  return bar;
}

/** Up to ``width`` characters of the article each side of the quote, the quote marked. */
function inContext(text, item, width = 320) {
  if (text == null || item.start_char == null) return h("p", { class: "muted small" }, "The article's text is not kept.");
  const from = Math.max(0, item.start_char - width);
  const to = Math.min(text.length, item.end_char + width);
  return h("div", { class: "article-text review-context" },
    from > 0 ? "… " : "", text.slice(from, item.start_char),
    h("mark", { class: `quote-mark status-${item.type === "DENIES" ? "denied" : "asserted"}` }, text.slice(item.start_char, item.end_char)),
    text.slice(item.end_char, to), to < text.length ? " …" : "");
}

const PRIORITY = ["denial", "omission", "assertion on a contested claim"];

/** #/review: the queue, one edge at a time, with its quote in the article. */
export async function renderReview(root, { cursor = 0 } = {}) {
  mount(root, h("p", { class: "muted" }, "Loading the review queue…"));
  const queue = await api.reviewQueue({});
  const items = queue.items;
  let at = Math.min(cursor, Math.max(0, items.length - 1));
  const list = h("ol", { class: "queue-list small", id: "queue" });
  const detail = h("div", { class: "queue-item", id: "queue-item" });

  const show = async (n) => {
    at = n;
    list.querySelectorAll("li").forEach((li, i) => li.classList.toggle("selected", i === n));
    const entry = items[n];
    if (!entry) { mount(detail, h("p", { class: "muted" }, "Nothing waits for review.")); return; }
    const edge = { ...entry.edge, claim_id: entry.claim_id };
    mount(detail,
      h("p", { class: "muted small" }, `${n + 1} of ${queue.total} · ${PRIORITY[entry.priority]}`),
      h("div", { class: "contested-meta" }, h("span", { class: "date" }, fmtDate(entry.event_date)),
        entry.event_id ? h("a", { href: eventHref(entry.event_id), class: "event-link" }, entry.event_name || entry.event_id) : null),
      h("h2", { class: "claim-text" }, h("a", { href: nodeHref(entry.claim_id) }, entry.claim_text || entry.claim_id)),
      quoteCard(edge, { reviewable: true }),
      h("div", { class: "context-slot" }, h("p", { class: "muted small" }, "Loading the article…")));
    const slot = detail.querySelector(".context-slot");
    if (edge.article_id) {
      const view = await api.article(edge.article_id).catch(() => null);
      if (items[at] === entry) mount(slot, h("h3", {}, view && view.title ? view.title : "In the article"), inContext(view ? view.text : null, edge));
    } else {
      mount(slot, h("p", { class: "muted small" }, "An omission: no quote of its own; the card says what it was compared with."));
    }
  };

  mount(list, items.map((entry, i) => h("li", { dataset: { edgeId: entry.edge.edge_id }, onclick: () => show(i) },
    h("span", { class: `badge badge-${["denied", "omitted", "asserted"][entry.priority]}` }, entry.edge.type),
    " ", h("strong", {}, entry.edge.source_name || entry.edge.source_id), ": ", truncate(entry.claim_text, 90))));

  const keys = (ev) => {
    if (root.hidden || ev.target.closest("input, textarea, select")) return;
    const bar = detail.querySelector(".review-bar");
    if (ev.key === "j" && at + 1 < items.length) show(at + 1);
    else if (ev.key === "k" && at > 0) show(at - 1);
    else if (ev.key === "a" && bar) bar.querySelector(".review-accept").click();
    else if (ev.key === "r" && bar) bar.querySelector(".review-reject").click();
    else if (ev.key === "t" && bar && bar.querySelector(".review-retarget")) { ev.preventDefault(); bar.querySelector(".review-retarget").click(); }
  };
  document.removeEventListener("keydown", root._keys || (() => {}));
  root._keys = keys;
  document.addEventListener("keydown", keys);
  root._cursor = () => at;

  mount(root,
    h("div", { class: "page-head" }, h("h1", {}, "Review"),
      h("p", { class: "muted" }, `${queue.total} edge(s) no reviewer has judged, denials first. `,
        h("span", { class: "small" }, "Keys: a accept · r reject · t re-target · j/k next/previous."))),
    h("div", { class: "queue-layout" }, list, detail));
  await show(at);
  root.dataset.state = "ready";
}
