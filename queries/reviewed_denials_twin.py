"""Denials a reviewer accepted: the networkx twin of ``cypher/reviewed_denials.cypher``."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.model import HIDDEN_VERDICTS
from queries._rows import Row, claim_event, edges_of_type, label_of, newest_first, page, props

_ARTICLE = ("id", "title", "url", "outlet", "published")


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    rows = []
    for s, c, d in edges_of_type(g, "DENIES"):
        if d["props"].get("review") != "accepted":
            continue
        event_id = claim_event(g, c)
        rows.append({
            "source": _node(g, s, ("id", "name", "kind")),
            "props": d["props"],
            "claim": _node(g, c, ("id", "text")),
            "event": _node(g, event_id, ("id", "name", "date")),
            "article": _node(g, d["props"].get("article_id"), _ARTICLE),
            "asserted": [
                {"source": _node(g, b, ("id", "name", "kind")),
                 "article": _node(g, x["props"].get("article_id"), _ARTICLE)}
                for b, _, x in g.in_edges(c, data=True)
                if x["type"] == "ASSERTS" and x["props"].get("review") not in HIDDEN_VERDICTS
                and label_of(g, b) == "Source"
            ],
            "edge_id": d["props"]["id"], "claim_id": c,
            "event_date": None if event_id is None else props(g, event_id).get("date"),
        })
    rows.sort(key=lambda r: r["edge_id"])
    return page(newest_first(rows, "event_date", "claim_id"), params)


def _node(g: nx.MultiDiGraph, node_id: str | None, keys: tuple[str, ...]) -> dict[str, Any] | None:
    """A node's chosen properties (absent ones None), like Cypher's map projection."""
    if node_id is None or node_id not in g:
        return None
    p = props(g, node_id)
    return {k: node_id if k == "id" else p.get(k) for k in keys}
