"""Corroborated claims: the networkx twin of ``cypher/corroborated_claims.cypher`` (an event,
actor or source anchors the search) and ``cypher/corroborated_claims_recent.cypher`` (no
anchor: newest events first, read down the event date index).

Corroborated: two *different* sources assert the claim and speak for two *different*
actors (one source speaking for two actors does not corroborate itself).
"""

from __future__ import annotations

import networkx as nx

from queries._rows import (
    Row,
    account_rows,
    edges_of_type,
    event_fields,
    evidence,
    first_page,
    in_range,
    kept,
    props,
)
from queries.results import ActorRef, CorroboratedClaim


def cypher_name(params: Row) -> str:
    anchored = any(params[k] is not None for k in ("event_id", "actor_id", "source_id"))
    return "corroborated_claims" if anchored else "corroborated_claims_recent"


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    speaks = _speaks_for(g)
    actor = params["actor_id"]
    speakers = None if actor is None else {s for s, acts in speaks.items() if actor in acts}

    def make(candidate: tuple[str, ...], event_id: str | None) -> Row | None:
        (claim_id,) = candidate
        if event_id is None:
            return None
        asserted = account_rows(g, claim_id, ["ASSERTS"])
        pairs = {(r["source_id"], a) for r in asserted for a in speaks.get(r["source_id"], ())}
        if not any(x[0] != y[0] and x[1] != y[1] for x in pairs for y in pairs):
            return None
        actors = {a for _, a in pairs}
        if not _keep(g, params, actors, {r["source_id"] for r in asserted}, event_id):
            return None
        return {
            "claim_id": claim_id, "claim_text": props(g, claim_id).get("text"),
            **event_fields(g, event_id), "asserted": asserted,
            "actors": [{"id": a, "name": props(g, a).get("name")} for a in actors],
        }  # fmt: skip

    def candidates() -> set[tuple[str, ...]]:
        return {(c,) for s, c, _ in edges_of_type(g, "ASSERTS") if s in speaks}

    def actor_candidates() -> set[tuple[str, ...]]:
        """With an actor, only claims a source speaking for it asserts can qualify (the
        actors of a claim are those its asserting sources speak for): far fewer to place
        than every asserted claim."""
        return {(c,) for s in speakers or () for _, c, d in g.out_edges(s, data=True)
                if d["type"] == "ASSERTS"}

    if speakers is not None:
        return first_page(g, actor_candidates, make, params)
    return first_page(g, candidates, make, params, keep_as="corroborated_claims")


def _speaks_for(g: nx.MultiDiGraph) -> dict[str, list[str]]:
    """The actors each source speaks for: read from every edge, so worked out once per
    version of the graph and kept with it (most of a call's time before it was kept)."""
    return kept(g, "speaks_for", lambda: _read_speaks_for(g))


def _read_speaks_for(g: nx.MultiDiGraph) -> dict[str, list[str]]:
    speaks: dict[str, list[str]] = {}
    for s, a, d in g.edges(data=True):
        if d["type"] == "SPEAKS_FOR":
            speaks.setdefault(s, []).append(a)
    return speaks


def _keep(
    g: nx.MultiDiGraph, params: Row, actors: set[str], sources: set[str], event_id: str
) -> bool:
    if params["actor_id"] is not None and params["actor_id"] not in actors:
        return False
    if params["source_id"] is not None and params["source_id"] not in sources:
        return False
    if params["event_id"] is not None and event_id != params["event_id"]:
        return False
    return in_range(props(g, event_id).get("date"), params["date_from"], params["date_to"])


def build(rows: list[Row]) -> list[CorroboratedClaim]:
    return [
        CorroboratedClaim(
            claim_id=r["claim_id"], claim_text=r["claim_text"], event_id=r["event_id"],
            event_name=r["event_name"], event_date=r["event_date"],
            actors=sorted({a["id"]: ActorRef(**a) for a in r["actors"]}.values(),
                          key=lambda a: a.id),
            asserted_by=evidence(r["asserted"]),
        )
        for r in rows
    ]  # fmt: skip
