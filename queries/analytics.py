"""Network analytics: from the store into networkx, then plain functions taking the graph first.

The signed network of sources links two sources by how they treat each other's
claims: shared assertions count for them, denials and omissions against them.
Its *camps* are communities of the positive part; its *balance* is the share of
triangles that obey "the enemy of my enemy is my friend". Actor centrality is
computed on the co-participation network (actors linked by shared events).

On Neo4j the edges come from ``cypher/source_relations_all.cypher`` and
``cypher/analytics_participants.cypher``; on the embedded store from their twins.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities

from graph.model import SHOWN_STATES
from graph.store import GraphStore
from queries import source_relations_twin
from queries._rows import Row, label_of, props
from queries._run import UNBOUNDED, run
from queries.results import ActorCentrality, SignedEdge, SignedNetwork, SourceRef

_DIGITS = 9  # centralities are rounded so both stores print the same numbers


def signed_source_network(store: GraphStore) -> nx.Graph:
    """The undirected signed network of sources that relate through some claim.

    Edge attributes: ``corroborates`` (claims both assert), ``denies`` and
    ``omits`` (either way round), ``weight = corroborates - denies - omits`` and
    ``sign`` (+1 or -1). Pairs whose weight is 0 are left out. Nodes carry ``name``.

    Examples
    --------
    >>> from graph.embedded import EmbeddedStore
    >>> signed_source_network(EmbeddedStore()).number_of_nodes()
    0
    """
    params = {"skip": 0, "limit": UNBOUNDED, "review_states": list(SHOWN_STATES)}
    rows = run(store, "source_relations_all", params, source_relations_twin.twin)
    names: dict[str, Any] = {}
    pairs: dict[tuple[str, str], dict[str, int]] = defaultdict(
        lambda: {"corroborates": 0, "denies": 0, "omits": 0}
    )
    for r in rows:
        names[r["source_a"]], names[r["source_b"]] = r["source_a_name"], r["source_b_name"]
        pair = pairs[(min(r["source_a"], r["source_b"]), max(r["source_a"], r["source_b"]))]
        pair["corroborates"] = r["corroborates"]  # symmetric: the same count both ways
        pair["denies"] += r["denies"]
        pair["omits"] += r["omits"]
    G = nx.Graph()
    for (a, b), c in sorted(pairs.items()):
        weight = c["corroborates"] - c["denies"] - c["omits"]
        if weight:
            G.add_edge(a, b, **c, weight=weight, sign=1 if weight > 0 else -1)
    nx.set_node_attributes(G, {n: names[n] for n in G}, "name")
    return G


def camps(G: nx.Graph) -> list[list[str]]:
    """Communities of the positive edges (greedy modularity); a node with none is its own camp.

    Camps are sorted inside, then by size (desc) and first member.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_edge("a", "b", sign=1, weight=2)
    >>> G.add_edge("b", "c", sign=-1, weight=-1)
    >>> camps(G)
    [['a', 'b'], ['c']]
    """
    positive = nx.Graph()
    positive.add_nodes_from(sorted(G))
    positive.add_edges_from(
        sorted(
            (min(u, v), max(u, v), {"weight": abs(d.get("weight", 1))})
            for u, v, d in G.edges(data=True)
            if d.get("sign", 1) > 0
        )
    )
    if positive.number_of_edges() == 0:
        found = [[n] for n in positive]
    else:
        found = [sorted(c) for c in greedy_modularity_communities(positive, weight="weight")]
    return sorted(found, key=lambda c: (-len(c), c[0]))


def signed_triangles(G: nx.Graph) -> tuple[int, int]:
    """``(balanced, total)`` triangles; balanced when the product of the three signs is positive.

    Examples
    --------
    >>> G = nx.Graph([("a", "b", {"sign": 1}), ("b", "c", {"sign": -1}), ("a", "c", {"sign": -1})])
    >>> signed_triangles(G)
    (1, 1)
    """
    balanced = total = 0
    for u, v in G.edges():
        for w in set(G[u]) & set(G[v]):
            if w > u and w > v:  # each triangle once, from its two smallest nodes
                total += 1
                balanced += G[u][v]["sign"] * G[u][w]["sign"] * G[v][w]["sign"] > 0
    return balanced, total


def balance(G: nx.Graph) -> float:
    """Share of balanced triangles (structural balance); 1.0 when there are no triangles.

    Examples
    --------
    >>> G = nx.Graph([("a", "b", {"sign": -1}), ("b", "c", {"sign": -1}), ("a", "c", {"sign": -1})])
    >>> balance(G)
    0.0
    """
    balanced, total = signed_triangles(G)
    return balanced / total if total else 1.0


def signed_network(store: GraphStore) -> SignedNetwork:
    """The signed source network, its camps and balance, as one result (for the API)."""
    G = signed_source_network(store)
    balanced, total = signed_triangles(G)
    edges = [
        SignedEdge(
            source_a=a,
            source_b=b,
            corroborates=d["corroborates"],
            denies=d["denies"],
            omits=d["omits"],
            weight=d["weight"],
            sign=d["sign"],
        )
        for a, b, d in sorted((min(u, v), max(u, v), d) for u, v, d in G.edges(data=True))
    ]
    return SignedNetwork(
        nodes=[SourceRef(id=n, name=G.nodes[n].get("name")) for n in sorted(G)],
        edges=edges,
        camps=camps(G),
        balance=balanced / total if total else 1.0,
        triangles=total,
    )


def participants_twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    """Twin of ``cypher/analytics_participants.cypher``: (event, actor) participation rows."""
    rows = {
        (e, a): {"event_id": e, "actor_id": a, "name": props(g, a).get("name")}
        for e, a, d in g.edges(data=True)
        if d["type"] == "PARTICIPANT" and label_of(g, e) == "Event" and label_of(g, a) == "Actor"
    }
    return [rows[k] for k in sorted(rows)]


def co_participation(store: GraphStore) -> nx.Graph:
    """Actors linked by shared events; edge ``weight`` = number of events, node ``events``.

    Examples
    --------
    >>> from graph.embedded import EmbeddedStore
    >>> co_participation(EmbeddedStore()).number_of_edges()
    0
    """
    rows = run(store, "analytics_participants", {}, participants_twin)
    by_event: dict[str, list[str]] = defaultdict(list)
    G = nx.Graph()
    for r in sorted(rows, key=lambda r: (r["event_id"], r["actor_id"])):
        by_event[r["event_id"]].append(r["actor_id"])
        if r["actor_id"] not in G:
            G.add_node(r["actor_id"], name=r["name"], events=0)
        G.nodes[r["actor_id"]]["events"] += 1
    for actors in by_event.values():
        for a, b in combinations(sorted(set(actors)), 2):
            w = G.edges[a, b]["weight"] + 1 if G.has_edge(a, b) else 1
            G.add_edge(a, b, weight=w)
    return G


def pagerank(G: nx.Graph, alpha: float = 0.85, tol: float = 1e-10) -> dict[str, float]:
    """Weighted PageRank by power iteration, in pure Python (networkx's own needs numpy).

    Examples
    --------
    >>> r = pagerank(nx.Graph([("a", "b"), ("b", "c")]))
    >>> r["b"] > r["a"] == r["c"]
    True
    """
    nodes = sorted(G)
    n = len(nodes)
    strength = {u: sum(d.get("weight", 1) for d in G[u].values()) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(1000):
        dangling = alpha * sum(rank[u] for u in nodes if not strength[u]) / n
        new = {
            v: (1 - alpha) / n
            + dangling
            + alpha * sum(rank[u] * d.get("weight", 1) / strength[u] for u, d in G[v].items())
            for v in nodes
        }
        done = sum(abs(new[u] - rank[u]) for u in nodes) < n * tol
        rank = new
        if done:
            break
    return rank


def actor_centrality(store: GraphStore) -> list[ActorCentrality]:
    """Degree, betweenness and PageRank of each actor taking part in events; by PageRank.

    Ties by actor id. Betweenness is exact and unweighted; PageRank uses the
    shared-event counts as weights.
    """
    G = co_participation(store)
    if G.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(G)
    between = nx.betweenness_centrality(G)
    rank = pagerank(G)
    found = [
        ActorCentrality(
            actor_id=n,
            name=G.nodes[n]["name"],
            events=G.nodes[n]["events"],
            degree=round(degree[n], _DIGITS),
            betweenness=round(between[n], _DIGITS),
            pagerank=round(rank[n], _DIGITS),
        )
        for n in G
    ]
    return sorted(found, key=lambda c: (-c.pagerank, c.actor_id))
