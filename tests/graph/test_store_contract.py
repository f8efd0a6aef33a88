"""The GraphStore contract, run against the embedded store and against Neo4j.

Each test reads as an example of use: build a small fragment with the
factories below, write it, and look at what the store gives back.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from graph import ids
from graph.embedded import FILE_NAME, LOCK_NAME, EmbeddedStore
from graph.errors import InvalidInput
from graph.model import (
    NODE_TYPES,
    Actor,
    Article,
    Claim,
    Edge,
    EdgeType,
    Event,
    GraphExport,
    GraphFragment,
    KeptText,
    Node,
    Source,
)
from graph.neo4j_store import Neo4jStore
from graph.store import GraphStore

# -- factories -------------------------------------------------------------


def actor(name: str, **props: Any) -> Actor:
    return Actor(id=ids.actor_id(name), name=name, **props)


def source(name: str, **props: Any) -> Source:
    return Source(id=ids.source_id(name), name=name, **props)


def event(date: str | None, *people: Actor, kind: str = "phone_call") -> Event:
    names = [p.name for p in people]
    return Event(
        id=ids.event_id(kind, date, [p.id for p in people]),
        kind=kind,
        name=f"{kind} {' / '.join(names)}",
        date=date,
        date_precision="day" if date else "unknown",
        participant_names=names,
    )


def claim(about: Event, text: str) -> Claim:
    return Claim(id=ids.claim_id(about.id, text), text=text)


def article(text: str, **props: Any) -> Article:
    digest = ids.content_hash(text)
    return Article(id=ids.article_id(digest), content_hash=digest, length=len(text), **props)


def edge(kind: EdgeType, start: Any, end: Any, *qualifiers: str, **props: Any) -> Edge:
    return Edge(
        id=ids.edge_id(kind, start.id, end.id, *qualifiers),
        type=kind,
        start=start.id,
        end=end.id,
        **props,
    )


def account(kind: EdgeType, by: Source, point: Claim, text: Article, quote: str) -> Edge:
    """An ASSERTS/DENIES edge with its verbatim evidence."""
    return edge(
        kind, by, point, text.id,
        evidence=quote, article_id=text.id, start_char=0, end_char=len(quote),
        confidence=0.9, method="rule", frame="readout",
    )  # fmt: skip


def omits(by: Source, point: Claim, method: str = "comparison") -> Edge:
    """An OMITS edge; ``comparison`` ones are derived and get recomputed."""
    return edge(EdgeType.OMITS, by, point, method, evidence="not in its readout", method=method)


ALIYEV = actor("Ilham Aliyev", kind="person", aliases=["Aliyev"], country="AZ")
BLINKEN = actor("Antony Blinken", kind="person", aliases=["Blinken"], office="Secretary of State")
PRESIDENT_AZ = source("president.az", kind="press_service", country="AZ")
STATE_DEPT = source("US State Department", kind="ministry", country="US")
CALL = event("2024-05-01", ALIYEV, BLINKEN)
PEACE = claim(CALL, "The sides discussed the peace agreement with Armenia")
RIGHTS = claim(CALL, "The Secretary raised the detention of civil society activists")
READOUT = article("Secretary Blinken spoke with President Aliyev ...", title="Readout")


def phone_call() -> GraphFragment:
    """One call, two accounts of it, and every relationship type once or more."""
    nodes: list[Node] = [ALIYEV, BLINKEN, PRESIDENT_AZ, STATE_DEPT, CALL, PEACE, RIGHTS, READOUT]
    edges = [
        account(EdgeType.ASSERTS, STATE_DEPT, PEACE, READOUT, "discussed the peace agreement"),
        account(EdgeType.ASSERTS, STATE_DEPT, RIGHTS, READOUT, "raised the detention"),
        account(EdgeType.DENIES, PRESIDENT_AZ, RIGHTS, READOUT, "no such issue was raised"),
        omits(PRESIDENT_AZ, RIGHTS),
        edge(EdgeType.ABOUT, PEACE, CALL),
        edge(EdgeType.ABOUT, RIGHTS, CALL),
        edge(EdgeType.PARTICIPANT, CALL, ALIYEV, role="counterpart"),
        edge(EdgeType.PARTICIPANT, CALL, BLINKEN, role="initiator"),
        edge(EdgeType.MENTIONS, PEACE, ALIYEV),
        edge(EdgeType.SPEAKS_FOR, PRESIDENT_AZ, ALIYEV),
        edge(EdgeType.PUBLISHED_BY, READOUT, STATE_DEPT),
        edge(EdgeType.REPORTS, READOUT, CALL),
    ]
    return GraphFragment(nodes=nodes, edges=edges)


def as_stored(node: Node) -> dict[str, object]:
    """A node's properties as a store keeps them: accumulating lists sorted."""
    props = node.properties()
    return {k: sorted(v) if k in node.list_union else v for k, v in props.items()}


