"""Input validation of the named queries: page bounds, dates, labels and unknown ids."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from seed_graph import S

import queries as q
from graph.embedded import EmbeddedStore
from graph.errors import InvalidInput, NotFound

PAGED: dict[str, Callable[..., Any]] = {
    "denied_claims": q.denied_claims,
    "omissions": q.omissions,
    "readout_comparison": lambda s, **kw: q.readout_comparison(s, S.e1, **kw),
    "corroborated_claims": q.corroborated_claims,
    "contested_events": q.contested_events,
    "source_relations": q.source_relations,
    "actor_timeline": lambda s, **kw: q.actor_timeline(s, S.pashinyan, **kw),
    "claim_provenance": lambda s, **kw: q.claim_provenance(s, S.c1, **kw),
    "search": lambda s, **kw: q.search(s, "peace", **kw),
}


@pytest.mark.parametrize("name", sorted(PAGED))
@pytest.mark.parametrize("page", [{"limit": 0}, {"limit": 501}, {"limit": True}, {"offset": -1}])
def test_page_bounds(seeded: EmbeddedStore, name: str, page: dict[str, Any]) -> None:
    with pytest.raises(InvalidInput, match=r"limit|offset"):
        PAGED[name](seeded, **page)


@pytest.mark.parametrize("name", sorted(PAGED))
def test_page_edges_accepted(seeded: EmbeddedStore, name: str) -> None:
    PAGED[name](seeded, limit=1)
    PAGED[name](seeded, limit=500, offset=10_000)


@pytest.mark.parametrize(
    "call",
    [
        lambda s: q.readout_comparison(s, "event:nope"),
        lambda s: q.readout_comparison(s, S.c1),  # a claim is not an event
        lambda s: q.actor_timeline(s, "actor:nobody"),
        lambda s: q.claim_provenance(s, "claim:none"),
        lambda s: q.neighbourhood(s, "actor:nobody"),
    ],
)
def test_unknown_ids_are_not_found(seeded: EmbeddedStore, call: Callable[..., Any]) -> None:
    with pytest.raises(NotFound):
        call(seeded)


@pytest.mark.parametrize(
    "call",
    [
        lambda s: q.denied_claims(s, date_from="10 May 2024"),
        lambda s: q.contested_events(s, date_to="2024-13-01"),
        lambda s: q.denied_claims(s, event_id=""),
        lambda s: q.search(s, None),  # type: ignore[arg-type]
        lambda s: q.search(s, "x" * 201),
        lambda s: q.search(s, "peace", labels=["Article"]),
        lambda s: q.search(s, "peace", labels="Claim"),
        lambda s: q.neighbourhood(s, S.e1, depth=0),
        lambda s: q.neighbourhood(s, S.e1, depth=4),
        lambda s: q.neighbourhood(s, S.e1, max_nodes=0),
        lambda s: q.neighbourhood(s, S.e1, max_nodes=1001),
    ],
)
def test_bad_filters_are_invalid_input(seeded: EmbeddedStore, call: Callable[..., Any]) -> None:
    with pytest.raises(InvalidInput):
        call(seeded)


def test_empty_store_answers_empty(tmp_path: Any) -> None:
    store = EmbeddedStore()
    assert q.denied_claims(store) == []
    assert q.source_relations(store) == []
    assert q.search(store, "peace") == []
