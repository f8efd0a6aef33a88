"""Claim provenance: the networkx twin of ``cypher/claim_provenance.cypher``."""

from __future__ import annotations

import networkx as nx

from queries._rows import Row, account_rows, claim_event, event_fields, label_of, props
from queries.results import ClaimProvenance, ProvenanceItem


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    claim_id = params["claim_id"]
    if claim_id not in g or label_of(g, claim_id) != "Claim":
        return []
    items = []
    for row in account_rows(g, claim_id):
        article_id = row["props"].get("article_id")
        article = None
        if article_id in g and label_of(g, article_id) == "Article":
            p = props(g, article_id)
            article = {k: p.get(k) for k in ("title", "url", "outlet", "published")}
        speaker = row["props"].get("speaker_id")
        speaker_name = (
            props(g, speaker).get("name")
            if speaker in g and label_of(g, speaker) == "Actor"
            else None
        )
        items.append({**row, "article": article, "speaker_name": speaker_name})
    return [
        {
            "claim_id": claim_id,
            "claim_text": props(g, claim_id).get("text"),
            **event_fields(g, claim_event(g, claim_id)),
            "items": items,
        }
    ]


def build(row: Row, *, limit: int, offset: int) -> ClaimProvenance:
    items = sorted(
        (_item(i) for i in row["items"]),
        key=lambda i: (i.type, i.source_id, i.article_id or "", i.start_char or -1, i.edge_id),
    )
    return ClaimProvenance(
        claim_id=row["claim_id"],
        claim_text=row["claim_text"],
        event_id=row["event_id"],
        event_name=row["event_name"],
        event_date=row["event_date"],
        items=items[offset : offset + limit],
        total_items=len(items),
    )


def _item(row: Row) -> ProvenanceItem:
    p = row["props"]
    article = row.get("article") or {}
    return ProvenanceItem(
        edge_id=p["id"],
        type=row["type"],
        source_id=row["source_id"],
        source_name=row.get("source_name"),
        article_id=p.get("article_id"),
        article_title=article.get("title"),
        article_url=article.get("url"),
        outlet=article.get("outlet"),
        published=article.get("published"),
        evidence=p.get("evidence"),
        start_char=p.get("start_char"),
        end_char=p.get("end_char"),
        speaker_id=p.get("speaker_id"),
        speaker_name=row.get("speaker_name"),
        confidence=p.get("confidence"),
        method=p.get("method"),
        compared_with=p.get("compared_with"),
        review=p.get("review"),
        reviewed_by=p.get("reviewed_by"),
        retargeted_from=p.get("retargeted_from"),
    )