def snapshot(store: GraphStore) -> tuple[GraphExport, dict[str, int]]:
    return store.export(), store.counts()


# -- writing and reading back ----------------------------------------------


def test_a_written_fragment_comes_back_in_the_export(store: GraphStore) -> None:
    fragment = phone_call()
    store.write(fragment)

    export = store.export()

    assert {n.id: n.properties for n in export.nodes} == {
        n.id: as_stored(n) for n in fragment.nodes
    }
    assert {n.id: n.labels for n in export.nodes}[ALIYEV.id] == ["Actor"]
    assert [(r.id, r.type, r.start, r.end, r.properties) for r in export.relationships] == sorted(
        (e.id, str(e.type), e.start, e.end, e.properties()) for e in fragment.edges
    )


def test_writes_held_for_a_run_are_all_kept(store: GraphStore) -> None:
    """``writing()`` brackets a run of writes (an ingest): nested, and then released."""
    with store.writing(), store.writing(wait=1.0):
        store.write(phone_call())
    with store.writing():
        store.write(GraphFragment(nodes=[actor("Nikol Pashinyan")]))
    assert store.counts()["Actor"] == 3


def test_counts_cover_every_label_and_type(store: GraphStore) -> None:
    assert set(store.counts().values()) == {0}

    store.write(phone_call())

    counts = store.counts()
    assert counts["Actor"] == 2 and counts["Claim"] == 2 and counts["Article"] == 1
    assert counts["ASSERTS"] == 2 and counts["PARTICIPANT"] == 2 and counts["REPORTS"] == 1
    assert set(counts) == {"Actor", "Event", "Source", "Claim", "Article", *map(str, EdgeType)}


# -- merge semantics ----------------------------------------------------------


def test_aliases_accumulate_and_known_values_are_overwritten(store: GraphStore) -> None:
    store.write(GraphFragment(nodes=[BLINKEN]))
    later = actor("Antony Blinken", kind="person", aliases=["@SecBlinken", "Blinken"],
                  office="former Secretary of State")  # fmt: skip

    store.write(GraphFragment(nodes=[later]))

    props = store.get_node(BLINKEN.id).properties  # type: ignore[union-attr]
    assert props["aliases"] == ["@SecBlinken", "Blinken"]  # a sorted union
    assert props["office"] == "former Secretary of State"


def test_an_unknown_value_never_erases_a_known_one(store: GraphStore) -> None:
    store.write(GraphFragment(nodes=[ALIYEV]))

    store.write(GraphFragment(nodes=[actor("Ilham Aliyev", kind="person")]))  # no country

    props = store.get_node(ALIYEV.id).properties  # type: ignore[union-attr]
    assert props["country"] == "AZ"
    assert props["aliases"] == ["Aliyev"]


