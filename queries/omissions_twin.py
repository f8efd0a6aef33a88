"""Omissions: the networkx twin of ``cypher/omissions.cypher`` (an event or source anchors
the search) and ``cypher/omissions_recent.cypher`` (no anchor: newest events first, read
down the event date index). Only claims about an event count.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from queries._rows import (
    Row,
    account_rows,
    edges_of_type,
    event_fields,
    evidence,
    first_page,
    label_of,
    props,
)
from queries.results import Omission


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:

    def make(pair: tuple[str, ...], event_id: str | None) -> Row | None:
        claim_id, source_id = pair
        if event_id is None or params["event_id"] not in (None, event_id):
            return None
        asserted = [
            r for r in account_rows(g, claim_id, ["ASSERTS"]) if r["source_id"] != source_id
        ]
        if not asserted:
            return None
        omitted = [r for r in account_rows(g, claim_id, ["OMITS"]) if r["source_id"] == source_id]
        return {
            "claim_id": claim_id,
            "claim_text": props(g, claim_id).get("text"),
            **event_fields(g, event_id),
            "source_id": source_id,
            "source_name": props(g, source_id).get("name"),
            "omitted": omitted,
            "asserted": asserted,
        }

    def pairs() -> set[tuple[str, ...]]:
        return {(c, s) for s, c, _ in _omits(g, params)
                if label_of(g, s) == "Source" and params["source_id"] in (None, s)}

    anchored = params["event_id"] is not None or params["source_id"] is not None
    return first_page(g, pairs, make, params, keep_as=None if anchored else "omissions")


def _omits(g: nx.MultiDiGraph, params: Row) -> Iterable[tuple[str, str, Row]]:
    """The OMITS edges to look at: of the event's claims, of the source, or all of them."""
    event_id, source_id = params["event_id"], params["source_id"]
    if event_id is not None:
        if event_id not in g:
            return []
        claims = [c for c, _, d in g.in_edges(event_id, data=True) if d["type"] == "ABOUT"]
        return [(s, c, d) for c in claims for s, _, d in g.in_edges(c, data=True)
                if d["type"] == "OMITS"]
    if source_id is not None:
        if source_id not in g:
            return []
        return [(source_id, c, d) for _, c, d in g.out_edges(source_id, data=True)
                if d["type"] == "OMITS"]
    return edges_of_type(g, "OMITS")


def cypher_name(params: Row) -> str:
    anchored = params["event_id"] is not None or params["source_id"] is not None
    return "omissions" if anchored else "omissions_recent"


def build(rows: list[Row]) -> list[Omission]:
    return [
        Omission(
            claim_id=r["claim_id"],
            claim_text=r["claim_text"],
            event_id=r["event_id"],
            event_name=r["event_name"],
            event_date=r["event_date"],
            source_id=r["source_id"],
            source_name=r["source_name"],
            omitted_by=evidence(r["omitted"]),
            asserted_by=evidence(r["asserted"]),
        )
        for r in rows
    ]
