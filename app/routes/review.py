"""Review: analysts accept, reject or re-target an account edge, and see its history.

``POST /edges/{id}/review`` is a write, guarded like ``POST /ingest`` by the
``X-API-Key`` header; the reviewer is named by the ``X-Reviewer`` header, else by
``SCKG_API_KEY_OWNER``. The rules of what a verdict does live in :mod:`graph.review`;
here is only the HTTP around them. ``GET /review/queue`` lists what waits for a
reviewer, most consequential first.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import unquote

from fastapi import APIRouter, Body, Depends, Header, Query, Request
from starlette.concurrency import run_in_threadpool

import queries
from app.deps import PageDep, SettingsDep, StoreDep, require_review_key, write_store
from app.errors import ApiError
from app.routes._models import EdgeHistory, ReviewRequest, ReviewResult, path_id
from app.routes._openapi import documented
from app.routes.ingest import WRITER_WAIT_S
from app.settings import Settings
from graph import review as reviewing
from graph.errors import NotFound
from graph.model import Edge, EdgeType, GraphFragment
from graph.store import GraphStore
from queries._rows import evidence
from queries.results import EvidenceRef, ReviewQueue

router = APIRouter(tags=["review"])

EdgeId = Annotated[str, path_id("The ASSERTS, DENIES or OMITS edge's id.", "rel:60e2557893b3a7f2")]
AccountType = Literal["ASSERTS", "DENIES", "OMITS"]
Reviewer = Annotated[
    str | None,
    Header(alias="X-Reviewer", max_length=600,
           description="Who reviews, percent-encoded UTF-8 (headers are Latin-1: "
           "Məmmədov is M%C9%99mm%C9%99dov); else SCKG_API_KEY_OWNER."),
]


BODY_EXAMPLES: dict[str, Any] = {
    "reject": {"summary": "a wrong denial",
               "value": {"verdict": "rejected", "comment": "the quote denies another point"}},
    "accept": {"summary": "checked against the article", "value": {"verdict": "accepted"}},
    "retarget": {"summary": "the denial answers another claim of the event",
                 "value": {"verdict": "retargeted", "claim_id": "claim:3f0c2a9d1e7b4c55"}},
}


def edge_ref(store: GraphStore, edge: Edge) -> EvidenceRef:
    """An edge as the query results show it, its source named."""
    node = store.get_node(edge.start)
    name = node.properties.get("name") if node is not None else None
    row = {"source_id": edge.start, "source_name": name, "type": str(edge.type),
           "props": edge.properties()}
    return evidence([row])[0]


def _reviewer(header: str | None, settings: Settings) -> str:
    name = unquote(header or "").strip() or (settings.api_key_owner or "").strip()
    if not name:
        raise ApiError(422, "reviewer_missing", "name the reviewer in the X-Reviewer header "
                       "(or set SCKG_API_KEY_OWNER for the API key's owner)")
    return name


@router.post(
    "/edges/{edge_id}/review",
    response_model=ReviewResult,
    dependencies=[Depends(require_review_key)],
    responses=documented({"review": {"verdict": "rejected"}}, 403, 404, 409, 503),
)
async def review_edge(
    request: Request,
    edge_id: EdgeId,
    body: Annotated[ReviewRequest, Body(openapi_examples=BODY_EXAMPLES)],
    settings: SettingsDep,
    x_reviewer: Reviewer = None,
) -> ReviewResult:
    """Accept, reject or re-target an ASSERTS, DENIES or OMITS edge; needs X-API-Key."""
    reviewer = _reviewer(x_reviewer, settings)
    async with write_store(request) as store:
        return await run_in_threadpool(_review, store, edge_id, body, reviewer)


def _review(store: GraphStore, edge_id: str, body: ReviewRequest, reviewer: str) -> ReviewResult:
    with store.writing(WRITER_WAIT_S):
        fragment = reviewing.plan_review(
            store, edge_id, body.verdict, reviewer, comment=body.comment,
            claim_id=body.claim_id, source_id=body.source_id,
            edge_type=EdgeType(body.type) if body.type else None, force=body.force)
        store.write(fragment)
        store.flush()
    return _result(store, fragment)


def _result(store: GraphStore, fragment: GraphFragment) -> ReviewResult:
    review = fragment.reviews[0]
    edge = store.get_edge(review.edge_id)
    if edge is None:  # removed between the write and this read: say so, not 500
        raise NotFound(f"edge {review.edge_id} is gone (another writer removed it)")
    copy = store.get_edge(review.replacement.id) if review.replacement else None
    return ReviewResult(
        review=review,
        edge=edge_ref(store, edge),
        replacement=edge_ref(store, copy) if copy is not None else None,
        undone=[r.edge_id for r in fragment.reviews[1:]],
    )


@router.get("/edges/{edge_id}/history", response_model=EdgeHistory,
            responses=documented({"state": "rejected", "reviews": []}, 404))
def edge_history(store: StoreDep, edge_id: EdgeId) -> EdgeHistory:
    """An edge's review state and every verdict on it, oldest first."""
    edge = store.get_edge(edge_id)
    logged = store.reviews([edge_id])
    if edge is None and not logged:
        raise NotFound(f"no ASSERTS, DENIES or OMITS edge {edge_id!r}, and no review of one")
    return EdgeHistory(
        edge_id=edge_id,
        state=reviewing.state_of(edge) if edge is not None else "unreviewed",
        edge=edge_ref(store, edge) if edge is not None else None,
        claim_id=edge.end if edge is not None else logged[-1].claim_id,
        reviews=logged,
    )


@router.get("/review/queue", response_model=ReviewQueue,
            responses=documented({"total": 0, "items": []}))
def review_queue(
    store: StoreDep,
    page: PageDep,
    type: Annotated[
        AccountType | None, Query(description="Only edges of this type.")
    ] = None,
) -> ReviewQueue:
    """Unreviewed edges, most consequential first: DENIES, OMITS, contested ASSERTS."""
    return queries.review_queue(store, edge_type=type, limit=page.limit, offset=page.offset)
