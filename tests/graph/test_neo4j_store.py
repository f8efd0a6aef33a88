"""What only the Neo4j store has: connecting, the Cypher catalog, raw reads, big batches."""

from __future__ import annotations

import time
from typing import Any

import pytest

import queries as q
from graph import cypher_catalog
from graph.errors import InvalidInput, Unavailable
from graph.model import NODE_TYPES, Actor, Edge, EdgeType, GraphFragment, Node, Source
from graph.neo4j_store import (
    CHUNK_SIZE,
    INTERNAL_LABEL,
    LEGACY_LABELS,
    QUERY_NAMES,
    Neo4jStore,
    parse_target,
    plan_write,
)

# -- no server needed -----------------------------------------------------------


def test_credentials_in_the_uri_are_taken_out_of_it() -> None:
    target = parse_target("bolt://neo4j:s%40cret@127.0.0.1:7687", password="ignored")

    assert target.uri == "bolt://127.0.0.1:7687"
    assert target.auth == ("neo4j", "s@cret")
    assert "cret" not in target.shown


def test_credentials_come_from_arguments_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SCKG_NEO4J_USER", "reader")
    monkeypatch.setenv("SCKG_NEO4J_PASSWORD", "from-env")

    assert parse_target("neo4j://db:7687", "admin", "given").auth == ("admin", "given")
    assert parse_target("neo4j://db:7687").auth == ("reader", "from-env")
    monkeypatch.delenv("SCKG_NEO4J_PASSWORD")
    assert parse_target("neo4j://db:7687").auth is None


def test_every_cypher_file_is_used_by_the_store_and_every_used_name_has_a_file() -> None:
    assert set(cypher_catalog.names()) == QUERY_NAMES
    for name in QUERY_NAMES:
        assert cypher_catalog.load(name).strip()


def test_the_catalog_refuses_names_that_are_not_plain_words() -> None:
    with pytest.raises(KeyError):
        cypher_catalog.load("../store")
    with pytest.raises(KeyError):
        cypher_catalog.load("no_such_query")


def test_the_schema_file_splits_into_statements_without_comments() -> None:
    statements = cypher_catalog.statements("initialize")

    assert len(statements) >= 6
    assert all(s.startswith("CREATE ") and "IF NOT EXISTS" in s for s in statements)


def test_repeated_nodes_are_merged_before_they_reach_cypher() -> None:
    spellings: list[Node] = [Actor(id="actor:x", name="X", aliases=[a]) for a in ("A", "B", "A")]

    plan = plan_write(GraphFragment(nodes=spellings))

    (row,) = plan.nodes["Actor"]
    assert row["aliases"] == ["A", "B"] and "aliases" not in row["props"]


def test_an_unreachable_server_is_reported_with_the_uri_and_how_to_start_one() -> None:
    started = time.monotonic()

    with pytest.raises(Unavailable) as caught:
        Neo4jStore.connect("bolt://neo4j:hunter22@127.0.0.1:1")

    message = str(caught.value)
    assert "bolt://127.0.0.1:1" in message and "sckg neo4j start" in message
    assert "hunter22" not in message
    assert time.monotonic() - started < 15


# -- against the real server ----------------------------------------------------------


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(QUERY_NAMES - {"initialize"}))
def test_every_query_parses_on_the_server(neo4j_store: Neo4jStore, name: str) -> None:
    several = name == "migrate_dates"  # `;`-separated, like initialize
    texts = cypher_catalog.statements(name) if several else (cypher_catalog.load(name),)
    with neo4j_store.driver.session(database=neo4j_store.database) as session:
        for text in texts:
            session.run(f"EXPLAIN {text}").consume()


@pytest.mark.neo4j
def test_wrong_credentials_are_unavailable_not_a_crash(neo4j_server: object) -> None:
    uri = neo4j_server.uri  # type: ignore[attr-defined]

    with pytest.raises(Unavailable, match="credentials"):
        Neo4jStore.connect(uri, user="neo4j", password="definitely-wrong")


