"""Contested events: the networkx twin of ``cypher/contested_events.cypher``."""

from __future__ import annotations

import networkx as nx

from queries._rows import (
    Row,
    in_range,
    in_starts,
    label_of,
    nodes_with_label,
    out_ends,
    page,
    props,
)
from queries.results import ContestedEvent


def cypher_name(params: Row) -> str:
    return "contested_events" if params["actor_id"] is None else "contested_events_actor"


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    rows: list[Row] = []
    for event_id in nodes_with_label(g, "Event"):
        p = props(g, event_id)
        if not in_range(p.get("date"), params["date_from"], params["date_to"]):
            continue
        actor = params["actor_id"]
        if actor is not None and actor not in out_ends(g, event_id, "PARTICIPANT", "Actor"):
            continue
        claims = in_starts(g, event_id, "ABOUT", "Claim")
        denials = omissions = 0
        for claim_id in claims:
            for s, _, d in g.in_edges(claim_id, data=True):
                if label_of(g, s) == "Source":
                    denials += d["type"] == "DENIES"
                    omissions += d["type"] == "OMITS"
        if denials + omissions == 0:
            continue
        rows.append(
            {
                "event_id": event_id,
                "name": p.get("name"),
                "kind": p.get("kind"),
                "date": p.get("date"),
                "claims": len(claims),
                "denials": denials,
                "omissions": omissions,
                "score": 2 * denials + omissions,
            }
        )
    rows.sort(key=lambda r: (-r["score"], r["event_id"]))
    return page(rows, params)


def build(rows: list[Row]) -> list[ContestedEvent]:
    return [ContestedEvent(**r) for r in rows]
