"""Parity: every named query gives the same answer on the embedded store and on Neo4j.

Both stores are loaded with the same data (the seed graph, then a generated
graph) once per data set; each case in ``cases.CASES`` then runs on both.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cases import CASES, Picks, dump
from seed_graph import S, seed_fragment

import queries as q
from bench.synth_graph import generate
from graph.embedded import EmbeddedStore
from graph.model import GraphFragment
from graph.neo4j_store import Neo4jStore
from queries import analytics

pytestmark = pytest.mark.neo4j

SEED_PICKS = Picks(
    event=S.e1,
    actor=S.pashinyan,
    source=S.az,
    omitter=S.arm,
    claim=S.c2,
    date_from="2024-05-01",
    date_to="2024-05-31",
    text="pashin",
)


def _synth_picks(store: EmbeddedStore) -> Picks:
    denied = q.denied_claims(store, limit=500)
    dated = [d for d in denied if d.event_date][len(denied) // 3]
    assert dated.event_id is not None and dated.event_date is not None
    actor = q.readout_comparison(store, dated.event_id)  # the event exists in both stores
    participants = q.neighbourhood(store, dated.event_id).nodes
    actor_id = next(n.id for n in participants if n.labels == ["Actor"])
    year = dated.event_date[:4]
    assert actor.sources
    omitter = q.omissions(store)[0].source_id
    return Picks(
        event=dated.event_id,
        actor=actor_id,
        source=dated.denied_by[0].source_id,
        omitter=omitter,
        claim=dated.claim_id,
        date_from=f"{year}-01-01",
        date_to=f"{year}-06-30",
        text="ceasefire",
    )


@pytest.fixture(scope="module", params=["seed", "synth"])
def loaded(
    request: pytest.FixtureRequest, neo4j_connection: Neo4jStore
) -> Iterator[tuple[EmbeddedStore, Neo4jStore, Picks]]:
    """Both stores holding the same graph; Neo4j is wiped before and after the module's use."""
    fragments = [seed_fragment()] if request.param == "seed" else list(generate(600, seed=7))
    embedded = EmbeddedStore()
    neo4j_connection.clear()
    for fragment in fragments:
        embedded.write(fragment)
        neo4j_connection.write(GraphFragment.model_validate(fragment.model_dump()))
    picks = SEED_PICKS if request.param == "seed" else _synth_picks(embedded)
    yield embedded, neo4j_connection, picks
    neo4j_connection.clear()


@pytest.mark.parametrize("case", sorted(CASES))
def test_same_answer_on_both_stores(
    case: str, loaded: tuple[EmbeddedStore, Neo4jStore, Picks]
) -> None:
    embedded, neo4j, picks = loaded
    expected = dump(CASES[case](embedded, picks))
    assert expected, f"{case}: empty answer proves nothing"
    assert dump(CASES[case](neo4j, picks)) == expected


@pytest.mark.parametrize("name", ["signed_network", "actor_centrality"])
def test_same_analytics_on_both_stores(
    name: str, loaded: tuple[EmbeddedStore, Neo4jStore, Picks]
) -> None:
    embedded, neo4j, _ = loaded
    compute = getattr(analytics, name)
    assert dump(compute(neo4j)) == dump(compute(embedded))
