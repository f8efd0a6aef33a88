"""Contested events: the networkx twin of ``cypher/contested_events.cypher``."""

from __future__ import annotations

import networkx as nx

from graph.embedded import set_aside_edges
from queries._rows import (
    Row,
    in_range,
    in_starts,
    kept,
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
    actor = params["actor_id"]
    rows = [
        row for row in ranking(g)
        if in_range(row["date"], params["date_from"], params["date_to"])
        and (actor is None or actor in out_ends(g, row["event_id"], "PARTICIPANT", "Actor"))
    ]  # fmt: skip
    return page(rows, params)


def ranking(g: nx.MultiDiGraph) -> list[Row]:
    """Every event with a denial or omission, by score: worked out once per version of
    the graph (each embedded write makes a new one) and kept with it, the way the Neo4j
    store keeps its event tallies, so filters and pages cost the ranked list only."""
    return kept(g, "contested_events", lambda: _ranked(g))


def _ranked(g: nx.MultiDiGraph) -> list[Row]:
    rows = [row for row in map(lambda e: event_row(g, e), nodes_with_label(g, "Event"))
            if row["score"] > 0]
    rows.sort(key=lambda r: (-r["score"], r["event_id"]))
    return rows


_ACCOUNT = frozenset({"ASSERTS", "DENIES", "OMITS"})


def event_row(g: nx.MultiDiGraph, event_id: str) -> Row:
    """An event with its claims and the denials and omissions on them (what the Neo4j
    store keeps in its event tallies), and how many sources gave an account."""
    p = props(g, event_id)
    claims = in_starts(g, event_id, "ABOUT", "Claim")
    denials = omissions = reviewed = 0
    sources: set[str] = set()
    judged = bool(g.graph.get("reviews"))  # nobody reviewed: nothing to count
    aside = set_aside_edges(g)  # rejected and re-targeted edges count as reviewed too
    for claim_id in claims:
        for s, _, d in g.in_edges(claim_id, data=True):
            kind = d["type"]
            if kind in _ACCOUNT and label_of(g, s) == "Source":
                denials += kind == "DENIES"
                omissions += kind == "OMITS"
                sources.add(s)
                if judged and "review" in d["props"]:
                    reviewed += 1
        if judged and claim_id in aside:
            reviewed += aside.in_degree(claim_id)
    return {
        "event_id": event_id,
        "name": p.get("name"),
        "kind": p.get("kind"),
        "date": p.get("date"),
        "claims": len(claims),
        "denials": denials,
        "omissions": omissions,
        "score": 2 * denials + omissions,
        "reviewed": reviewed,
        "sources": len(sources),
    }


def build(rows: list[Row]) -> list[ContestedEvent]:
    return [ContestedEvent(**{k: v for k, v in r.items() if k != "sources"}) for r in rows]
