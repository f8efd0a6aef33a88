"""Neighbourhood of a node to depth k, for visualisation.

Twin of ``cypher/neighbourhood_expand.cypher`` (one breadth-first step) and
``cypher/neighbourhood_nodes.cypher`` (the kept nodes and edges among them).
The walk itself is shared: level by level, nearest first, ties by id, stopping
at ``max_nodes``, so both stores keep exactly the same nodes.
"""

from __future__ import annotations

import networkx as nx

from graph.errors import NotFound
from graph.model import ExportNode, ExportRelationship, GraphExport
from graph.store import GraphStore
from queries._rows import Row
from queries._run import run

MAX_NODES = 1000


def expand_twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    found: set[str] = set()
    for node_id in params["ids"]:
        if node_id in g:
            found.update(g.predecessors(node_id))
            found.update(g.successors(node_id))
    return [{"id": i} for i in found]


def nodes_twin(g: nx.MultiDiGraph, params: Row) -> list[Row]:
    ids = set(params["ids"])
    rows = []
    for node_id in ids & set(g.nodes):
        d = g.nodes[node_id]
        out = [
            {"id": k, "type": e["type"], "start": node_id, "end": m, "properties": e["props"]}
            for _, m, k, e in g.out_edges(node_id, keys=True, data=True)
            if m in ids
        ]
        rows.append({"id": node_id, "labels": [d["label"]], "properties": d["props"], "out": out})
    return rows


def neighbourhood(store: GraphStore, node_id: str, *, depth: int, max_nodes: int,
                  review_states: list[str]) -> GraphExport:
    """Nodes within ``depth`` hops, at most ``max_nodes``; see the module docstring.
    Account edges count (as hops and in the answer) if their review state is in
    ``review_states``."""
    if not run(store, "neighbourhood_nodes", {"ids": [node_id], "review_states": review_states},
               nodes_twin):
        raise NotFound(f"no node {node_id!r}")
    kept = [node_id]
    seen = {node_id}
    frontier = [node_id]
    for _ in range(depth):
        if len(kept) >= max_nodes or not frontier:
            break
        rows = run(store, "neighbourhood_expand",
                   {"ids": frontier, "review_states": review_states}, expand_twin)
        frontier = sorted({r["id"] for r in rows} - seen)[: max_nodes - len(kept)]
        kept.extend(frontier)
        seen.update(frontier)
    params = {"ids": kept, "review_states": review_states}
    return build(run(store, "neighbourhood_nodes", params, nodes_twin))


def build(rows: list[Row]) -> GraphExport:
    nodes = sorted(
        (
            ExportNode(id=r["id"], labels=sorted(r["labels"]), properties=dict(r["properties"]))
            for r in rows
        ),
        key=lambda n: n.id,
    )
    rels = sorted(
        (ExportRelationship(**rel) for r in rows for rel in r["out"]), key=lambda rel: rel.id
    )
    return GraphExport(nodes=nodes, relationships=rels)
