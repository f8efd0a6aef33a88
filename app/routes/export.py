"""The graph, or a part of it, in a format other tools read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import chain
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse

import queries
from app.deps import StoreDep
from app.errors import error_responses
from app.routes import _examples as ex
from app.routes._models import NodeId
from app.routes._openapi import documented
from graph.export import chunks, render
from queries.claim_review import claim_review_document

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
                    "cytoscape": {
                        "summary": "format=cytoscape",
                        "value": json.loads(render(ex.EXPORT, "cytoscape")),
                    },
                }
            },
            "application/graphml+xml": {"example": _XML_EXAMPLE},
            "application/gexf+xml": {"example": _XML_EXAMPLE.replace("graphml", "gexf")},
        },
    }
    return out


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
    headers = {"Content-Disposition": f'inline; filename="{FILE_NAMES[format]}"'}
    if node is None:  # the whole graph: streamed a page at a time
        stream = store.export_stream()
        blocks = _encoded(chunks(stream.nodes, stream.relationships, format))
        first = next(blocks, b"")  # a store that fails at once is still an error status
        return StreamingResponse(
            chain([first], blocks), media_type=MEDIA_TYPES[format], headers=headers
        )
    data = queries.subgraph(store, node, depth)
    return Response(render(data, format), media_type=MEDIA_TYPES[format], headers=headers)


@router.get("/export/claimreview", responses=documented(
    {"@context": {"@vocab": "https://schema.org/"}, "@graph": [{"@type": "ClaimReview"}]}))
def export_claim_reviews(store: StoreDep) -> Response:
    """Denials a reviewer accepted, as schema.org ClaimReview items in JSON-LD."""
    document = claim_review_document(store)
    headers = {"Content-Disposition": 'inline; filename="sckg.claimreview.jsonld"'}
    return Response(json.dumps(document, ensure_ascii=False, indent=1),
                    media_type="application/ld+json", headers=headers)


def _encoded(pieces: Iterator[str], size: int = 1 << 16) -> Iterator[bytes]:
    """UTF-8 in blocks of about ``size`` bytes, not one network write per node."""
    block: list[str] = []
    held = 0
    for piece in pieces:
        block.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(block).encode("utf-8")
            block, held = [], 0
    if block:
        yield "".join(block).encode("utf-8")