def test_a_node_repeated_in_one_fragment_merges_like_two_writes(store: GraphStore) -> None:
    spellings: list[Node] = [
        actor("Antony Blinken", aliases=[a]) for a in ("Blinken", "A. Blinken", "Blinken")
    ]

    store.write(GraphFragment(nodes=spellings))

    props = store.get_node(BLINKEN.id).properties  # type: ignore[union-attr]
    assert props["aliases"] == ["A. Blinken", "Blinken"]


def test_event_participant_names_are_a_union_too(store: GraphStore) -> None:
    store.write(GraphFragment(nodes=[CALL]))
    again = CALL.model_copy(update={"participant_names": ["Secretary Blinken", "Ilham Aliyev"]})

    store.write(GraphFragment(nodes=[again]))

    props = store.get_node(CALL.id).properties  # type: ignore[union-attr]
    assert props["participant_names"] == ["Antony Blinken", "Ilham Aliyev", "Secretary Blinken"]


def test_accumulated_lists_do_not_depend_on_write_order(store: GraphStore) -> None:
    first = CALL.model_copy(update={"participant_names": ["Jeyhun Bayramov"]})
    second = CALL.model_copy(update={"participant_names": ["Ararat Mirzoyan"]})
    store.write(GraphFragment(nodes=[first]))
    store.write(GraphFragment(nodes=[second]))

    props = store.get_node(CALL.id).properties  # type: ignore[union-attr]
    assert props["participant_names"] == ["Ararat Mirzoyan", "Jeyhun Bayramov"]


def test_the_dates_accounts_give_an_event_accumulate_side_by_side(store: GraphStore) -> None:
    later = CALL.model_copy(update={"dates_given": ["2022-07-26 day article:b"]})
    earlier = CALL.model_copy(update={"dates_given": ["2022-07-25 day article:a"]})
    store.write(GraphFragment(nodes=[later]))
    store.write(GraphFragment(nodes=[earlier]))

    props = store.get_node(CALL.id).properties  # type: ignore[union-attr]
    assert props["dates_given"] == ["2022-07-25 day article:a", "2022-07-26 day article:b"]


def test_an_edge_written_again_replaces_its_properties(store: GraphStore) -> None:
    store.write(phone_call())
    first = phone_call().edges[0]
    revised = first.model_copy(update={"evidence": "discussed peace", "confidence": None})

    store.write(GraphFragment(edges=[revised]))

    (rel,) = [r for r in store.export().relationships if r.id == first.id]
    assert rel.properties["evidence"] == "discussed peace"
    assert "confidence" not in rel.properties
    assert store.counts()["ASSERTS"] == 2


def test_writing_the_same_fragment_twice_changes_nothing(store: GraphStore) -> None:
    store.write(phone_call())
    before = snapshot(store)

    store.write(phone_call())

    assert snapshot(store) == before


# -- all or nothing -----------------------------------------------------------


def test_an_edge_to_an_unknown_node_is_refused_and_nothing_is_written(store: GraphStore) -> None:
    store.write(phone_call())
    before = snapshot(store)
    stranger = source("Unknown Agency")
    fragment = GraphFragment(
        nodes=[actor("Nikol Pashinyan", aliases=["Pashinyan"]), BLINKEN.model_copy(
            update={"aliases": ["Tony"]})],
        edges=[edge(EdgeType.SPEAKS_FOR, stranger, ALIYEV)],
        recompute_omissions=[CALL.id],
    )  # fmt: skip

    with pytest.raises(InvalidInput, match="source:unknown-agency"):
        store.write(fragment)

    assert snapshot(store) == before


def test_an_edge_between_the_wrong_kinds_of_node_is_refused(store: GraphStore) -> None:
    store.write(phone_call())
    before = snapshot(store)
    backwards = edge(EdgeType.PARTICIPANT, ALIYEV, CALL)  # Actor -> Event: wrong way round

    with pytest.raises(InvalidInput, match="PARTICIPANT"):
        store.write(GraphFragment(edges=[backwards]))

    assert snapshot(store) == before


# -- omissions recomputed ------------------------------------------------------


