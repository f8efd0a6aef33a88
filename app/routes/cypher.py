"""Read-only Cypher for analysts, on the Neo4j store only (see ``_cypher_read``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends

from app.deps import SettingsDep, StoreDep, require_cypher_access
from app.routes._cypher_read import run_read
from app.routes._models import CypherRequest, CypherResult
from app.routes._openapi import documented

router = APIRouter(tags=["cypher"])

REQUEST_EXAMPLE = {
    "query": "MATCH (s:Source)-[d:DENIES]->(c:Claim) WHERE s.id = $source "
    "RETURN s.name AS source, c.text AS claim, d.evidence AS evidence",
    "params": {"source": "source:haqqin-az"},
}
RESULT_EXAMPLE = CypherResult(
    columns=["source", "claim", "evidence"],
    rows=[
        [
            "Haqqin.az",
            "the sides discussed the work of the OSCE Minsk Group",
            "The Minsk Group was not discussed during the conversation.",
        ]
    ],
    truncated=False,
    row_limit=1000,
)


@router.post(
    "/cypher",
    response_model=CypherResult,
    responses=documented(RESULT_EXAMPLE.model_dump(mode="json"), 400, 403, 429, 503, 504),
    dependencies=[Depends(require_cypher_access)],
    # The key is asked for only when the server listens beyond loopback: no key, or
    # the key, are both ways in (FastAPI adds the key; {} is OpenAPI's "none needed").
    openapi_extra={"security": [{}]},
)
def cypher(
    store: StoreDep,
    settings: SettingsDep,
    body: Annotated[
        CypherRequest,
        Body(
            openapi_examples={
                "denials": {"summary": "Denials by one source", "value": REQUEST_EXAMPLE}
            }
        ),
    ],
) -> CypherResult:
    """Run one read-only Cypher query (Neo4j only): writes, schema and admin are refused."""
    return run_read(
        store,
        body.query,
        body.params,
        timeout_s=settings.cypher_timeout_s,
        row_limit=settings.cypher_row_limit,
        byte_limit=settings.cypher_byte_limit,
        concurrency=settings.cypher_concurrency,
    )
