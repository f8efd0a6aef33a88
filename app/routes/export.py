"""The graph, or a part of it, in a format other tools read."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

import queries
from app.deps import StoreDep
from app.errors import error_responses
from app.routes import _examples as ex
from app.routes._models import NodeId
from graph.errors import NotFound
from graph.export import render, to_cytoscape
from graph.model import GraphExport
from graph.store import GraphStore

router = APIRouter(tags=["graph"])

Format = Literal["json", "cytoscape", "graphml", "gexf"]
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "cytoscape": "application/json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
}
FILE_NAMES: dict[str, str] = {
    "json": "sckg.json",
    "cytoscape": "sckg.cytoscape.json",
    "graphml": "sckg.graphml",
    "gexf": "sckg.gexf",
}
_XML_EXAMPLE = '<?xml version="1.0" encoding="utf-8"?>\n<graphml ...>...</graphml>\n'


def _responses() -> dict[int | str, dict[str, Any]]:
    out = error_responses(404)
    out[200] = {
        "description": "The export; the media type follows `format`.",
        "content": {
            "application/json": {
                "examples": {
                    "json": {"summary": "format=json", "value": ex.dump(ex.EXPORT)},
                    "cytoscape": {"summary": "format=cytoscape", "value": to_cytoscape(ex.EXPORT)},
                }
            },
            "application/graphml+xml": {"example": _XML_EXAMPLE},
            "application/gexf+xml": {"example": _XML_EXAMPLE.replace("graphml", "gexf")},
        },
    }
    return out


def subgraph(store: GraphStore, node_ids: list[str], depth: int) -> GraphExport:
    """The nodes named, or everything within ``depth`` hops of them, with the edges among them."""
    if depth == 0:
        missing = [n for n in node_ids if store.get_node(n) is None]
        if missing:
            raise NotFound(f"no node with id {', '.join(map(repr, missing))}")
        return store.export(node_ids)
    keep: set[str] = set()
    for node_id in node_ids:
        near = queries.neighbourhood(store, node_id, depth=depth, max_nodes=1000)
        keep.update(node.id for node in near.nodes)
    return store.export(keep)


@router.get("/export", response_class=Response, responses=_responses())
def export(
    store: StoreDep,
    format: Annotated[
        Format,
        Query(
            description="json (the interchange format), cytoscape "
            "(Cytoscape.js elements), graphml or gexf."
        ),
    ] = "json",
    node: Annotated[
        list[NodeId] | None,
        Query(
            max_length=100,
            description="Only around these node ids (repeatable), e.g. an event.",
            examples=[[ex.EVENT]],
        ),
    ] = None,
    depth: Annotated[
        int,
        Query(
            ge=0,
            le=3,
            description="With `node`: hops around each "
            "node to include; 0 keeps just the nodes named.",
        ),
    ] = 1,
) -> Response:
    """The whole graph, or the neighbourhood of given nodes, as json, cytoscape, graphml or gexf."""
    data = store.export() if node is None else subgraph(store, node, depth)
    return Response(
        render(data, format),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'inline; filename="{FILE_NAMES[format]}"'},
    )
