"""Review: an analyst's verdict on an account edge, and how the graph keeps it.

The rules, in one place for both stores:

* Every review is appended to a log kept beside the graph (:class:`~graph.model.Review`);
  an edge's state is its latest review, or *unreviewed*.
* Each account edge a store writes is stamped with that state (:func:`stamp`), so a
  re-extracted edge that a reviewer rejected stays rejected, through re-ingests and
  rebuilds alike: ids come from content, and the log is keyed by edge id.
* A re-target keeps the corrected copy of the edge in its review; the copy carries the
  same evidence, points at the new claim or source, and is marked ``accepted`` by the
  reviewer. :func:`restorations` gives back the copies a rebuild lost.
* Rejected and re-targeted edges drop out of what the named queries show and of the
  tallies; they stay in the graph, so an analyst can ask for them and undo a verdict.

This module knows nothing of HTTP: :func:`plan_review` checks a request against the
store and returns the fragment to write, and raises the graph's own errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from graph.errors import Conflict, InvalidInput, NotFound
from graph.ids import digest, edge_id
from graph.model import (
    ACCOUNT_EDGES,
    HIDDEN_VERDICTS,
    REVIEW_STATES,
    SHOWN_STATES,
    Edge,
    EdgeType,
    GraphFragment,
    Review,
    ReviewState,
    Verdict,
)
from graph.store import GraphStore

MAX_COMMENT = 2000
MAX_REVIEWER = 200


def latest(reviews: Iterable[Review]) -> dict[str, Review]:
    """Each edge's current review, from any part of the log."""
    current: dict[str, Review] = {}
    for review in sorted(reviews, key=Review.sort_key):
        current[review.edge_id] = review
    return current


def state_of(edge: Edge) -> ReviewState:
    return edge.review or "unreviewed"


def is_shown(edge: Edge) -> bool:
    """Whether the default views show the edge (not rejected, not re-targeted)."""
    return edge.review not in HIDDEN_VERDICTS


def review_states(include_rejected: bool = False, reviewed: str | None = None) -> list[str]:
    """The review states a query keeps, from the API's two filters.

    Default: unreviewed and accepted edges; ``include_rejected`` adds the rejected and
    re-targeted ones; ``reviewed="accepted"`` keeps accepted edges alone.
    """
    if reviewed not in (None, "accepted"):
        raise InvalidInput(f"reviewed must be 'accepted' or left out, got {reviewed!r}")
    if reviewed == "accepted":
        return ["accepted"]
    return list(REVIEW_STATES if include_rejected else SHOWN_STATES)


def stamped(edge: Edge, review: Review | None) -> Edge:
    """The edge with the review's verdict on it (or with none, if never reviewed)."""
    if edge.type not in ACCOUNT_EDGES or (review is None and edge.review is None):
        return edge
    if review is None:
        return edge.model_copy(update={"review": None, "reviewed_by": None,
                                       "reviewed_at": None, "review_comment": None})
    return edge.model_copy(update={"review": review.verdict, "reviewed_by": review.reviewer,
                                   "reviewed_at": review.at, "review_comment": review.comment})


def stamp(fragment: GraphFragment, logged: Iterable[Review]) -> GraphFragment:
    """The fragment with each account edge stamped by its latest review.

    ``logged`` is the store's log for the fragment's edge ids; the fragment's own
    reviews come after it. A reviewer's corrected copy (``retargeted_from`` set) keeps
    the stamp it was written with unless it was reviewed itself.
    """
    if not any(e.type in ACCOUNT_EDGES for e in fragment.edges) and not fragment.reviews:
        return fragment
    current = latest([*logged, *fragment.reviews])
    edges = []
    for edge in fragment.edges:
        review = current.get(edge.id)
        keep = review is None and edge.retargeted_from is not None
        edges.append(edge if keep else stamped(edge, review))
    return fragment.model_copy(update={"edges": edges})


def account_edge_ids(fragment: GraphFragment) -> list[str]:
    return sorted({e.id for e in fragment.edges if e.type in ACCOUNT_EDGES})