def test_recompute_omissions_replaces_only_compared_omits_of_that_event(store: GraphStore) -> None:
    other_call = event("2024-06-10", ALIYEV, actor("Charles Michel"))
    other_claim = claim(other_call, "The leaders discussed connectivity projects")
    stated = omits(STATE_DEPT, PEACE, method="stated")
    store.write(phone_call())
    store.write(GraphFragment(
        nodes=[other_call, other_claim],
        edges=[edge(EdgeType.ABOUT, other_claim, other_call), omits(STATE_DEPT, other_claim),
               stated],
    ))  # fmt: skip
    fresh = omits(STATE_DEPT, PEACE)

    store.write(GraphFragment(edges=[fresh], recompute_omissions=[CALL.id]))

    remaining = {r.id for r in store.export().relationships if r.type == "OMITS"}
    assert remaining == {stated.id, fresh.id, omits(STATE_DEPT, other_claim).id}


def test_recompute_omissions_of_an_unknown_event_is_harmless(store: GraphStore) -> None:
    store.write(phone_call())
    before = snapshot(store)

    store.write(GraphFragment(recompute_omissions=["event:meeting:undated:0000000000"]))

    assert snapshot(store) == before


# -- named reads --------------------------------------------------------------


def test_claims_about_an_event_come_with_their_accounts(store: GraphStore) -> None:
    store.write(phone_call())

    records = store.claims_about([CALL.id, "event:unknown"])

    assert [(r.event_id, r.claim) for r in records] == sorted(
        [(CALL.id, PEACE), (CALL.id, RIGHTS)], key=lambda pair: pair[1].id
    )
    by_claim = {r.claim.id: r for r in records}
    # Every field, the frame too: a later batch decides omissions from the frames of
    # the accounts stored (a lost frame once cost Neo4j omissions the embedded kept).
    accounts = sorted((a.type, a.source_id, a.method, a.frame)
                      for a in by_claim[RIGHTS.id].accounts)
    assert accounts == [
        (EdgeType.ASSERTS, STATE_DEPT.id, "rule", "readout"),
        (EdgeType.DENIES, PRESIDENT_AZ.id, "rule", "readout"),
        (EdgeType.OMITS, PRESIDENT_AZ.id, "comparison", None),
    ]
    (peace_account,) = by_claim[PEACE.id].accounts
    assert peace_account.evidence == "discussed the peace agreement"
    assert peace_account.article_id == READOUT.id


def test_events_between_is_inclusive_and_skips_undated_events(store: GraphStore) -> None:
    june = event("2024-06-10", ALIYEV, kind="visit")
    undated = event(None, BLINKEN, kind="statement")
    store.write(phone_call())
    store.write(GraphFragment(nodes=[june, undated]))

    found = store.events_between("2024-05-01", "2024-06-10")

    assert [(e.id, people) for e, people in found] == sorted(
        [(CALL.id, sorted([ALIYEV.id, BLINKEN.id])), (june.id, [])]
    )
    stored_call = CALL.model_copy(update={"participant_names": sorted(CALL.participant_names)})
    assert found[[e.id for e, _ in found].index(CALL.id)][0] == stored_call
    assert store.events_between("2024-05-02", "2024-05-31") == []


def test_an_event_is_found_under_the_date_it_has_now(store: GraphStore) -> None:
    undated = event(None, BLINKEN, kind="statement")
    store.write(GraphFragment(nodes=[undated]))
    store.write(GraphFragment(nodes=[undated.model_copy(update={"date": "2024-06-11"})]))
    store.write(GraphFragment(nodes=[undated.model_copy(update={"date": "2024-06-12"})]))

    assert [e.id for e, _ in store.events_between("2024-06-12", "2024-06-30")] == [undated.id]
    assert store.events_between("2024-06-01", "2024-06-11") == []


