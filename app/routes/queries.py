"""The named queries, one GET endpoint each: filters are query parameters, pages bounded.

Each route only translates HTTP to a call of :mod:`queries` and back; the query
validates its own input (an unknown id is a 404, a bad filter a 422).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BeforeValidator

import queries
from app.deps import PageDep, StoreDep
from app.routes import _examples as ex
from app.routes._models import NOT_BLANK, Page, path_id
from app.routes._openapi import documented
from graph.model import GraphExport
from queries.results import (
    ArticleView,
    ClaimProvenance,
    ContestedEvent,
    CorroboratedClaim,
    DatedEvent,
    DeniedClaim,
    Omission,
    ReadoutComparison,
    SearchHit,
    SearchLabel,
    SourceRelation,
    TimelineEntry,
)

router = APIRouter(tags=["queries"])


def _id(what: str, example: str) -> Any:
    return Query(description=f"Only {what} (a node id).", examples=[example],
                 min_length=1, max_length=500, pattern=NOT_BLANK)


EventFilter = Annotated[str | None, _id("claims about this event", ex.EVENT)]
ActorFilter = Annotated[str | None, _id("what involves this actor", ex.ALIYEV)]
SourceFilter = Annotated[str | None, _id("what this source accounts for", ex.STATE_DEPT)]
def _iso_day_only(value: object) -> object:
    """A day as ``YYYY-MM-DD`` and nothing else: pydantic would also take ``0`` or
    ``1700000000`` for a date (seconds since 1970), which no analyst means."""
    if isinstance(value, str) and not _ISO_DAY.fullmatch(value):
        raise ValueError("expected an ISO day, YYYY-MM-DD")
    return value


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
IsoDay = Annotated[date, BeforeValidator(_iso_day_only)]
DateFrom = Annotated[
    IsoDay | None,
    Query(description="Events on or after this ISO day.", examples=["2022-01-01"]),
]
DateTo = Annotated[
    IsoDay | None,
    Query(description="Events on or before this ISO day.", examples=["2022-12-31"]),
]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class ReviewFilter:
    """Which account edges a list shows, by their reviewers' verdicts (graph.review)."""

    include_rejected: bool = False
    reviewed: Literal["accepted"] | None = None

    def kwargs(self) -> dict[str, Any]:
        return {"include_rejected": self.include_rejected, "reviewed": self.reviewed}


def review_filter(
    include_rejected: Annotated[bool, Query(
        description="Also the edges a reviewer rejected or re-targeted (hidden by default).",
    )] = False,
    reviewed: Annotated[Literal["accepted"] | None, Query(
        description="accepted: only the edges a reviewer accepted.",
    )] = None,
) -> ReviewFilter:
    return ReviewFilter(include_rejected, reviewed)


ReviewDep = Annotated[ReviewFilter, Depends(review_filter)]


@router.get(
    "/claims/denied", response_model=Page[DeniedClaim], responses=documented(ex.page(ex.DENIED))
)
def denied_claims(
    store: StoreDep,
    page: PageDep,
    event_id: EventFilter = None,
    actor_id: ActorFilter = None,
    source_id: SourceFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    review: ReviewDep = ReviewFilter(),
) -> Page[DeniedClaim]:
    """Claims one source asserts and another denies, newest event first."""
    items = queries.denied_claims(
        store,
        **review.kwargs(),
        event_id=event_id,
        actor_id=actor_id,
        source_id=source_id,
        date_from=_iso(date_from),
        date_to=_iso(date_to),
        limit=page.limit,
        offset=page.offset,
    )
    return Page.of(items, page.limit, page.offset)


@router.get(
    "/omissions", response_model=Page[Omission], responses=documented(ex.page(ex.OMISSIONS))
)
def omissions(
    store: StoreDep,
    page: PageDep,
    event_id: EventFilter = None,
    source_id: Annotated[str | None, _id("omissions by this source", ex.PRESIDENT_AZ)] = None,
    review: ReviewDep = ReviewFilter(),
) -> Page[Omission]:
    """Points a source's account left out that another source asserted."""
    items = queries.omissions(
        store, event_id=event_id, source_id=source_id, limit=page.limit, offset=page.offset,
        **review.kwargs(),
    )
    return Page.of(items, page.limit, page.offset)


@router.get(
    "/events/{event_id}/comparison",
    response_model=ReadoutComparison,
    responses=documented(ex.dump(ex.COMPARISON), 404),
)
def readout_comparison(
    store: StoreDep,
    page: PageDep,
    event_id: Annotated[str, path_id("The event's id.", ex.EVENT)],
    review: ReviewDep = ReviewFilter(),
) -> ReadoutComparison:
    """Claims × sources of one event: asserted, denied, omitted or silent (claims paged)."""
    return queries.readout_comparison(store, event_id, limit=page.limit, offset=page.offset,
                                      **review.kwargs())


@router.get(
    "/claims/corroborated",
    response_model=Page[CorroboratedClaim],
    responses=documented(ex.page(ex.CORROBORATED)),
)
def corroborated_claims(
    store: StoreDep,
    page: PageDep,
    event_id: EventFilter = None,
    actor_id: ActorFilter = None,
    source_id: SourceFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    review: ReviewDep = ReviewFilter(),
) -> Page[CorroboratedClaim]:
    """Claims asserted by sources speaking for different actors, most actors first."""
    items = queries.corroborated_claims(
        store,
        **review.kwargs(),
        event_id=event_id,
        actor_id=actor_id,
        source_id=source_id,
        date_from=_iso(date_from),
        date_to=_iso(date_to),
        limit=page.limit,
        offset=page.offset,
    )
    return Page.of(items, page.limit, page.offset)


