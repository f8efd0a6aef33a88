"""Analytics on the seed graph: the signed source network, its camps and balance, centrality."""

from __future__ import annotations

import doctest

import networkx as nx
import pytest
from seed_graph import S

import bench.synth_graph
from graph.embedded import EmbeddedStore
from queries import analytics


def test_signed_network_signs(seeded: EmbeddedStore) -> None:
    G = analytics.signed_source_network(seeded)
    assert G[S.arm][S.jam]["sign"] == 1  # C4 together, nothing against
    assert G[S.az][S.us] == {"corroborates": 0, "denies": 1, "omits": 0, "weight": -1, "sign": -1}
    # C1 together, but each omits one of the other's points: net negative
    assert (G[S.arm][S.us]["corroborates"], G[S.arm][S.us]["omits"]) == (1, 2)
    assert G[S.arm][S.us]["sign"] == -1
    assert not G.has_edge(S.arm, S.az)  # C4 together, C5 denied: weight 0 is left out
    assert S.ru not in G  # said nothing about anyone's claims
    assert G.nodes[S.arm]["name"] == "Armenian MFA"


def test_camps_and_balance(seeded: EmbeddedStore) -> None:
    net = analytics.signed_network(seeded)
    assert net.camps[0] == sorted([S.arm, S.jam])
    assert sorted(c for camp in net.camps for c in camp) == sorted(n.id for n in net.nodes)
    assert net.triangles == 0 and net.balance == 1.0


def test_balance_counts_triangles() -> None:
    G = nx.Graph()
    G.add_edges_from([("a", "b", {"sign": 1}), ("b", "c", {"sign": 1}), ("a", "c", {"sign": -1})])
    G.add_edges_from([("c", "d", {"sign": -1}), ("b", "d", {"sign": -1})])
    assert analytics.signed_triangles(G) == (1, 2)
    assert analytics.balance(G) == 0.5


def test_actor_centrality(seeded: EmbeddedStore) -> None:
    found = analytics.actor_centrality(seeded)
    assert [c.actor_id for c in found] == [S.pashinyan, S.blinken, S.aliyev]
    top = found[0]
    assert (top.events, top.degree, top.betweenness) == (2, 1.0, 1.0)
    assert sum(c.pagerank for c in found) == pytest.approx(1.0)
    assert S.lavrov not in {c.actor_id for c in found}  # takes part in no event


def test_empty_store() -> None:
    store = EmbeddedStore()
    assert analytics.actor_centrality(store) == []
    net = analytics.signed_network(store)
    assert (net.nodes, net.edges, net.camps, net.balance) == ([], [], [], 1.0)


@pytest.mark.parametrize("module", [analytics, bench.synth_graph])
def test_doctests(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted and not result.failed