@pytest.mark.neo4j
def test_connecting_again_keeps_the_schema(neo4j_server: object) -> None:
    again = Neo4jStore.connect(neo4j_server.db_uri)  # type: ignore[attr-defined]
    try:
        rows = again.read("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name")
    finally:
        again.close()

    model = [f"{label}_id" for label in ("actor", "article", "claim", "event", "source")]
    bookkeeping = ["sckg_internal_key"]
    assert [r["name"] for r in rows] == sorted(model + bookkeeping)


@pytest.mark.neo4j
def test_read_runs_parameterised_cypher_and_refuses_writes(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(GraphFragment(nodes=[Actor(id="actor:x", name="X")]))

    assert neo4j_store.read("MATCH (a:Actor {id: $id}) RETURN a.name AS name", {"id": "actor:x"}) \
        == [{"name": "X"}]  # fmt: skip
    with pytest.raises(InvalidInput):
        neo4j_store.read("CREATE (:Actor {id: 'actor:y'})")
    with pytest.raises(InvalidInput, match="SyntaxError"):
        neo4j_store.read("MATCH (a RETURN a")
    assert neo4j_store.counts()["Actor"] == 1


@pytest.mark.neo4j
def test_a_slow_read_is_stopped_by_its_timeout(neo4j_store: Neo4jStore) -> None:
    slow = "UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 99 RETURN count(i) AS n"

    with pytest.raises(InvalidInput):
        neo4j_store.read(slow, timeout=0.5)


@pytest.mark.neo4j
def test_the_fulltext_index_finds_names_aliases_and_claim_texts(neo4j_store: Neo4jStore) -> None:
    neo4j_store.write(GraphFragment(nodes=[Actor(id="actor:ab", name="Antony Blinken",
                                                 aliases=["SecBlinken"])]))  # fmt: skip
    neo4j_store.read("CALL db.awaitIndexes(30)")
    query = "CALL db.index.fulltext.queryNodes('sckg_text', $q) YIELD node RETURN node.id AS id"

    assert neo4j_store.read(query, {"q": "secblinken"}) == [{"id": "actor:ab"}]
    assert neo4j_store.read(query, {"q": "antony"}) == [{"id": "actor:ab"}]


@pytest.mark.neo4j
def test_a_fragment_larger_than_one_chunk_is_written_whole(neo4j_store: Neo4jStore) -> None:
    size = CHUNK_SIZE * 2 + 17
    sources = [Source(id=f"source:s{i}", name=f"S{i}") for i in range(size)]
    actors = [Actor(id=f"actor:a{i}", name=f"A{i}") for i in range(size)]
    edges = [
        Edge(id=f"rel:{i}", type=EdgeType.SPEAKS_FOR, start=s.id, end=a.id)
        for i, (s, a) in enumerate(zip(sources, actors, strict=True))
    ]

    neo4j_store.write(GraphFragment(nodes=[*sources, *actors], edges=edges))

    counts = neo4j_store.counts()
    assert (counts["Source"], counts["Actor"], counts["SPEAKS_FOR"]) == (size, size, size)


@pytest.mark.neo4j
@pytest.mark.timeout(300)
def test_two_concurrent_ingests_both_complete(neo4j_store: Neo4jStore,
                                              neo4j_server: Any) -> None:
    """Two processes' worth of writers (own drivers, threads here) on the same actors and
    days: the server orders them, transient conflicts are retried, nothing is lost."""
    import threading
    from datetime import date

    from ingest.documents import ArticleDoc
    from ingest.pipeline import ingest_documents

    def docs(side: str) -> list[ArticleDoc]:
        return [ArticleDoc(
            origin=f"{side}{n}.txt", title=None, outlet="Caucasus Ledger",
            published=date(2024, 3, 1 + n), language="en",
            text=f"President Ilham Aliyev and Prime Minister Nikol Pashinyan spoke by phone on "
                 f"{1 + n} March 2024. The Azerbaijani Foreign Ministry said that the sides "
                 f"discussed point {side}{n} of the peace treaty.\n")
            for n in range(8)]

    failures: list[BaseException] = []

    def run(side: str) -> None:
        try:
            own = Neo4jStore.connect(neo4j_server.db_uri)
            try:
                ingest_documents(own, docs(side), batch_size=1, progress=False)
            finally:
                own.close()
        except BaseException as exc:  # reported below: a thread's error is otherwise lost
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(side,)) for side in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert neo4j_store.counts()["Article"] == 16


