"""A rejected edge leaves every named query, on both stores, and comes back when asked for.

The graph is the contract suite's phone call; the edge rejected is the presidential
press service's denial, the one edge behind the call's denial in every answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

import queries as q
from graph import review as reviewing
from graph.export import render
from graph.store import GraphStore
from queries.claim_review import claim_review_document
from tests.graph.test_review import DENIAL, LEFT_OUT
from tests.graph.test_store_contract import (
    CALL,
    PRESIDENT_AZ,
    READOUT,
    RIGHTS,
    STATE_DEPT,
    phone_call,
)

Ask = Callable[..., Any]


def _edge_ids(value: Any) -> set[str]:
    """Every edge id anywhere in a result (``edge_id`` fields, relationship ids)."""
    data = value.model_dump() if hasattr(value, "model_dump") else value
    found: set[str] = set()
    if isinstance(data, list):
        for item in data:
            found |= _edge_ids(item)
    elif isinstance(data, dict):
        for key, item in data.items():
            if key in ("edge_id", "id") and isinstance(item, str) and item.startswith("rel:"):
                found.add(item)
            found |= _edge_ids(item)
    return found


LISTS: dict[str, Ask] = {
    "denied": lambda s, **r: q.denied_claims(s, **r),
    "comparison": lambda s, **r: q.readout_comparison(s, CALL.id, **r),
    "provenance": lambda s, **r: q.claim_provenance(s, RIGHTS.id, **r),
    "article": lambda s, **r: q.article_view(s, READOUT.id, **r),
    "neighbourhood": lambda s, **r: q.neighbourhood(s, RIGHTS.id, **r),
}


@pytest.fixture
def judged(store: GraphStore) -> GraphStore:
    store.write(phone_call())
    store.write(reviewing.plan_review(store, DENIAL.id, "rejected", "analyst-1",
                                      now=datetime(2026, 11, 30, tzinfo=UTC)))
    return store


@pytest.mark.parametrize("name", sorted(LISTS))
def test_a_rejected_edge_leaves_each_edge_list_and_comes_back_on_request(
    judged: GraphStore, name: str
) -> None:
    ask = LISTS[name]
    assert DENIAL.id not in _edge_ids(ask(judged))
    assert DENIAL.id in _edge_ids(ask(judged, include_rejected=True))
    assert DENIAL.id not in _edge_ids(ask(judged, reviewed="accepted"))


def test_a_rejected_omission_leaves_the_omissions_and_comes_back_on_request(
    judged: GraphStore,
) -> None:
    assert [o.source_id for o in q.omissions(judged)] == [PRESIDENT_AZ.id]
    judged.write(reviewing.plan_review(judged, LEFT_OUT.id, "rejected", "analyst-1",
                                       now=datetime(2026, 11, 30, 1, tzinfo=UTC)))

    assert q.omissions(judged) == []
    assert LEFT_OUT.id in _edge_ids(q.omissions(judged, include_rejected=True))
    assert q.omissions(judged, reviewed="accepted") == []


def test_a_rejected_quote_no_longer_finds_its_claim(judged: GraphStore) -> None:
    # "such" is only in the denial's words ("no such issue was raised")
    assert q.search(judged, "such") == []
    assert [h.id for h in q.search(judged, "such", include_rejected=True)] == [RIGHTS.id]


def test_the_rankings_count_standing_edges(judged: GraphStore) -> None:
    (contested,) = q.contested_events(judged)
    assert (contested.denials, contested.omissions) == (0, 1)
    (dated,) = q.events_by_date(judged)
    assert dated.denials == 0 and dated.reviewed == 1
    pairs = {(r.source_a, r.source_b): r for r in q.source_relations(judged)}
    assert pairs[(PRESIDENT_AZ.id, STATE_DEPT.id)].denies == 0
    assert pairs[(PRESIDENT_AZ.id, STATE_DEPT.id)].omits == 1


def test_the_queue_and_the_claim_review_export_leave_it_out(judged: GraphStore) -> None:
    assert DENIAL.id not in _edge_ids(q.review_queue(judged))
    assert claim_review_document(judged)["@graph"] == []


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf", "cytoscape"])
def test_every_export_format_carries_the_verdict(judged: GraphStore, fmt: str,
                                                 tmp_path: Path) -> None:
    text = render(judged.export(), fmt)
    if fmt in ("graphml", "gexf"):
        path = tmp_path / f"g.{fmt}"
        path.write_text(text)
        g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
        edges = {d.get("id", k): d for _, _, k, d in g.edges(keys=True, data=True)}
        denial = next(d for k, d in edges.items() if DENIAL.id in (k, d.get("id")))
    elif fmt == "json":
        denial = next(r["properties"] for r in json.loads(text)["relationships"]
                      if r["id"] == DENIAL.id)
    else:
        denial = next(e["data"] for e in json.loads(text)["elements"]["edges"]
                      if e["data"]["id"] == DENIAL.id)
    assert denial["review"] == "rejected" and denial["reviewed_by"] == "analyst-1"
