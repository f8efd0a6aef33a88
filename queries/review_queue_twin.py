"""The review queue: the networkx twin of ``cypher/review_queue.cypher``.

What a reviewer should look at first is what costs an analyst most when wrong: a
denial, then an omission, then an assertion on a claim someone denies or omits.
"""

from __future__ import annotations

import networkx as nx

from queries._rows import (
    Row,
    claim_event,
    edges_of_type,
    event_fields,
    evidence,
    label_of,
    newest_first,
    props,
)
from queries.results import QueueItem, ReviewQueue

PRIORITY = {"DENIES": 0, "OMITS": 1, "ASSERTS": 2}


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    """``g`` shows the standing edges only (``review_states``), so a rejected denial
    makes no assertion contested."""
    contested = {c for s, c, _ in edges_of_type(g, "DENIES", "OMITS")
                 if label_of(g, s) == "Source"}
    rows = []
    for s, c, d in edges_of_type(g, *PRIORITY):
        kind = d["type"]
        if "review" in d["props"] or label_of(g, s) != "Source":
            continue
        if params["type"] not in (None, kind) or (kind == "ASSERTS" and c not in contested):
            continue
        rows.append({
            "priority": PRIORITY[kind], "source_id": s, "source_name": props(g, s).get("name"),
            "type": kind, "props": d["props"], "claim_id": c,
            "claim_text": props(g, c).get("text"), **event_fields(g, claim_event(g, c)),
        })
    rows.sort(key=lambda r: r["props"]["id"])
    rows = newest_first(rows, "event_date", "claim_id")
    rows.sort(key=lambda r: r["priority"])
    skip, limit = params["skip"], params["limit"]
    return [{"total": len(rows), "items": rows[skip : skip + limit]}]


def build(row: Row) -> ReviewQueue:
    items = [
        QueueItem(
            edge=evidence([item])[0],
            priority=item["priority"],
            claim_id=item["claim_id"],
            claim_text=item.get("claim_text"),
            event_id=item.get("event_id"),
            event_name=item.get("event_name"),
            event_date=item.get("event_date"),
        )
        for item in row["items"]
    ]
    return ReviewQueue(total=row["total"], items=items)
