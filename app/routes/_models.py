"""Request and response models that exist only at the HTTP edge.

Query results, nodes and exports keep the models of :mod:`queries.results` and
:mod:`graph.model`; here are the envelopes around them (a page of items) and
the bodies of the health, stats, ingest and Cypher endpoints.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from graph.model import Review, ReviewState
from ingest.documents import ArticleInput
from queries.results import EvidenceRef

T = TypeVar("T")

NOT_BLANK = r"[^ \t\n\r\f\v]"
"""A pattern for "some character besides ASCII white space", spelt out: ``\\S``
differs between the API's Python (Unicode white space) and JSON Schema's ECMA
regex (where, for one, U+0085 is not white space), so a client would read the
document one way and the server the other. :func:`queries.check_id` trims the
same six characters."""

NodeId = Annotated[str, StringConstraints(min_length=1, max_length=500, pattern=NOT_BLANK)]
"""A node id as a filter or list item takes it: not blank, at most 500 characters."""


def path_id(description: str, example: str) -> Any:
    """A node id as a path segment, with the bounds of :data:`NodeId` documented."""
    return Path(description=description, examples=[example], max_length=500, pattern=NOT_BLANK)


class Page(BaseModel, Generic[T]):
    """A page of a result list; ``next_offset`` is null on the last page."""

    items: list[T]
    limit: int = Field(description="The page size asked for.")
    offset: int = Field(description="Items skipped before this page.")
    next_offset: int | None = Field(
        description="Offset of the next page, or null when this page was not full."
    )

    @classmethod
    def of(cls, items: list[T], limit: int, offset: int) -> Page[T]:
        full = len(items) >= limit
        return cls(
            items=items, limit=limit, offset=offset, next_offset=offset + limit if full else None
        )


class Health(BaseModel):
    """The process answers."""

    status: Literal["ok"] = "ok"
    version: str


class Ready(BaseModel):
    """The store answers."""

    status: Literal["ready"] = "ready"
    store: Literal["embedded", "neo4j"]


class Stats(BaseModel):
    """How much is in the graph: nodes per label, relationships per type."""

    nodes: dict[str, int]
    relationships: dict[str, int]
    total_nodes: int
    total_relationships: int


class IngestRequest(BaseModel):
    """Articles to ingest, as JSON."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleInput] = Field(min_length=1, max_length=1000)


class SkippedItem(BaseModel):
    """Input that was not ingested, with the reason."""

    path: str = Field(description="The uploaded file name, or api[i] for the i-th JSON article.")
    line: int | None = Field(default=None, description="Line of a .jsonl upload.")
    reason: str


class IngestResult(BaseModel):
    """What one ingest did: articles written, input skipped and why, what was written."""

    ingested: int
    already: int = Field(0, description="Articles whose text is in the graph already: "
                                        "not read again.")
    skipped: list[SkippedItem]
    counts: dict[str, int] = Field(description="What was written (nodes, relationships).")
    seconds: float


class CypherRequest(BaseModel):
    """A read-only Cypher query; values go in ``params``, never into the text."""

    model_config = ConfigDict(extra="forbid")

    query: str = Field(
        min_length=1, max_length=20_000, description="One read statement (MATCH ... RETURN ...)."
    )
    params: dict[str, Any] = Field(default_factory=dict, description="Query parameters.")


class CypherResult(BaseModel):
    """Rows of a read query; nodes, relationships and paths as plain objects."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(
        description="True when the answer was cut: more rows than the row limit, or more "
        "bytes than the byte limit."
    )
    row_limit: int
    byte_limit: int | None = None
    query_type: Literal["r"] = "r"


class ReviewRequest(BaseModel):
    """A reviewer's verdict on one account edge (who: the X-Reviewer header)."""

    model_config = ConfigDict(extra="forbid")

    verdict: Literal["accepted", "rejected", "retargeted"]
    comment: Annotated[str, StringConstraints(max_length=2000)] | None = None
    claim_id: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = Field(
        default=None, description="retargeted: the claim the edge should point at.")
    source_id: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = Field(
        default=None, description="retargeted: the source that really gave the account.")
    type: Literal["ASSERTS", "DENIES", "OMITS"] | None = Field(
        default=None, description="retargeted: the stance the source really took "
        "(ASSERTS and DENIES swap; OMITS stays OMITS).")
    force: bool = Field(default=False, description="retargeted: allow a claim of another "
                        "event (else 409).")


class ReviewResult(BaseModel):
    """What a review wrote: the log entry, the edge as it stands now, and the corrected
    copy a re-target made (``undone``: earlier copies the new verdict took back)."""

    review: Review
    edge: EvidenceRef
    replacement: EvidenceRef | None = None
    undone: list[str] = Field(default_factory=list)


class EdgeHistory(BaseModel):
    """An edge's review state and every verdict on it, oldest first."""

    edge_id: str
    state: ReviewState
    edge: EvidenceRef | None = Field(description="The edge as it stands; null if the graph "
                                     "no longer holds it (the log keeps its reviews).")
    claim_id: str | None = None
    reviews: list[Review]
