"""Reviewed denials as schema.org ``ClaimReview`` items in JSON-LD, for fact-checking tools.

The mapping: a denial is the denying source's review of a claim, rated false by it.

* ``itemReviewed``: the ``Claim`` (its text; ``author``: the sources asserting it;
  ``appearance``: the articles they assert it in; ``about``: the event);
* ``author``: the source that denies it; ``reviewBody``: its verbatim words, and
  ``isBasedOn`` the article they are in (with ``url``);
* ``reviewRating``: ``alternateName`` "Denied" on a 1..5 scale at 1;
* ``editor`` and ``dateModified``: the sckg reviewer who accepted the edge, and when.

Only denials a reviewer accepted are exported: an unreviewed edge is an extractor's
guess, and a fact-checking pipeline should get only what a person stood behind.
The document's context is the schema.org vocabulary itself (``@vocab``), written
inline, so a JSON-LD processor reads it without fetching anything.
"""

from __future__ import annotations

from typing import Any

from graph.model import SHOWN_STATES
from graph.store import GraphStore
from queries import reviewed_denials_twin as _twin
from queries._run import UNBOUNDED, run

CONTEXT = {"@vocab": "https://schema.org/"}
ID_PREFIX = "urn:sckg:"


def claim_review_document(store: GraphStore) -> dict[str, Any]:
    """Every accepted denial in the graph as one JSON-LD document (``@graph`` of items)."""
    params = {"skip": 0, "limit": UNBOUNDED, "review_states": list(SHOWN_STATES)}
    rows = run(store, "reviewed_denials", params, _twin.twin)
    return {"@context": CONTEXT, "@graph": [claim_review(row) for row in rows]}


def claim_review(row: dict[str, Any]) -> dict[str, Any]:
    """One accepted denial (a row of ``reviewed_denials``) as a ClaimReview."""
    props, claim, source = row["props"], row["claim"], row["source"]
    asserted = sorted(row["asserted"] or [],
                      key=lambda a: (a["source"]["id"], (a["article"] or {}).get("id") or ""))
    item: dict[str, Any] = {
        "@type": "Claim",
        "@id": ID_PREFIX + claim["id"],
        "identifier": claim["id"],
        "text": claim.get("text"),
        "author": _unique([_party(a["source"]) for a in asserted]),
        "appearance": _unique([_work(a["article"]) for a in asserted if a["article"]]),
    }
    if row.get("event"):
        event = row["event"]
        item["about"] = _clean({"@type": "Event", "@id": ID_PREFIX + event["id"],
                                "identifier": event["id"], "name": event.get("name"),
                                "startDate": event.get("date")})
    article = row.get("article")
    review = {
        "@type": "ClaimReview",
        "@id": ID_PREFIX + props["id"],
        "identifier": props["id"],
        "claimReviewed": claim.get("text"),
        "itemReviewed": _clean(item),
        "author": _party(source),
        "reviewBody": props.get("evidence"),
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "worstRating": 1,
                         "bestRating": 5, "alternateName": "Denied"},
        "isBasedOn": _work(article) if article else None,
        "url": (article or {}).get("url"),
        "datePublished": (article or {}).get("published"),
        "editor": {"@type": "Person", "name": props.get("reviewed_by")},
        "dateModified": props.get("reviewed_at"),
    }
    if props.get("review_comment"):
        review["comment"] = {"@type": "Comment", "text": props["review_comment"],
                             "author": {"@type": "Person", "name": props.get("reviewed_by")}}
    return _clean(review)


def _party(source: dict[str, Any]) -> dict[str, Any]:
    kind = "Person" if source.get("kind") in ("person", "expert") else "Organization"
    return _clean({"@type": kind, "@id": ID_PREFIX + source["id"], "identifier": source["id"],
                   "name": source.get("name")})


def _work(article: dict[str, Any]) -> dict[str, Any]:
    return _clean({"@type": "CreativeWork", "@id": ID_PREFIX + article["id"],
                   "identifier": article["id"], "headline": article.get("title"),
                   "url": article.get("url"), "publisher": _publisher(article.get("outlet")),
                   "datePublished": article.get("published")})


def _publisher(outlet: str | None) -> dict[str, Any] | None:
    return {"@type": "Organization", "name": outlet} if outlet else None


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for one in items:
        seen.setdefault(one["@id"], one)
    return list(seen.values())


def _clean(value: dict[str, Any]) -> dict[str, Any]:
    """Without nulls and empty lists (JSON-LD drops them anyway; readers need not see them)."""
    return {k: v for k, v in value.items() if v is not None and v != []}
