"""The named-query calls the parity tests run on both stores: every query, with its filters.

``Picks`` holds ids taken from the data (the seed graph or a generated one), so
each call asks something with a non-trivial answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import queries as q
from graph.store import GraphStore
from queries.claim_review import claim_review_document


@dataclass(frozen=True)
class Picks:
    event: str  # an event with a denial
    actor: str  # a participant of that event
    source: str  # a source that asserts or denies there
    omitter: str  # a source whose account omits something
    claim: str  # a denied claim
    date_from: str
    date_to: str
    text: str  # a search string with hits


Call = Callable[[GraphStore, Picks], Any]


def _omissions_tail(store: GraphStore) -> Any:
    """The last page of omissions, where undated events sort: pages through to find it."""
    total = 0
    while found := q.omissions(store, limit=500, offset=total):
        total += len(found)
    return q.omissions(store, limit=50, offset=max(0, total - 25))


CASES: dict[str, Call] = {
    "denied": lambda s, p: q.denied_claims(s),
    "denied-event": lambda s, p: q.denied_claims(s, event_id=p.event),
    "denied-actor": lambda s, p: q.denied_claims(s, actor_id=p.actor),
    "denied-source": lambda s, p: q.denied_claims(s, source_id=p.source),
    "denied-dates": lambda s, p: q.denied_claims(s, date_from=p.date_from, date_to=p.date_to),
    "denied-all": lambda s, p: q.denied_claims(s, limit=500),  # reaches the undated events
    "denied-page": lambda s, p: q.denied_claims(s, limit=3, offset=1),
    "omissions": lambda s, p: q.omissions(s),
    "omissions-tail": lambda s, p: _omissions_tail(s),
    "omissions-event": lambda s, p: q.omissions(s, event_id=p.event),
    "omissions-source": lambda s, p: q.omissions(s, source_id=p.omitter, limit=5),
    "comparison": lambda s, p: q.readout_comparison(s, p.event),
    "comparison-page": lambda s, p: q.readout_comparison(s, p.event, limit=2, offset=1),
    "corroborated": lambda s, p: q.corroborated_claims(s),
    "corroborated-all": lambda s, p: q.corroborated_claims(s, limit=500),
    "corroborated-actor": lambda s, p: q.corroborated_claims(s, actor_id=p.actor),
    "corroborated-source": lambda s, p: q.corroborated_claims(s, source_id=p.source),
    "corroborated-dates": lambda s, p: q.corroborated_claims(
        s, date_from=p.date_from, date_to=p.date_to
    ),
    "corroborated-page": lambda s, p: q.corroborated_claims(s, limit=1, offset=1),
    "events-by-date": lambda s, p: q.events_by_date(s, limit=500),
    "events-by-date-dated": lambda s, p: q.events_by_date(s, undated=False, limit=3, offset=1),
    "events-by-date-range": lambda s, p: q.events_by_date(s, date_from=p.date_from,
                                                          date_to=p.date_to),
    "contested": lambda s, p: q.contested_events(s),
    "contested-actor": lambda s, p: q.contested_events(s, actor_id=p.actor),
    "contested-dates": lambda s, p: q.contested_events(s, date_from=p.date_from, date_to=p.date_to),
    "relations": lambda s, p: q.source_relations(s, limit=500),
    "relations-source": lambda s, p: q.source_relations(s, source_id=p.source, offset=1),
    "timeline": lambda s, p: q.actor_timeline(s, p.actor, limit=500),
    "timeline-dates": lambda s, p: q.actor_timeline(
        s, p.actor, date_from=p.date_from, date_to=p.date_to, limit=5
    ),
    "provenance": lambda s, p: q.claim_provenance(s, p.claim),
    "provenance-page": lambda s, p: q.claim_provenance(s, p.claim, limit=1, offset=1),
    "neighbourhood": lambda s, p: q.neighbourhood(s, p.event),
    "neighbourhood-deep": lambda s, p: q.neighbourhood(s, p.event, depth=3, max_nodes=40),
    "neighbourhood-source": lambda s, p: q.neighbourhood(s, p.source, depth=2, max_nodes=25),
    "review-queue": lambda s, p: q.review_queue(s, limit=500),
    "review-queue-page": lambda s, p: q.review_queue(s, limit=7, offset=3),
    "review-queue-asserts": lambda s, p: q.review_queue(s, edge_type="ASSERTS"),
    "search": lambda s, p: q.search(s, p.text),
    "search-labels": lambda s, p: q.search(s, p.text, labels=["Claim", "Event"], limit=7),
}


# Asked of a graph an analyst reviewed: rejected edges back, or accepted edges alone.
REVIEW_CASES: dict[str, Call] = {
    "denied-with-rejected": lambda s, p: q.denied_claims(s, include_rejected=True, limit=500),
    "denied-accepted": lambda s, p: q.denied_claims(s, reviewed="accepted", limit=500),
    "omissions-with-rejected": lambda s, p: q.omissions(s, include_rejected=True, limit=500),
    "omissions-accepted": lambda s, p: q.omissions(s, reviewed="accepted", limit=500),
    "corroborated-accepted": lambda s, p: q.corroborated_claims(s, reviewed="accepted"),
    "comparison-with-rejected": lambda s, p: q.readout_comparison(
        s, p.event, include_rejected=True),
    "provenance-with-rejected": lambda s, p: q.claim_provenance(
        s, p.claim, include_rejected=True),
    "neighbourhood-accepted": lambda s, p: q.neighbourhood(s, p.event, depth=2,
                                                           reviewed="accepted"),
    "claim-reviews": lambda s, p: claim_review_document(s)["@graph"],
}


def dump(result: Any) -> Any:
    """A result as plain data, for equality across stores."""
    if isinstance(result, list):
        return [dump(r) for r in result]
    if isinstance(result, dict):
        return result
    return result.model_dump()
