"""Article view: the networkx twin of ``cypher/article_view.cypher``."""

from __future__ import annotations

import networkx as nx

from queries._rows import Row, edges_of_type, label_of, props
from queries.results import ArticleEvidence, ArticleView


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    """Reads every edge (the embedded store keeps no index by article yet)."""
    article_id = params["article_id"]
    if article_id not in g or label_of(g, article_id) != "Article":
        return []
    items = [
        {"source_id": s, "source_name": props(g, s).get("name"), "type": d["type"],
         "claim_id": c, "claim_text": props(g, c).get("text"), "props": d["props"]}
        for s, c, d in edges_of_type(g, "ASSERTS", "DENIES")
        if d["props"].get("article_id") == article_id
    ]  # fmt: skip
    return [{"article_id": article_id, "article": dict(props(g, article_id)), "items": items}]


def build(row: Row, text: str | None) -> ArticleView:
    """The view of one article; ``text`` is its kept text (None if it was not kept)."""
    article = row["article"] or {}
    unique = {i["props"]["id"]: i for i in row["items"]}
    items = sorted((_item(i) for i in unique.values()),
                   key=lambda i: (i.start_char if i.start_char is not None else -1, i.edge_id))
    return ArticleView(
        article_id=row["article_id"],
        title=article.get("title"),
        url=article.get("url"),
        outlet=article.get("outlet"),
        published=article.get("published"),
        text=text,
        items=items,
        total_items=len(items),
    )


def _item(row: Row) -> ArticleEvidence:
    p = row["props"]
    return ArticleEvidence(
        edge_id=p["id"],
        type=row["type"],
        source_id=row["source_id"],
        source_name=row.get("source_name"),
        claim_id=row["claim_id"],
        claim_text=row.get("claim_text"),
        evidence=p.get("evidence"),
        start_char=p.get("start_char"),
        end_char=p.get("end_char"),
        speaker_id=p.get("speaker_id"),
        confidence=p.get("confidence"),
        method=p.get("method"),
        review=p.get("review"),
    )