def test_a_conflict_left_after_the_drivers_retries_is_busy_not_unavailable() -> None:
    """Exit code 3 means "Neo4j is not there"; a write that kept conflicting is 4 (busy)."""
    from neo4j.exceptions import TransientError

    from graph.errors import StoreBusy

    store = Neo4jStore.__new__(Neo4jStore)  # only the error mapping is exercised here
    store.uri = "bolt://127.0.0.1:7687"
    with pytest.raises(StoreBusy, match="run it again"), store._errors():
        raise TransientError("deadlock detected")


@pytest.mark.neo4j
def test_event_and_article_dates_are_native_neo4j_dates(neo4j_store: Neo4jStore) -> None:
    """Cypher's date functions (and Browser's time filters) work on them; JSON stays ISO."""
    from tests.graph.test_store_contract import CALL, READOUT, phone_call

    dated = READOUT.model_copy(update={"published": "2024-05-02"})
    fragment = phone_call()
    fragment.nodes = [dated if n.id == READOUT.id else n for n in fragment.nodes]
    neo4j_store.write(fragment)

    rows = neo4j_store.read(
        "MATCH (e:Event {id: $event}), (a:Article {id: $article}) "
        "RETURN valueType(e.date) AS event_type, e.date.month AS month, "
        "valueType(a.published) AS article_type, "
        "duration.inDays(e.date, a.published).days AS days_later",
        {"event": CALL.id, "article": READOUT.id})
    assert rows == [{"event_type": "DATE NOT NULL", "month": 5,
                     "article_type": "DATE NOT NULL", "days_later": 1}]
    assert neo4j_store.get_node(CALL.id).properties["date"] == "2024-05-01"  # type: ignore[union-attr]
    assert neo4j_store.export().model_dump() == _embedded_export(fragment)


def _embedded_export(fragment: GraphFragment) -> dict[str, object]:
    from graph.embedded import EmbeddedStore

    reference = EmbeddedStore()
    reference.write(fragment)
    return reference.export().model_dump()


@pytest.mark.neo4j
def test_a_graph_with_string_dates_is_migrated_when_connected(
    neo4j_store: Neo4jStore, neo4j_server: object
) -> None:
    from tests.graph.test_store_contract import CALL, phone_call

    neo4j_store.write(phone_call())
    before = [e.model_dump() for e in q.contested_events(neo4j_store)]
    with neo4j_store.driver.session() as session:  # as an older sckg left it
        session.run("MATCH (e:Event) SET e.date = toString(e.date)").consume()
        session.run("MATCH (t:SckgInternal {kind: 'event_tally'}) SET t.date = toString(t.date)"
                    ).consume()
        session.run("MATCH (s:SckgInternal {kind: 'state'}) REMOVE s.dates_version").consume()

    again = Neo4jStore.connect(neo4j_server.db_uri)  # type: ignore[attr-defined]
    try:
        types = again.read("MATCH (e:Event {id: $id}) "
                           "MATCH (t:SckgInternal {kind: 'event_tally', event_id: $id}) "
                           "RETURN valueType(e.date) AS e, valueType(t.date) AS t", {"id": CALL.id})
        assert types == [{"e": "DATE NOT NULL", "t": "DATE NOT NULL"}]
        assert [e.model_dump() for e in q.contested_events(again, date_from="2024-05-01")] == before
        assert again.ensure_native_dates() is False  # once
    finally:
        again.close()


