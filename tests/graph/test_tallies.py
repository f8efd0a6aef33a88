"""The derived counts behind contested events and source relations.

The rules are plain functions (first tests); the Neo4j store keeps them up to
date write by write, which the later tests check against the embedded store's
networkx twins, computed from the edges every time.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from graph import cypher_catalog
from graph import review as reviewing
from graph.embedded import EmbeddedStore
from graph.errors import InvalidInput
from graph.model import EdgeType, GraphFragment, Node
from graph.neo4j_store import Neo4jStore
from graph.tallies import TALLY_VERSION, pair_deltas, pair_relations
from queries import contested_events, source_relations
from tests.graph.test_store_contract import actor, article, claim, edge, event, source

# -- the rules ---------------------------------------------------------------


def test_a_claim_relates_every_other_source_to_each_asserting_source() -> None:
    stances = [("tass", "ASSERTS"), ("azertac", "ASSERTS"), ("armenpress", "DENIES")]

    assert pair_relations(stances) == {
        ("tass", "azertac", "corroborates"),
        ("azertac", "tass", "corroborates"),
        ("armenpress", "tass", "denies"),
        ("armenpress", "azertac", "denies"),
    }


def test_a_claim_nobody_asserts_relates_no_one() -> None:
    assert pair_relations([("a", "DENIES"), ("b", "OMITS")]) == set()


def test_two_edges_of_one_source_count_once() -> None:
    twice = [("a", "ASSERTS"), ("b", "DENIES"), ("b", "DENIES")]

    assert pair_relations(twice) == {("b", "a", "denies")}


def test_deltas_add_what_a_write_creates_and_remove_what_it_drops() -> None:
    before = {"c1": [("a", "ASSERTS"), ("b", "OMITS")]}
    after = {"c1": [("a", "ASSERTS"), ("b", "DENIES")], "c2": [("a", "ASSERTS"), ("b", "ASSERTS")]}

    rows = {(r["a"], r["b"]): r for r in pair_deltas(before, after)}

    assert rows[("b", "a")] | {"id": ""} == {
        "id": "", "a": "b", "b": "a", "corroborates": 1, "denies": 1, "omits": -1,
    }  # fmt: skip
    assert (rows[("a", "b")]["corroborates"], rows[("a", "b")]["omits"]) == (1, 0)


def test_no_change_means_no_rows() -> None:
    same = {"c1": [("a", "ASSERTS"), ("b", "DENIES")]}

    assert pair_deltas(same, same) == []


# -- kept up to date in Neo4j ------------------------------------------------

SOURCES = [source(name) for name in ("TASS", "Azertag", "Armenpress", "State Department", "APA")]
PEOPLE = [actor(name) for name in ("Ilham Aliyev", "Nikol Pashinyan", "Sergey Lavrov")]
EVENTS = [
    event("2024-03-0" + str(i + 1), PEOPLE[i % 3], PEOPLE[(i + 1) % 3], kind="meeting")
    for i in range(4)
]
CLAIMS = [claim(e, f"point {n} of the meeting") for e in EVENTS for n in range(4)]
TEXT = article("One article that every edge in these tests cites.")


def structure() -> GraphFragment:
    """The events, their claims and participants, before any account of them."""
    nodes: list[Node] = [*SOURCES, *PEOPLE, *EVENTS, *CLAIMS, TEXT]
    edges = [edge(EdgeType.PARTICIPANT, e, PEOPLE[0], role="counterpart") for e in EVENTS]
    edges += [edge(EdgeType.ABOUT, c, e) for e in EVENTS for c in CLAIMS if claim(e, c.text) == c]
    return GraphFragment(nodes=nodes, edges=edges)


def random_fragment(rng: random.Random) -> GraphFragment:
    """A write of a few account edges, re-sent and recomputed ones included.

    The pools are small on purpose, so writes overlap: edges repeat, omissions
    made by comparison are replaced, and pairs of sources gain and lose counts.
    Most writes carry edges only, to nodes written before.
    """
    nodes: list[Node] = []
    edges = []
    for _ in range(rng.randint(1, 8)):
        point, by = rng.choice(CLAIMS), rng.choice(SOURCES)
        if rng.random() < 0.2:
            nodes += [point, by]
        kind = rng.choice([EdgeType.ASSERTS, EdgeType.ASSERTS, EdgeType.DENIES, EdgeType.OMITS])
        method = rng.choice(["comparison", "stated"]) if kind is EdgeType.OMITS else "rule"
        quote = rng.choice(["one quote", "another quote"])
        edges.append(
            edge(kind, by, point, quote, evidence=quote, article_id=TEXT.id, method=method,
                 start_char=0, end_char=len(quote))
        )  # fmt: skip
    recompute = rng.sample([e.id for e in EVENTS], k=rng.randint(0, 2))
    return GraphFragment(nodes=nodes, edges=edges, recompute_omissions=recompute)


def ranked(store: Neo4jStore | EmbeddedStore) -> tuple[object, object]:
    return (
        [r.model_dump() for r in source_relations(store, limit=500)],
        [r.model_dump() for r in contested_events(store, limit=500)],
    )


@pytest.mark.neo4j
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_counts_kept_by_each_write_equal_a_recount_from_the_edges(
    neo4j_store: Neo4jStore, embedded_store: EmbeddedStore, seed: int
) -> None:
    rng = random.Random(seed)
    neo4j_store.write(structure())
    embedded_store.write(structure())
    for step in range(12):
        fragment = random_fragment(rng)
        neo4j_store.write(fragment)
        embedded_store.write(fragment)

        assert ranked(neo4j_store) == ranked(embedded_store), f"after write {step}"
    relations, contested = ranked(neo4j_store)
    assert relations and contested  # the random writes did relate sources and contest events


def random_review(rng: random.Random, store: EmbeddedStore, step: int) -> GraphFragment | None:
    """A reviewer's verdict on a random account edge: reject, accept or re-target it."""
    edges = sorted(r.id for r in store.export().relationships
                   if r.type in ("ASSERTS", "DENIES", "OMITS"))
    if not edges:
        return None
    verdict = rng.choice(["rejected", "rejected", "accepted", "retargeted"])
    chosen = rng.choice(edges)
    options: dict[str, object] = {}
    if verdict == "retargeted":
        options["source_id"] = rng.choice([s.id for s in SOURCES])
    when = datetime(2026, 11, 30, tzinfo=UTC) + timedelta(minutes=step)
    try:
        return reviewing.plan_review(store, chosen, verdict, "analyst", now=when,  # type: ignore[arg-type]
                                     **options)  # type: ignore[arg-type]
    except InvalidInput:  # a re-target to the source it already has
        return None


