"""Search finds words by their start, the same way on both stores, in several scripts.

Neo4j answers from its full-text index and the embedded store from its word index; the
texts below are chosen to trip the seam between them: hyphens, possessives,
abbreviations with dots, parentheses, digits, Azerbaijani, Armenian and
Russian letters.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx
import pytest

import queries as q
from graph.embedded import EmbeddedStore
from graph.model import EdgeType, GraphFragment
from graph.neo4j_store import Neo4jStore
from queries import search_twin
from tests.graph.test_store_contract import account, actor, article, claim, edge, event, source

ALIYEV = actor("İlham Əliyev", aliases=["Ilham Aliyev", "Алиев"])
PASHINYAN = actor("Nikol Pashinyan", aliases=["Նիկոլ Փաշինյան", "Pashinian"])
CALL = event("2022-07-25", ALIYEV, PASHINYAN)
TEXTS = [
    "The sides discussed Nagorno-Karabakh's future and the OSCE Minsk Group.",
    "The U.S. envoy met the co-chairs (OSCE) on 25 July 2022.",
    "Baku rejected the claim as 'groundless'.",
    "Стороны обсудили мирный договор и делимитацию границы.",
    "Tərəflər sülh sazişini müzakirə etdilər.",
    "Talks on the 5.26 km road section and route 42.",
]
QUERIES = [
    "minsk", "minsk gr", "MINSK GROUP", "insk", "karabakh", "nagorno-karabakh", "karabakh's",
    "u.s", "envoy", "(osce)", "osce", "co-chairs", "chairs", "groundless", "'groundless'",
    "мирный", "договор", "ирный", "sülh", "ülh", "əliyev", "aliyev", "алиев", "փաշինյան",
    "pashin", "nikol pashinyan", "2022", "25 july", "5.26", "42", "route 4", "the", "(", " ",
    "zakharova", "maria zakh", "constructive", "выдумкой", "reporters the", "akharova",
]  # fmt: skip


MFA = source("Foreign Ministry of the Republic of Utopia")
READOUT = article("A readout that quotes a spokeswoman.")
QUOTES = {  # what a claim was quoted as, apart from its own text
    0: (EdgeType.ASSERTS, "Maria Zakharova told reporters the talks were “constructive”."),
    2: (EdgeType.DENIES, "Спикер МИД назвал это выдумкой, said Zakharova."),
}


def graph() -> GraphFragment:
    points = [claim(CALL, text) for text in TEXTS]
    edges = [edge(EdgeType.ABOUT, point, CALL) for point in points]
    quoted = [account(kind, MFA, points[n], READOUT, quote) for n, (kind, quote) in QUOTES.items()]
    return GraphFragment(nodes=[ALIYEV, PASHINYAN, CALL, MFA, READOUT, *points],
                         edges=[*edges, *quoted])


@pytest.fixture(scope="module")
def both(neo4j_connection: Neo4jStore) -> Iterator[tuple[EmbeddedStore, Neo4jStore]]:
    embedded = EmbeddedStore()
    embedded.write(graph())
    neo4j_connection.clear()
    neo4j_connection.write(graph())
    yield embedded, neo4j_connection
    neo4j_connection.clear()


@pytest.mark.neo4j
@pytest.mark.parametrize("text", QUERIES)
def test_same_hits_on_both_stores(text: str, both: tuple[EmbeddedStore, Neo4jStore]) -> None:
    embedded, neo4j = both

    expected = q.search(embedded, text, limit=500)

    assert q.search(neo4j, text, limit=500) == expected


def test_a_word_start_matches_and_the_middle_of_a_word_does_not() -> None:
    store = EmbeddedStore()
    store.write(graph())

    def hits(text: str) -> set[str]:
        return {h.title for h in q.search(store, text)}

    assert hits("minsk gr") == {TEXTS[0]}
    assert hits("insk") == set()
    assert hits("karabakh") == {TEXTS[0]}  # after a hyphen
    assert hits("ирный") == set()
    assert hits("договор") == {TEXTS[3]}
    assert [(h.title, h.score) for h in q.search(store, "aliyev")] == [("İlham Əliyev", 0.5)]
    ranked = [(h.title, h.score) for h in q.search(store, "nikol pashinyan")]
    assert ranked == [("Nikol Pashinyan", 3.0), (CALL.name, 1.0)]


def test_a_claim_is_found_by_what_its_sources_were_quoted_saying() -> None:
    store = EmbeddedStore()
    store.write(graph())

    found = {(h.title, h.score) for h in q.search(store, "zakharova")}

    assert found == {(TEXTS[0], 0.75), (TEXTS[2], 0.75)}  # an assertion's quote and a denial's
    assert [h.title for h in q.search(store, "minsk")] == [TEXTS[0]]  # its own text: once
    assert q.search(store, "zakharova", labels=["Actor"]) == []


def test_text_without_a_letter_or_digit_finds_nothing() -> None:
    store = EmbeddedStore()
    store.write(graph())  # its texts hold "(", "'" and "." at word starts

    assert [q.search(store, text) for text in ("(", "'", ".", "   ", "")] == [[]] * 5


@pytest.mark.parametrize("text", [*QUERIES, "s. envoy", "26 km", "chairs (osce)", "ли"])
def test_the_embedded_word_index_finds_what_reading_the_whole_graph_finds(text: str) -> None:
    store = EmbeddedStore()
    store.write(graph())
    params = {"q": search_twin.check_text(text), "labels": None, "skip": 0, "limit": 500}
    whole = nx.subgraph_view(store.graph_for(None))  # a view: nothing kept, read whole

    indexed = search_twin.twin(store.graph_for(None), params)

    assert indexed == search_twin.twin(whole, params)


def test_a_word_written_after_a_search_is_found_by_the_next() -> None:
    store = EmbeddedStore()
    store.write(graph())
    assert q.search(store, "ceasefire") == []

    store.write(GraphFragment(nodes=[claim(CALL, "Both sides kept the ceasefire.")]))

    assert [h.title for h in q.search(store, "ceasefire")] == ["Both sides kept the ceasefire."]
