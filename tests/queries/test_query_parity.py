"""Parity: every named query gives the same answer on the embedded store and on Neo4j.

Both stores are loaded with the same data (the seed graph, then a generated
graph) once per data set; each case in ``cases.CASES`` then runs on both.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from cases import CASES, REVIEW_CASES, Picks, dump
from seed_graph import S, seed_fragment

import queries as q
from bench.synth_graph import generate
from graph import review as reviewing
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


def _reviewer_pass(store: EmbeddedStore) -> list[GraphFragment]:
    """What an analyst might do to a generated graph: reject some denials and omissions,
    accept whole claims (so accepted-only answers are not empty), re-target a few."""
    done: list[GraphFragment] = []
    step = 0

    def judge(edge_id: str, verdict: str, **options: object) -> None:
        nonlocal step
        step += 1
        when = datetime(2026, 11, 30, tzinfo=UTC) + timedelta(seconds=step)
        fragment = reviewing.plan_review(store, edge_id, verdict, "analyst",  # type: ignore[arg-type]
                                         now=when, **options)  # type: ignore[arg-type]
        store.write(fragment)
        done.append(fragment)

    denied = q.denied_claims(store, limit=60)
    for n, d in enumerate(denied):
        if n % 4 == 0:
            judge(d.denied_by[0].edge_id, "rejected")
        elif n % 4 == 1:
            for ref in [*d.asserted_by, *d.denied_by]:
                judge(ref.edge_id, "accepted")
        elif n % 4 == 2 and d.asserted_by[0].source_id != d.denied_by[0].source_id:
            judge(d.denied_by[0].edge_id, "retargeted", source_id=d.asserted_by[-1].source_id)
    for n, o in enumerate(q.omissions(store, limit=40)):
        verdict = "rejected" if n % 2 else "accepted"
        for ref in [*o.omitted_by, *(o.asserted_by if verdict == "accepted" else [])]:
            judge(ref.edge_id, verdict)
    for c in q.corroborated_claims(store, limit=10)[::2]:
        for ref in c.asserted_by:
            judge(ref.edge_id, "accepted")
    return done


@pytest.fixture(scope="module", params=["seed", "synth", "reviewed"])
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
    if request.param == "reviewed":
        for fragment in _reviewer_pass(embedded):
            neo4j_connection.write(fragment)
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


@pytest.mark.parametrize("loaded", ["reviewed"], indirect=True)  # asked of a reviewed graph
@pytest.mark.parametrize("case", sorted(REVIEW_CASES))
def test_same_answer_on_both_stores_with_reviews_filtered(
    case: str, loaded: tuple[EmbeddedStore, Neo4jStore, Picks]
) -> None:
    embedded, neo4j, picks = loaded
    expected = dump(REVIEW_CASES[case](embedded, picks))
    assert expected, f"{case}: empty answer proves nothing"
    assert dump(REVIEW_CASES[case](neo4j, picks)) == expected


@pytest.mark.parametrize("name", ["signed_network", "actor_centrality"])
def test_same_analytics_on_both_stores(
    name: str, loaded: tuple[EmbeddedStore, Neo4jStore, Picks]
) -> None:
    embedded, neo4j, _ = loaded
    compute = getattr(analytics, name)
    assert dump(compute(neo4j)) == dump(compute(embedded))