@router.get(
    "/events/contested",
    response_model=Page[ContestedEvent],
    responses=documented(ex.page(ex.CONTESTED)),
)
def contested_events(
    store: StoreDep,
    page: PageDep,
    actor_id: ActorFilter = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Page[ContestedEvent]:
    """Events ranked by disagreement (2 × denials + omissions)."""
    items = queries.contested_events(
        store,
        actor_id=actor_id,
        date_from=_iso(date_from),
        date_to=_iso(date_to),
        limit=page.limit,
        offset=page.offset,
    )
    return Page.of(items, page.limit, page.offset)


@router.get(
    "/events",
    response_model=Page[DatedEvent],
    responses=documented(ex.page(ex.TIMELINE_EVENTS)),
)
def events_by_date(
    store: StoreDep,
    page: PageDep,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    undated: Annotated[
        bool, Query(description="After the dated events, the undated ones (not with a date range).")
    ] = True,
) -> Page[DatedEvent]:
    """Every event in date order, the undated after: the timeline."""
    items = queries.events_by_date(
        store, date_from=_iso(date_from), date_to=_iso(date_to), undated=undated,
        limit=page.limit, offset=page.offset,
    )  # fmt: skip
    return Page.of(items, page.limit, page.offset)


@router.get(
    "/sources/relations",
    response_model=Page[SourceRelation],
    responses=documented(ex.page(ex.RELATIONS)),
)
def source_relations(
    store: StoreDep,
    page: PageDep,
    source_id: Annotated[str | None, _id("pairs with this source", ex.HAQQIN)] = None,
) -> Page[SourceRelation]:
    """How often each source corroborates, denies or omits another's claims."""
    items = queries.source_relations(
        store, source_id=source_id, limit=page.limit, offset=page.offset
    )
    return Page.of(items, page.limit, page.offset)


@router.get(
    "/actors/{actor_id}/timeline",
    response_model=Page[TimelineEntry],
    responses=documented(ex.page(ex.TIMELINE), 404),
)
def actor_timeline(
    store: StoreDep,
    page: PageDep,
    actor_id: Annotated[str, path_id("The actor's id.", ex.ALIYEV)],
    date_from: DateFrom = None,
    date_to: DateTo = None,
) -> Page[TimelineEntry]:
    """Events the actor took part in or is named in, oldest first."""
    items = queries.actor_timeline(
        store,
        actor_id,
        date_from=_iso(date_from),
        date_to=_iso(date_to),
        limit=page.limit,
        offset=page.offset,
    )
    return Page.of(items, page.limit, page.offset)


@router.get(
    "/claims/{claim_id}/provenance",
    response_model=ClaimProvenance,
    responses=documented(ex.dump(ex.PROVENANCE), 404),
)
def claim_provenance(
    store: StoreDep,
    page: PageDep,
    claim_id: Annotated[str, path_id("The claim's id.", ex.CLAIM)],
    review: ReviewDep = ReviewFilter(),
) -> ClaimProvenance:
    """Every article, quote and offset behind a claim (items paged)."""
    return queries.claim_provenance(store, claim_id, limit=page.limit, offset=page.offset,
                                    **review.kwargs())


@router.get(
    "/articles/{article_id}",
    response_model=ArticleView,
    responses=documented(ex.dump(ex.ARTICLE_VIEW), 404),
)
def article_view(
    store: StoreDep,
    article_id: Annotated[str, path_id("The article's id.", ex.ARTICLE)],
    review: ReviewDep = ReviewFilter(),
) -> ArticleView:
    """An article's text with the ASSERTS and DENIES edges quoting it, by offset."""
    return queries.article_view(store, article_id, **review.kwargs())


@router.get(
    "/nodes/{node_id}/neighbourhood",
    response_model=GraphExport,
    responses=documented(ex.dump(ex.EXPORT), 404),
)
def neighbourhood(
    store: StoreDep,
    node_id: Annotated[str, path_id("The centre node's id.", ex.BLINKEN)],
    depth: Annotated[int, Query(ge=1, le=3, description="Hops in either direction.")] = 1,
    max_nodes: Annotated[int, Query(ge=1, le=1000, description="Most nodes, nearest first.")] = 200,
    review: ReviewDep = ReviewFilter(),
) -> GraphExport:
    """Nodes within `depth` hops of a node, and the edges among them."""
    return queries.neighbourhood(store, node_id, depth=depth, max_nodes=max_nodes,
                                 **review.kwargs())


@router.get("/search", response_model=Page[SearchHit], responses=documented(ex.page(ex.SEARCH)))
def search(
    store: StoreDep,
    page: PageDep,
    q: Annotated[
        str,
        Query(min_length=1, max_length=200,
              description="Text to look for; text without a letter or digit finds nothing.",
              examples=["Blinken"]),
    ],
    label: Annotated[
        list[SearchLabel] | None, Query(description="Only nodes with these labels (repeatable).")
    ] = None,
    review: ReviewDep = ReviewFilter(),
) -> Page[SearchHit]:
    """Nodes with `q` at the start of a word of their name, text or alias (any case)."""
    items = queries.search(store, q, labels=label, limit=page.limit, offset=page.offset,
                           **review.kwargs())
    return Page.of(items, page.limit, page.offset)
