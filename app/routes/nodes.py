"""Single nodes and the size of the graph."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from app.deps import StoreDep
from app.routes import _examples as ex
from app.routes._models import Stats, path_id
from app.routes._openapi import documented
from graph.errors import NotFound
from graph.model import NODE_TYPES, ExportNode

router = APIRouter(tags=["graph"])

STATS_EXAMPLE = Stats(
    nodes={"Actor": 12, "Event": 3, "Source": 5, "Claim": 40, "Article": 2},
    relationships={
        "ASSERTS": 41,
        "DENIES": 2,
        "OMITS": 6,
        "ABOUT": 40,
        "PARTICIPANT": 7,
        "MENTIONS": 30,
        "SPEAKS_FOR": 4,
        "PUBLISHED_BY": 2,
        "REPORTS": 3,
    },
    total_nodes=62,
    total_relationships=135,
)


@router.get(
    "/nodes/{node_id}", response_model=ExportNode, responses=documented(ex.dump(ex.NODE), 404)
)
def get_node(
    store: StoreDep,
    node_id: Annotated[str, path_id("The node's id.", ex.BLINKEN)],
) -> ExportNode:
    """One node with its labels and properties."""
    node = store.get_node(node_id)
    if node is None:
        raise NotFound(f"no node with id {node_id!r}")
    return node


@router.get("/stats", response_model=Stats, responses=documented(ex.dump(STATS_EXAMPLE)))
def stats(store: StoreDep) -> Stats:
    """Number of nodes per label and relationships per type."""
    counts = store.counts()
    nodes = {k: v for k, v in counts.items() if k in NODE_TYPES}
    rels = {k: v for k, v in counts.items() if k not in NODE_TYPES}
    return Stats(
        nodes=nodes,
        relationships=rels,
        total_nodes=sum(nodes.values()),
        total_relationships=sum(rels.values()),
    )