def plan_review(
    store: GraphStore,
    edge_id_: str,
    verdict: Verdict,
    reviewer: str,
    *,
    comment: str | None = None,
    claim_id: str | None = None,
    source_id: str | None = None,
    edge_type: EdgeType | None = None,
    force: bool = False,
    now: datetime | None = None,
) -> GraphFragment:
    """The fragment that records a review: the log entry, the edge stamped, and for a
    re-target the corrected copy (an earlier copy of a re-targeted edge is rejected).

    Raises NotFound for an unknown edge, claim or source; InvalidInput for a request
    that makes no sense; Conflict for a re-target to a claim of another event unless
    ``force``.
    """
    edge = store.get_edge(edge_id_)
    if edge is None or edge.type not in ACCOUNT_EDGES:
        raise NotFound(f"no ASSERTS, DENIES or OMITS edge {edge_id_!r}")
    reviewer = _checked_text("reviewer", reviewer, MAX_REVIEWER)
    comment = _checked_text("comment", comment, MAX_COMMENT) if comment else None
    at = (now or datetime.now(UTC)).isoformat(timespec="microseconds").replace("+00:00", "Z")
    replacement = None
    if verdict == "retargeted":
        replacement = _replacement(store, edge, claim_id, source_id, edge_type, force)
    elif claim_id or source_id or edge_type:
        raise InvalidInput("claim_id, source_id and type only go with verdict 'retargeted'")
    review = Review(
        id=f"review:{digest(edge.id, at, reviewer, verdict)}", edge_id=edge.id,
        edge_type=edge.type, source_id=edge.start, claim_id=edge.end, verdict=verdict,
        reviewer=reviewer, at=at, comment=comment,
        replacement=None if replacement is None else stamped(replacement, None).model_copy(
            update={"review": "accepted", "reviewed_by": reviewer, "reviewed_at": at,
                    "review_comment": comment}),
    )
    fragment = GraphFragment(edges=[edge], reviews=[review])
    if review.replacement is not None:
        fragment.edges.append(review.replacement)
    for earlier in _earlier_copies(store, edge, review):
        fragment.edges.append(earlier)
        fragment.reviews.append(Review(
            id=f"review:{digest(earlier.id, at, reviewer, 'rejected')}", edge_id=earlier.id,
            edge_type=earlier.type, source_id=earlier.start, claim_id=earlier.end,
            verdict="rejected", reviewer=reviewer, at=at,
            comment=f"re-target of {edge.id} undone"))
    return fragment


def _checked_text(name: str, value: str | None, limit: int) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput(f"{name} must not be blank")
    if len(text) > limit:
        raise InvalidInput(f"{name} is longer than {limit} characters")
    return text


def _replacement(
    store: GraphStore,
    edge: Edge,
    claim_id: str | None,
    source_id: str | None,
    edge_type: EdgeType | None,
    force: bool,
) -> Edge:
    """The corrected copy of ``edge``: same evidence, new claim, source or type."""
    new_claim, new_source = claim_id or edge.end, source_id or edge.start
    new_type = edge_type or edge.type
    if (new_claim, new_source, new_type) == (edge.end, edge.start, edge.type):
        raise InvalidInput("a re-target needs a new claim_id, source_id or type")
    if new_type is EdgeType.OMITS and edge.type is not EdgeType.OMITS:
        raise InvalidInput("an ASSERTS or DENIES edge cannot be re-targeted into an OMITS")
    if new_type is not EdgeType.OMITS and edge.type is EdgeType.OMITS:
        raise InvalidInput("an OMITS edge has no quote to become an ASSERTS or DENIES")
    _check_node(store, new_claim, "Claim", "claim_id")
    _check_node(store, new_source, "Source", "source_id")
    if new_claim != edge.end and not force:
        old_event, new_event = store.claim_event(edge.end), store.claim_event(new_claim)
        if old_event != new_event:
            raise Conflict(
                f"claim {new_claim} is about {new_event or 'no event'}, not {old_event}; "
                "send force=true to move the edge to another event's claim")
    qualifiers = [edge.article_id or "", str(edge.start_char or "")]
    if new_type is EdgeType.OMITS:
        qualifiers = [str(edge.method or ""), *qualifiers]
    return edge.model_copy(update={
        "id": edge_id(str(new_type), new_source, new_claim, *qualifiers, "review"),
        "type": new_type, "start": new_source, "end": new_claim,
        "method": "human", "retargeted_from": edge.id,
    })


def _check_node(store: GraphStore, node_id: str, label: str, name: str) -> None:
    node = store.get_node(node_id)
    if node is None:
        raise NotFound(f"{name}: no node {node_id!r}")
    if label not in node.labels:
        raise InvalidInput(f"{name}: {node_id} is a {node.labels[0]}, not a {label}")


def _earlier_copies(store: GraphStore, edge: Edge, review: Review) -> list[Edge]:
    """The corrected copies an earlier re-target of ``edge`` made, still shown: a new
    verdict on the edge replaces them."""
    current = latest(store.reviews([edge.id])).get(edge.id)
    if current is None or current.replacement is None:
        return []
    if review.replacement is not None and review.replacement.id == current.replacement.id:
        return []
    copy = store.get_edge(current.replacement.id)
    return [] if copy is None or not is_shown(copy) else [copy]


def restorations(store: GraphStore, reviews: Sequence[Review]) -> GraphFragment:
    """Corrected copies the graph lacks though their original edge is held and re-targeted
    (a rebuild deletes every edge; the log brings the copies back)."""
    fragment = GraphFragment()
    for review in latest(reviews).values():
        copy = review.replacement
        if copy is None or store.get_edge(copy.id) is not None:
            continue
        original = store.get_edge(review.edge_id)
        if original is None or original.review != "retargeted":
            continue
        if store.get_node(copy.start) is None or store.get_node(copy.end) is None:
            continue
        fragment.edges.append(copy)
    return fragment


def orphaned(store: GraphStore, reviews: Sequence[Review]) -> list[str]:
    """Ids of reviewed edges the graph no longer holds: the extractor, reading the articles
    anew (another order, a new version), made other edges. Their reviews stay in the log."""
    current = latest(reviews)
    copies = {r.replacement.id for r in current.values() if r.replacement is not None}
    return sorted(edge_id for edge_id in current
                  if edge_id not in copies and store.get_edge(edge_id) is None)
