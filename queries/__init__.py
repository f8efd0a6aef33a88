"""Named queries over the graph: one function each, the same answer on either store.

Every function takes the store first, filters as keyword arguments and pages
with ``limit`` (1..500) and ``offset`` (>= 0); a bad value raises
:class:`graph.errors.InvalidInput`, an unknown id :class:`graph.errors.NotFound`
(where a query is *about* one node). Dates are ISO days, inclusive, and filter
on the event's date (undated events drop out when a date filter is given).

Account edges a reviewer rejected or re-targeted drop out of every query
(:mod:`graph.review`); where a query lists edges, ``include_rejected=True`` brings
them back and ``reviewed="accepted"`` keeps only the accepted ones. The rankings
(contested events, the timeline's counts, source relations) count standing edges.

On Neo4j each runs ``queries/cypher/<name>.cypher``; on the embedded store the
networkx twin in ``queries/<name>.py``. The parity tests hold them equal.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.errors import InvalidInput, NotFound
from graph.model import SHOWN_STATES, GraphExport
from graph.review import review_states
from graph.store import GraphStore
from queries import actor_timeline_twin as _timeline
from queries import article_view_twin as _article
from queries import claim_provenance_twin as _provenance
from queries import contested_events_twin as _contested
from queries import corroborated_claims_twin as _corroborated
from queries import denied_claims_twin as _denied
from queries import events_by_date_twin as _by_date
from queries import neighbourhood_twin as _neighbourhood
from queries import omissions_twin as _omissions
from queries import readout_comparison_twin as _comparison
from queries import review_queue_twin as _queue
from queries import search_twin as _search
from queries import source_relations_twin as _relations
from queries._rows import Row, walk_params
from queries._run import check_date, check_id, check_page, run
from queries.results import (
    ArticleView,
    ClaimProvenance,
    ContestedEvent,
    CorroboratedClaim,
    DatedEvent,
    DeniedClaim,
    Omission,
    ReadoutComparison,
    ReviewQueue,
    SearchHit,
    SearchLabel,
    SourceRelation,
    TimelineEntry,
)

__all__ = [
    "actor_timeline",
    "article_view",
    "claim_provenance",
    "contested_events",
    "corroborated_claims",
    "denied_claims",
    "events_by_date",
    "neighbourhood",
    "omissions",
    "readout_comparison",
    "review_queue",
    "search",
    "source_relations",
    "subgraph",
]


def denied_claims(
    store: GraphStore,
    *,
    event_id: str | None = None,
    actor_id: str | None = None,
    source_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
    include_rejected: bool = False,
    reviewed: str | None = None,
) -> list[DeniedClaim]:
    """Claims one source asserts and another denies, newest event first, then claim id.

    ``actor_id`` keeps claims whose event the actor takes part in or that mention
    the actor; ``source_id`` keeps claims the source asserts or denies.
    """
    params = _claim_filters(event_id, actor_id, source_id, date_from, date_to, limit, offset)
    params["review_states"] = review_states(include_rejected, reviewed)
    return _denied.build(run(store, _denied.cypher_name(params), params, _denied.twin))


def _claim_filters(
    event_id: str | None,
    actor_id: str | None,
    source_id: str | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    offset: int,
) -> Row:
    """Checked parameters of the claim lists that filter by event, actor, source and dates."""
    check_page(limit, offset)
    return walk_params(
        event_id=check_id("event_id", event_id),
        actor_id=check_id("actor_id", actor_id),
        source_id=check_id("source_id", source_id),
        date_from=check_date("date_from", date_from),
        date_to=check_date("date_to", date_to),
        skip=offset,
        limit=limit,
    )


def omissions(
    store: GraphStore,
    *,
    event_id: str | None = None,
    source_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
    include_rejected: bool = False,
    reviewed: str | None = None,
) -> list[Omission]:
    """Points a source's account left out that another source asserted.

    One row per (claim, omitting source), newest event first, then claim id and
    source id; ``source_id`` is the source whose account omits.
    """
    check_page(limit, offset)
    params = {
        "event_id": check_id("event_id", event_id),
        "source_id": check_id("source_id", source_id),
        "review_states": review_states(include_rejected, reviewed),
        "skip": offset,
        "limit": limit,
    }
    rows = run(store, _omissions.cypher_name(params), params, _omissions.twin)
    return _omissions.build(rows)


def readout_comparison(
    store: GraphStore,
    event_id: str,
    *,
    limit: int = 50,
    offset: int = 0,
    include_rejected: bool = False,
    reviewed: str | None = None,
) -> ReadoutComparison:
    """Claims × sources of one event, each cell asserted / denied / omitted / silent.

    Sources are all that account for any claim of the event or published an
    article reporting it. Claims page by id. A cell with several edges takes the
    strongest status: denied, then asserted, then omitted. Unknown event: NotFound.
    """
    check_page(limit, offset)
    if check_id("event_id", event_id) is None:
        raise InvalidInput("event_id is required")
    params = {"event_id": event_id, "skip": offset, "limit": limit,
              "review_states": review_states(include_rejected, reviewed)}
    rows = run(store, "readout_comparison", params, _comparison.twin)
    if not rows:
        raise NotFound(f"no event {event_id!r}")
    return _comparison.build(rows[0])


def corroborated_claims(
    store: GraphStore,
    *,
    event_id: str | None = None,
    actor_id: str | None = None,
    source_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
    include_rejected: bool = False,
    reviewed: str | None = None,
) -> list[CorroboratedClaim]:
    """Claims asserted by two different sources speaking for two different actors.

    Newest event first, then claim id. ``actor_id``: one of the actors speaking;
    ``source_id``: one of the asserting sources.
    """
    params = _claim_filters(event_id, actor_id, source_id, date_from, date_to, limit, offset)
    params["review_states"] = review_states(include_rejected, reviewed)
    rows = run(store, _corroborated.cypher_name(params), params, _corroborated.twin)
    return _corroborated.build(rows)


def contested_events(
    store: GraphStore,
    *,
    actor_id: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[ContestedEvent]:
    """Events with denials or omissions, by ``2 * denials + omissions`` (desc), then id.

    ``actor_id`` keeps events the actor takes part in.
    """
    check_page(limit, offset)
    params = {
        "actor_id": check_id("actor_id", actor_id),
        "date_from": check_date("date_from", date_from),
        "date_to": check_date("date_to", date_to),
        "review_states": list(SHOWN_STATES),  # ranked by the kept counts: standing edges
        "skip": offset,
        "limit": limit,
    }
    rows = run(store, _contested.cypher_name(params), params, _contested.twin)
    return _contested.build(rows)


def events_by_date(
    store: GraphStore,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    undated: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> list[DatedEvent]:
    """Every event in date order, then (``undated``, and no date range) the undated
    ones: the timeline, contested or not, each with its counts and sources."""
    check_page(limit, offset)
    params = {
        "date_from": check_date("date_from", date_from),
        "date_to": check_date("date_to", date_to),
        "undated": bool(undated),
        "review_states": list(SHOWN_STATES),  # counted like the contested events
        "skip": offset,
        "limit": limit,
    }
    return _by_date.build(run(store, "events_by_date", params, _by_date.twin))


def source_relations(
    store: GraphStore,
    *,
    source_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[SourceRelation]:
    """For each ordered pair of sources, how often A corroborates, denies or omits B's claims.

    Only pairs with some relation; by total (desc), then A's id, then B's id.
    ``source_id`` keeps pairs where it is A or B.
    """
    check_page(limit, offset)
    params = {"source_id": check_id("source_id", source_id), "skip": offset, "limit": limit,
              "review_states": list(SHOWN_STATES)}  # from the kept counts: standing edges
    rows = run(store, _relations.cypher_name(params), params, _relations.twin)
    return _relations.build(rows)


def actor_timeline(
    store: GraphStore,
    actor_id: str,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[TimelineEntry]:
    """Events the actor takes part in or is named in (by claims), oldest first, undated last.

    Unknown actor: NotFound.
    """
    check_page(limit, offset)
    if check_id("actor_id", actor_id) is None:
        raise InvalidInput("actor_id is required")
    params = {
        "actor_id": actor_id,
        "date_from": check_date("date_from", date_from),
        "date_to": check_date("date_to", date_to),
        "skip": offset,
        "limit": limit,
    }
    rows = run(store, "actor_timeline", params, _timeline.twin)
    if not rows:
        raise NotFound(f"no actor {actor_id!r}")
    return _timeline.build(rows[0])


def claim_provenance(
    store: GraphStore,
    claim_id: str,
    *,
    limit: int = 50,
    offset: int = 0,
    include_rejected: bool = False,
    reviewed: str | None = None,
) -> ClaimProvenance:
    """Every article, quote and character offset behind a claim (paged over its items).

    Unknown claim: NotFound.
    """
    check_page(limit, offset)
    if check_id("claim_id", claim_id) is None:
        raise InvalidInput("claim_id is required")
    params = {"claim_id": claim_id, "review_states": review_states(include_rejected, reviewed)}
    rows = run(store, "claim_provenance", params, _provenance.twin)
    if not rows:
        raise NotFound(f"no claim {claim_id!r}")
    return _provenance.build(rows[0], limit=limit, offset=offset)


def article_view(store: GraphStore, article_id: str, *, include_rejected: bool = False,
                 reviewed: str | None = None) -> ArticleView:
    """An article's text with every ASSERTS and DENIES edge whose evidence it holds, in
    offset order, so each quote can be read in place. Unknown article: NotFound."""
    if check_id("article_id", article_id) is None:
        raise InvalidInput("article_id is required")
    params = {"article_id": article_id,
              "review_states": review_states(include_rejected, reviewed)}
    rows = run(store, "article_view", params, _article.twin)
    if not rows:
        raise NotFound(f"no article {article_id!r}")
    kept = store.kept_text(article_id)
    return _article.build(rows[0], kept.text if kept is not None else None)


def neighbourhood(
    store: GraphStore,
    node_id: str,
    *,
    depth: int = 1,
    max_nodes: int = 200,
    include_rejected: bool = False,
    reviewed: str | None = None,
) -> GraphExport:
    """The nodes within ``depth`` (1..3) hops of a node, either direction, and their edges.

    At most ``max_nodes`` (1..1000) nodes, nearest first, ties by id; edges are
    those among the kept nodes. Unknown node: NotFound.
    """
    if check_id("node_id", node_id) is None:
        raise InvalidInput("node_id is required")
    if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= 3:
        raise InvalidInput(f"depth must be 1, 2 or 3, got {depth!r}")
    if (
        isinstance(max_nodes, bool)
        or not isinstance(max_nodes, int)
        or not (1 <= max_nodes <= _neighbourhood.MAX_NODES)
    ):
        raise InvalidInput(f"max_nodes must be from 1 to {_neighbourhood.MAX_NODES}")
    states = review_states(include_rejected, reviewed)
    return _neighbourhood.neighbourhood(store, node_id, depth=depth, max_nodes=max_nodes,
                                        review_states=states)


def subgraph(store: GraphStore, node_ids: Sequence[str], depth: int = 1,
             max_nodes: int = 1000) -> GraphExport:
    """The nodes named, or everything within ``depth`` (0..3) hops of each of them (at most
    ``max_nodes`` around each, nearest first), with the edges among them: the part of
    the graph an export of "this event and what surrounds it" holds."""
    if isinstance(depth, bool) or not isinstance(depth, int) or not 0 <= depth <= 3:
        raise InvalidInput(f"depth must be 0, 1, 2 or 3, got {depth!r}")
    if depth == 0:
        missing = [n for n in node_ids if store.get_node(n) is None]
        if missing:
            raise NotFound(f"no node with id {', '.join(map(repr, missing))}")
        return store.export(node_ids)
    keep: set[str] = set()
    for node_id in node_ids:
        near = neighbourhood(store, node_id, depth=depth, max_nodes=max_nodes,
                             include_rejected=True)  # an export keeps every edge
        keep.update(node.id for node in near.nodes)
    return store.export(keep)


def review_queue(
    store: GraphStore,
    *,
    edge_type: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> ReviewQueue:
    """Account edges no reviewer has judged, most consequential first: DENIES, then
    OMITS, then ASSERTS on claims someone denies or omits; newest event first within
    each, then claim id, edge id. ``edge_type`` keeps one of the three."""
    check_page(limit, offset)
    if edge_type not in (None, "ASSERTS", "DENIES", "OMITS"):
        raise InvalidInput(f"type must be ASSERTS, DENIES or OMITS, got {edge_type!r}")
    params = {"type": edge_type, "review_states": list(SHOWN_STATES), "skip": offset,
              "limit": limit}
    return _queue.build(run(store, "review_queue", params, _queue.twin)[0])


def search(
    store: GraphStore,
    text: str,
    *,
    labels: Sequence[SearchLabel] | None = None,
    limit: int = 50,
    offset: int = 0,
    include_rejected: bool = False,
    reviewed: str | None = None,
) -> list[SearchHit]:
    """Actors, sources, events and claims with ``text`` at the start of a word of their
    name, claim text or an alias.

    Case-insensitive; text without a letter or digit finds nothing. Score 3 for an
    exact name, 2 for a prefix, 1 for a word start elsewhere, 0.5 for an alias only;
    by score (desc), label, id.
    """
    check_page(limit, offset)
    q = _search.check_text(text)
    only = _search.check_labels(labels)
    if not _search.has_word(q):
        return []
    params = {
        "q": q,
        **_search.text_params(q),
        "labels": only,
        "review_states": review_states(include_rejected, reviewed),
        "skip": offset,
        "limit": limit,
    }
    return _search.build(run(store, "search", params, _search.twin))