# The schema an sckg before SckgInternal made for its bookkeeping (one label per kind).
LEGACY_SCHEMA = (
    "CREATE CONSTRAINT sckg_state_key FOR (n:SckgState) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT event_tally_event FOR (n:EventTally) REQUIRE n.event_id IS UNIQUE",
    "CREATE INDEX event_tally_score FOR (n:EventTally) ON (n.score)",
    "CREATE CONSTRAINT source_pair_tally_id FOR (n:SourcePairTally) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT sckg_text_article FOR (n:SckgText) REQUIRE n.article_id IS UNIQUE",
    "CREATE INDEX sckg_review_edge FOR (n:SckgReview) ON (n.edge_id)",
)


def _as_an_older_sckg_left_it(session: Any) -> None:
    """Each bookkeeping node back under its own label with its old key, and its old schema."""
    for label, kind in LEGACY_LABELS.items():
        session.run("MATCH (n:SckgInternal {kind: $kind}) "
                    "SET n:$($label), n.key = CASE WHEN $kind = 'state' THEN 'graph' END "
                    "REMOVE n:SckgInternal, n.kind", label=label, kind=kind).consume()
    for statement in LEGACY_SCHEMA:
        session.run(statement).consume()


def _labels(store: Neo4jStore) -> set[str]:
    return {row["label"] for row in store.read("CALL db.labels() YIELD label RETURN label")}


@pytest.mark.neo4j
def test_bookkeeping_from_an_older_sckg_moves_under_the_one_internal_label(
    neo4j_store: Neo4jStore, neo4j_server: object
) -> None:
    from tests.graph.test_review import DENIAL, judge
    from tests.graph.test_store_contract import READOUT_TEXT, phone_call

    neo4j_store.write(phone_call().model_copy(update={"texts": [READOUT_TEXT]}))
    judge(neo4j_store, DENIAL.id, "rejected")
    generation = neo4j_store.generation()
    before = ([e.model_dump() for e in q.contested_events(neo4j_store)],
              [r.model_dump() for r in q.source_relations(neo4j_store)],
              neo4j_store.kept_texts(), neo4j_store.reviews())
    with neo4j_store.driver.session() as session:
        _as_an_older_sckg_left_it(session)
    assert set(LEGACY_LABELS) <= _labels(neo4j_store)

    again = Neo4jStore.connect(neo4j_server.db_uri)  # type: ignore[attr-defined]
    try:
        assert _labels(again) == set(NODE_TYPES) | {INTERNAL_LABEL}
        indexed = again.read("SHOW INDEXES YIELD labelsOrTypes RETURN labelsOrTypes AS names")
        assert not {name for row in indexed for name in row["names"] or ()} & set(LEGACY_LABELS)
        after = ([e.model_dump() for e in q.contested_events(again)],
                 [r.model_dump() for r in q.source_relations(again)],
                 again.kept_texts(), again.reviews())
        assert after == before
        assert again.generation() == generation  # the same state node, not a new one
        assert again.get_edge(DENIAL.id).review == "rejected"  # type: ignore[union-attr]
        again.write(phone_call())  # writes go on from where the migrated counts stood
        assert [e.model_dump() for e in q.contested_events(again)] == before[0]
        assert again.ensure_internal_label() is False  # once
    finally:
        again.close()


@pytest.mark.neo4j
def test_the_graph_shows_the_model_labels_and_one_internal_label(
    neo4j_store: Neo4jStore,
) -> None:
    from tests.graph.test_review import DENIAL, judge
    from tests.graph.test_store_contract import READOUT_TEXT, phone_call

    neo4j_store.write(phone_call().model_copy(update={"texts": [READOUT_TEXT]}))
    judge(neo4j_store, DENIAL.id, "accepted")

    kinds = neo4j_store.read("MATCH (n:SckgInternal) RETURN DISTINCT n.kind AS kind ORDER BY kind")
    assert [row["kind"] for row in kinds] == [
        "event_tally", "pair_tally", "review", "state", "text"
    ]
    assert _labels(neo4j_store) == set(NODE_TYPES) | {INTERNAL_LABEL}