def test_get_node_gives_labels_and_properties_or_none(store: GraphStore) -> None:
    store.write(phone_call())

    node = store.get_node(PRESIDENT_AZ.id)

    assert node is not None
    assert (node.id, node.labels, node.properties) == (
        PRESIDENT_AZ.id, ["Source"], PRESIDENT_AZ.properties(),
    )  # fmt: skip
    assert store.get_node("actor:nobody") is None


def test_export_of_some_nodes_is_the_subgraph_between_them(store: GraphStore) -> None:
    store.write(phone_call())

    sub = store.export([STATE_DEPT.id, RIGHTS.id, PEACE.id, "claim:not-there"])

    assert [n.id for n in sub.nodes] == sorted([STATE_DEPT.id, RIGHTS.id, PEACE.id])
    assert {(r.type, r.start, r.end) for r in sub.relationships} == {
        ("ASSERTS", STATE_DEPT.id, RIGHTS.id),
        ("ASSERTS", STATE_DEPT.id, PEACE.id),
    }


def test_the_export_stream_pages_through_the_whole_graph_in_a_fixed_order(
        store: GraphStore) -> None:
    store.write(phone_call())
    whole = store.export()

    stream = store.export_stream(page_size=2)  # several pages of each label
    nodes, rels = list(stream.nodes), list(stream.relationships)

    rank = {label: n for n, label in enumerate(NODE_TYPES)}
    assert nodes == sorted(whole.nodes, key=lambda n: (rank[n.labels[0]], n.id))
    by_node = {n.id: i for i, n in enumerate(nodes)}
    assert rels == sorted(whole.relationships, key=lambda r: (by_node[r.start], r.id))


def test_the_export_stream_pages_through_a_source_with_many_accounts(store: GraphStore) -> None:
    points: list[Node] = [claim(CALL, f"Point number {n}") for n in range(25)]
    store.write(phone_call())
    store.write(GraphFragment(
        nodes=points,
        edges=[e for p in points
               for e in (account(EdgeType.ASSERTS, STATE_DEPT, p, READOUT, "said"),
                         edge(EdgeType.ABOUT, p, CALL))],
    ))  # fmt: skip
    whole = store.export()

    stream = store.export_stream(page_size=1)  # relationships 10 a page: the source needs 3

    assert len(list(stream.nodes)) == len(whole.nodes)
    assert sorted(stream.relationships, key=lambda r: r.id) == whole.relationships


def test_clear_deletes_everything(store: GraphStore) -> None:
    store.write(phone_call())

    store.clear()

    assert store.export() == GraphExport()
    assert set(store.counts().values()) == {0}


# -- article texts kept beside the graph -------------------------------------------


READOUT_TEXT = KeptText(article_id=READOUT.id, content_hash=READOUT.content_hash,
                        origin="readouts/blinken.md", text="Secretary Blinken spoke with ...",
                        outlet="US State Department", published="2024-05-01")


def test_the_texts_a_write_brings_are_kept_and_marked_held_by_the_graph(
        store: GraphStore) -> None:
    store.write(phone_call().model_copy(update={"texts": [READOUT_TEXT]}))
    store.write(GraphFragment(texts=[READOUT_TEXT.model_copy(update={"origin": "elsewhere"})]))

    kept = store.kept_texts()

    assert kept == [READOUT_TEXT.model_copy(update={"ingested": True})]  # the first one stays
    assert store.kept_texts(with_text=False)[0].text == ""
    assert "SckgInternal" not in {label for n in store.export().nodes for label in n.labels}
    assert set(store.counts()) == set(NODE_TYPES) | {str(t) for t in EdgeType}


def test_clearing_only_the_graph_keeps_the_texts_for_a_rebuild(store: GraphStore) -> None:
    store.write(phone_call().model_copy(update={"texts": [READOUT_TEXT]}))

    store.clear(keep_texts=True)

    assert store.export() == GraphExport()
    assert store.kept_texts() == [READOUT_TEXT]  # kept, and no longer held by the graph
    store.clear()
    assert store.kept_texts() == []


# -- both stores hold the same graph ---------------------------------------------


