// Quote cards: one account edge with its quote, speaker, article and offsets.
import { ACCOUNT_STATUS, STATUS } from "./theme.js";
import { reviewBar } from "./review.js";
import { articleHref, fmtDate, h, nodeHref } from "./util.js";

export function badge(type) {
  const status = ACCOUNT_STATUS[type] || type;
  return h("span", { class: `badge badge-${status}` }, STATUS[status] ? STATUS[status].title : status);
}

/** Article line: title (linked when the API has a URL), outlet, date, quote offsets, id. */
export function articleLine(item) {
  if (!item.article_id) return null;
  const title = item.article_title || item.title;
  const url = item.article_url || item.url;
  const name = title || (url ? url : null);
  const bits = [];
  if (name) {
    bits.push(url
      ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer", class: "article-link" }, name)
      : h("span", { class: "article-title" }, `“${name}”`));
  }
  const meta = [item.outlet, item.published && fmtDate(item.published),
    item.start_char != null ? `chars ${item.start_char}–${item.end_char}` : null].filter(Boolean);
  return h("div", { class: "article small" }, h("span", { class: "muted" }, "Article "), bits,
    meta.length ? h("span", { class: "muted" }, `${name ? " · " : ""}${meta.join(" · ")}`) : null,
    h("span", { class: "muted" }, " · "), h("a", { href: articleHref(item.article_id, item.edge_id), class: "read-in-article" }, "read in the article"),
    h("span", { class: "muted" }, " · "), h("a", { href: nodeHref(item.article_id), class: "muted mono-link" }, item.article_id));
}

/**
 * One quote card. ``item`` is an EvidenceRef or a ProvenanceItem of the API:
 * {type, source_id, source_name, evidence, article_*, start_char, end_char, speaker_*, method, confidence,
 * compared_with}. ``names``: source id -> name, for the accounts an omission was compared with.
 */
export function quoteCard(item, { showSource = true, names = {}, reviewable = true } = {}) {
  const status = ACCOUNT_STATUS[item.type] || "silent";
  const how = [
    item.speaker_name || item.speaker_id ? `speaker: ${item.speaker_name || item.speaker_id}` : null,
    item.method ? `method: ${item.method}` : null,
    item.confidence != null ? `confidence ${Number(item.confidence).toFixed(2)}` : null,
  ].filter(Boolean).join(" · ");
  return h("div", { class: `quote-card status-${status}${item.review ? ` reviewed-${item.review}` : ""}`, dataset: { edgeId: item.edge_id || "", type: item.type, review: item.review || "unreviewed" } },
    h("div", { class: "quote-head" }, badge(item.type),
      showSource ? h("a", { href: nodeHref(item.source_id), class: "source-name" }, item.source_name || item.source_id) : null),
    item.evidence ? h("blockquote", { class: "quote" }, item.evidence) : h("p", { class: "muted small" }, "No quote recorded."),
    articleLine(item),
    comparedLine(item, names),
    how ? h("div", { class: "muted small" }, how) : null,
    reviewable && item.edge_id ? reviewBar(item) : null);
}

/** "Compared with: <source> (<article>)" for an omission found by comparing accounts. */
export function comparedLine(item, names = {}) {
  if (!item.compared_with || !item.compared_with.length) return null;
  const links = item.compared_with.map((entry, i) => {
    const [sourceId, articleId] = entry.split(" ");
    return [i ? "; " : "",
      h("a", { href: nodeHref(sourceId), class: "compared-source" }, names[sourceId] || sourceId),
      articleId ? [" (", h("a", { href: nodeHref(articleId), class: "muted mono-link" }, articleId), ")"] : null];
  });
  return h("div", { class: "compared small" }, h("span", { class: "muted" }, "Compared with "), links);
}