@pytest.mark.neo4j
@pytest.mark.parametrize("seed", [5, 6])
def test_counts_follow_reviews_like_a_recount_from_the_standing_edges(
    neo4j_store: Neo4jStore, embedded_store: EmbeddedStore, seed: int
) -> None:
    rng = random.Random(seed)
    neo4j_store.write(structure())
    embedded_store.write(structure())
    reviews = 0
    for step in range(16):
        fragment = (random_fragment(rng) if step % 2 == 0
                    else random_review(rng, embedded_store, step))
        if fragment is None:
            continue
        reviews += bool(fragment.reviews)
        neo4j_store.write(fragment)
        embedded_store.write(fragment)

        assert ranked(neo4j_store) == ranked(embedded_store), f"after write {step}"
    kept = ranked(neo4j_store)
    neo4j_store.recount_tallies()
    assert ranked(neo4j_store) == kept
    assert reviews >= 4


@pytest.mark.neo4j
def test_a_recount_gives_the_counts_the_writes_kept(neo4j_store: Neo4jStore) -> None:
    rng = random.Random(9)
    neo4j_store.write(structure())
    for _ in range(8):
        neo4j_store.write(random_fragment(rng))
    kept = ranked(neo4j_store)

    neo4j_store.recount_tallies()

    assert ranked(neo4j_store) == kept


@pytest.mark.neo4j
def test_a_graph_without_counts_is_recounted_when_connected(
    neo4j_store: Neo4jStore, neo4j_server: object
) -> None:
    rng = random.Random(4)
    neo4j_store.write(structure())
    for _ in range(6):
        neo4j_store.write(random_fragment(rng))
    kept = ranked(neo4j_store)
    with neo4j_store.driver.session() as session:  # as an older sckg would have left it
        session.run(cypher_catalog.load("delete_tallies")).consume()
        session.run("MATCH (s:SckgInternal {kind: 'state'}) REMOVE s.tally_version").consume()
    assert ranked(neo4j_store) != kept

    again = Neo4jStore.connect(neo4j_server.db_uri)  # type: ignore[attr-defined]
    try:
        assert ranked(again) == kept
        assert again.read("MATCH (s:SckgInternal {kind: 'state'}) RETURN s.tally_version AS v") == [
            {"v": TALLY_VERSION}
        ]
    finally:
        again.close()


@pytest.mark.neo4j
def test_every_write_and_clear_changes_the_generation(neo4j_store: Neo4jStore) -> None:
    seen = [neo4j_store.generation()]
    neo4j_store.write(structure())
    seen.append(neo4j_store.generation())
    neo4j_store.clear()
    seen.append(neo4j_store.generation())

    assert len(set(seen)) == 3
    assert neo4j_store.generation() == seen[-1]  # reading does not change it


def test_the_embedded_generation_changes_with_writes_only(embedded_store: EmbeddedStore) -> None:
    first = embedded_store.generation()
    source_relations(embedded_store)
    assert embedded_store.generation() == first

    embedded_store.write(structure())

    assert embedded_store.generation() != first


@pytest.mark.neo4j
def test_bookkeeping_nodes_stay_out_of_the_export(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(structure())

    labels = {label for node in neo4j_store.export().nodes for label in node.labels}

    assert labels <= {"Actor", "Event", "Source", "Claim", "Article"}
    tallies = "MATCH (t:SckgInternal {kind: 'event_tally'}) RETURN count(t) AS n"
    assert neo4j_store.read(tallies)[0]["n"] > 0
