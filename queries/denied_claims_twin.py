"""Claims denied by another source: the networkx twin of two Cypher files.

``cypher/denied_claims.cypher`` answers when an event, actor or source anchors
the search; ``cypher/denied_claims_recent.cypher`` otherwise, walking the event
date index newest first so that a page costs the same however large the graph.
Both mean the same, and so does :func:`twin`: claims about an event that one
source asserts and another denies.
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
    out_ends,
    props,
)
from queries.results import DeniedClaim


def cypher_name(params: Row) -> str:
    anchored = any(params[k] is not None for k in ("event_id", "actor_id", "source_id"))
    return "denied_claims" if anchored else "denied_claims_recent"


def twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:

    def make(candidate: tuple[str, ...], event_id: str | None) -> Row | None:
        (claim_id,) = candidate
        if event_id is None:
            return None
        asserted = account_rows(g, claim_id, ["ASSERTS"])
        denied = account_rows(g, claim_id, ["DENIES"])
        asserters = {r["source_id"] for r in asserted}
        if not any(asserters - {r["source_id"]} for r in denied):
            return None
        if not _keep(g, params, claim_id, event_id, asserters | {r["source_id"] for r in denied}):
            return None
        return {
            "claim_id": claim_id,
            "claim_text": props(g, claim_id).get("text"),
            **event_fields(g, event_id),
            "asserted": asserted,
            "denied": denied,
        }

    def claims() -> set[tuple[str, ...]]:
        return {(e,) for _, e, _ in edges_of_type(g, "DENIES")}

    return first_page(g, claims, make, params, keep_as="denied_claims")


def _keep(g: nx.MultiDiGraph, params: Row, claim_id: str, event_id: str, sources: set[str]) -> bool:
    if params["event_id"] is not None and event_id != params["event_id"]:
        return False
    if not in_range(props(g, event_id).get("date"), params["date_from"], params["date_to"]):
        return False
    if params["source_id"] is not None and params["source_id"] not in sources:
        return False
    actor = params["actor_id"]
    if actor is None:
        return True
    in_claim = actor in out_ends(g, claim_id, "MENTIONS", "Actor")
    return in_claim or actor in out_ends(g, event_id, "PARTICIPANT", "Actor")


def build(rows: list[Row]) -> list[DeniedClaim]:
    out = []
    for r in rows:
        asserted, denied = evidence(r["asserted"]), evidence(r["denied"])
        out.append(DeniedClaim(
            claim_id=r["claim_id"],
            claim_text=r["claim_text"],
            event_id=r["event_id"],
            event_name=r["event_name"],
            event_date=r["event_date"],
            asserted_by=asserted,
            denied_by=denied,
            reviewed=sum(ref.review is not None for ref in [*asserted, *denied]),
        ))
    return out
