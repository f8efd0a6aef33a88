"""Source relations: the networkx twin of ``cypher/source_relations.cypher`` (pairs of one
source) and ``cypher/source_relations_all.cypher`` (every pair)."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from queries._rows import Row, edges_of_type, kept, label_of, page, props
from queries.results import SourceRelation

_FIELD = {"ASSERTS": "corroborates", "DENIES": "denies", "OMITS": "omits"}


def cypher_name(params: Row) -> str:
    return "source_relations_all" if params["source_id"] is None else "source_relations"


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    only = params.get("source_id")
    rows = [r for r in kept(g, "source_relations", lambda: _all_pairs(g))
            if only in (None, r["source_a"], r["source_b"])]
    return page(rows, params)


def _all_pairs(g: nx.MultiDiGraph) -> list[Row]:
    """Every related pair, by total: kept with the graph until its next write (what the
    Neo4j store keeps in its source-pair tallies)."""
    stances: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for s, c, d in edges_of_type(g, *_FIELD):
        if label_of(g, s) == "Source":
            stances[c][d["type"]].add(s)
    claims: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for claim_id, by_type in stances.items():
        for b in by_type.get("ASSERTS", ()):
            for kind, sources in by_type.items():
                for a in sources:
                    if a != b:
                        claims[(a, b, _FIELD[kind])].add(claim_id)
    counts: dict[tuple[str, str], Row] = {}
    for (a, b, field), found in claims.items():
        row = counts.setdefault((a, b), _row(g, a, b))
        row[field] = len(found)
    return sorted(
        counts.values(),
        key=lambda r: (-(r["corroborates"] + r["denies"] + r["omits"]), r["source_a"],
                       r["source_b"]),
    )


def _row(g: nx.MultiDiGraph, a: str, b: str) -> Row:
    return {
        "source_a": a,
        "source_a_name": props(g, a).get("name"),
        "source_b": b,
        "source_b_name": props(g, b).get("name"),
        "corroborates": 0,
        "denies": 0,
        "omits": 0,
    }


def build(rows: list[Row]) -> list[SourceRelation]:
    return [SourceRelation(**r) for r in rows]
