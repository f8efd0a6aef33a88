"""Omissions: the networkx twin of ``cypher/omissions.cypher`` (an event or source anchors
the search) and ``cypher/omissions_recent.cypher`` (no anchor: newest events first, read
down the event date index). Only claims about an event count.
"""

from __future__ import annotations

import networkx as nx

from queries._rows import (
    Row,
    account_rows,
    claim_event,
    event_fields,
    evidence,
    label_of,
    newest_first,
    page,
    props,
)
from queries.results import Omission


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    pairs = {
        (s, c)
        for s, c, d in g.edges(data=True)
        if d["type"] == "OMITS" and label_of(g, s) == "Source" and params["source_id"] in (None, s)
    }
    rows = []
    for source_id, claim_id in pairs:
        asserted = [
            r for r in account_rows(g, claim_id, ["ASSERTS"]) if r["source_id"] != source_id
        ]
        if not asserted:
            continue
        event_id = claim_event(g, claim_id)
        if event_id is None:
            continue
        if params["event_id"] is not None and event_id != params["event_id"]:
            continue
        omitted = [r for r in account_rows(g, claim_id, ["OMITS"]) if r["source_id"] == source_id]
        rows.append(
            {
                "claim_id": claim_id,
                "claim_text": props(g, claim_id).get("text"),
                **event_fields(g, event_id),
                "source_id": source_id,
                "source_name": props(g, source_id).get("name"),
                "omitted": omitted,
                "asserted": asserted,
            }
        )
    return page(newest_first(rows, "event_date", "claim_id", "source_id"), params)


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