@pytest.mark.neo4j
def test_both_stores_build_the_same_graph_from_the_same_writes(
    embedded_store: EmbeddedStore, neo4j_store: Neo4jStore
) -> None:
    later = GraphFragment(
        nodes=[actor("Antony Blinken", aliases=["Anthony J. Blinken"]), ALIYEV],
        edges=[omits(STATE_DEPT, PEACE)],
        recompute_omissions=[CALL.id],
    )
    for target in (embedded_store, neo4j_store):
        target.write(phone_call())
        target.write(later)

    assert neo4j_store.export() == embedded_store.export()
    assert neo4j_store.counts() == embedded_store.counts()
    assert neo4j_store.claims_about([CALL.id]) != []


# -- the embedded store on disk ------------------------------------------------------


def test_the_embedded_store_survives_a_reopen(tmp_path: Path) -> None:
    first = EmbeddedStore.open(tmp_path / "g")
    first.write(phone_call())
    first.close()

    reopened = EmbeddedStore.open(tmp_path / "g")

    assert reopened.export() == first.export()
    assert reopened.counts()["ASSERTS"] == 2


def test_the_embedded_store_keeps_its_texts_across_a_reopen(tmp_path: Path) -> None:
    first = EmbeddedStore.open(tmp_path / "g")
    first.write(phone_call().model_copy(update={"texts": [READOUT_TEXT]}))
    first.close()

    assert EmbeddedStore.open(tmp_path / "g").kept_texts()[0].text == READOUT_TEXT.text


@pytest.mark.parametrize("broken", ["os.replace", "json.dumps", "os.fsync"])
def test_a_crash_while_flushing_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    folder = tmp_path / "g"
    store = EmbeddedStore.open(folder)
    store.write(phone_call())
    store.flush()
    saved = (folder / FILE_NAME).read_bytes()
    store.write(GraphFragment(nodes=[actor("Nikol Pashinyan")]))

    def crash(*args: Any, **kwargs: Any) -> None:
        raise OSError("disk gone")  # json.dumps: half-way through the data, as a power cut

    module, name = broken.split(".")
    monkeypatch.setattr({"os": os, "json": json}[module], name, crash)
    with pytest.raises(OSError, match="disk gone"):
        store.flush()
    monkeypatch.undo()

    assert (folder / FILE_NAME).read_bytes() == saved
    # no temporary left behind (the writer's lock file stays, empty of data)
    assert sorted(p.name for p in folder.iterdir()) == [LOCK_NAME, FILE_NAME]
    assert EmbeddedStore.open(folder).counts()["Actor"] == 2


def test_embedded_stats_come_from_the_counts_the_file_keeps(tmp_path: Path) -> None:
    """`sckg stats` reads a saved graph's head, not the graph; an old file is counted."""
    folder = tmp_path / "g"
    writer = EmbeddedStore.open(folder)
    writer.write(phone_call())
    expected = writer.counts()
    writer.close()

    reader = EmbeddedStore.open(folder)
    assert reader.counts() == expected
    assert reader.graph.number_of_nodes() == 0  # answered without loading the graph

    saved = json.loads((folder / FILE_NAME).read_text())
    del saved["counts"]  # as a file from before counts were kept
    (folder / FILE_NAME).write_text(json.dumps(saved))
    old = EmbeddedStore.open(folder)
    assert old.counts() == expected
    assert old.graph.number_of_nodes() == len(phone_call().nodes)


@pytest.mark.parametrize("vague", ["2022-07", "2022", "25 July 2022", "2022-7-25", "2022-13-01"])
def test_event_and_article_dates_are_iso_days(vague: str) -> None:
    """Neo4j keeps them as dates: a month or a free-text date would be stored as another day."""
    with pytest.raises(ValueError, match="ISO day"):
        Event(id="event:x", kind="meeting", name="x", date=vague)
    with pytest.raises(ValueError, match="ISO day"):
        article("a text", published=vague)
