"""Result models of the named queries and analytics: the shape both stores answer in.

Every list in a result is in a stated, deterministic order with ties broken by
id, so the embedded store and Neo4j give byte-identical answers (the parity
tests compare ``model_dump()`` of both). Dates are ISO strings as stored; an
undated event sorts after every dated one wherever results are "newest first".
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

AccountType = Literal["ASSERTS", "DENIES", "OMITS"]
CellStatus = Literal["asserted", "denied", "omitted", "silent"]
SearchLabel = Literal["Actor", "Source", "Event", "Claim"]


class _Result(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EvidenceRef(_Result):
    """One account edge (Source -ASSERTS/DENIES/OMITS-> Claim) with its provenance."""

    edge_id: str
    source_id: str
    source_name: str | None = None
    type: AccountType
    evidence: str | None = None
    article_id: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    speaker_id: str | None = None
    confidence: float | None = None
    method: str | None = None  # rule | comparison | stated | human
    # OMITS by comparison: the accounts compared with, "<source id> <article id>" each.
    compared_with: list[str] | None = None
    # An analyst's verdict (graph.review); None: unreviewed.
    review: Literal["accepted", "rejected", "retargeted"] | None = None
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    review_comment: str | None = None
    retargeted_from: str | None = None  # a reviewer's corrected copy of this edge id


class EventRef(_Result):
    id: str
    name: str | None = None
    kind: str | None = None
    date: str | None = None
    # "<ISO date> <precision> <article id>" for each date a report gives the event;
    # more than one distinct date means the reports disagree (see graph.model.Event).
    dates_given: list[str] = []


class SourceRef(_Result):
    id: str
    name: str | None = None


class ActorRef(_Result):
    id: str
    name: str | None = None


class ClaimRef(_Result):
    id: str
    text: str | None = None


class DeniedClaim(_Result):
    """A claim some source asserts and another denies. Evidence lists by (source_id, edge_id)."""

    claim_id: str
    claim_text: str | None = None
    event_id: str | None = None
    event_name: str | None = None
    event_date: str | None = None
    asserted_by: list[EvidenceRef]
    denied_by: list[EvidenceRef]
    reviewed: int = 0  # how many of these edges carry a reviewer's verdict


class Omission(_Result):
    """A point ``source_id`` left out of its account that other sources asserted."""

    claim_id: str
    claim_text: str | None = None
    event_id: str | None = None
    event_name: str | None = None
    event_date: str | None = None
    source_id: str  # the source whose account omits the claim
    source_name: str | None = None
    omitted_by: list[EvidenceRef]  # the OMITS edges of that source (what the finding rests on)
    asserted_by: list[EvidenceRef]  # the other sources' ASSERTS edges


class ComparisonCell(_Result):
    """One claim × source cell; ``silent`` means the source gave no account of the claim."""

    claim_id: str
    source_id: str
    status: CellStatus
    evidence: list[EvidenceRef]


class ReadoutComparison(_Result):
    """Claims × sources for one event; cells ordered as claims, then sources."""

    event: EventRef
    sources: list[SourceRef]  # every source with an account or an article of the event, by id
    claims: list[ClaimRef]  # the page of claims, by id
    cells: list[ComparisonCell]
    total_claims: int
    reviewed: int = 0  # how many account edges of these cells carry a reviewer's verdict


class CorroboratedClaim(_Result):
    """A claim asserted by two sources that speak for different actors; newest event first."""

    claim_id: str
    claim_text: str | None = None
    event_id: str | None = None
    event_name: str | None = None
    event_date: str | None = None
    actors: list[ActorRef]  # actors the asserting sources speak for, by id
    asserted_by: list[EvidenceRef]


class ContestedEvent(_Result):
    """An event ranked by disagreement: ``score = 2 * denials + omissions``."""

    event_id: str
    name: str | None = None
    kind: str | None = None
    date: str | None = None
    claims: int
    denials: int
    omissions: int
    score: int
    # Account edges on its claims with a reviewer's verdict, rejected ones included
    # (denials and omissions count the standing edges only).
    reviewed: int = 0


class DatedEvent(ContestedEvent):
    """An event on the timeline: its counts, and how many sources gave an account of it."""

    sources: int


class SourceRelation(_Result):
    """How ``source_a`` treats ``source_b``'s asserted claims (counts of distinct claims).

    ``corroborates`` (both assert) is symmetric; ``denies`` and ``omits`` count
    claims ``source_b`` asserts that ``source_a`` denies or omits.
    """

    source_a: str
    source_a_name: str | None = None
    source_b: str
    source_b_name: str | None = None
    corroborates: int
    denies: int
    omits: int


class TimelineEntry(_Result):
    """One event involving the actor: as participant (``role``) or named in its claims."""

    event_id: str
    event_name: str | None = None
    event_kind: str | None = None
    event_date: str | None = None
    participant: bool
    role: str | None = None
    claims: list[ClaimRef]  # claims about the event that mention the actor, by id


class ProvenanceItem(_Result):
    """One account edge behind a claim with its article and quote offsets."""

    edge_id: str
    type: AccountType
    source_id: str
    source_name: str | None = None
    article_id: str | None = None
    article_title: str | None = None
    article_url: str | None = None
    outlet: str | None = None
    published: str | None = None
    evidence: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    speaker_id: str | None = None
    speaker_name: str | None = None
    confidence: float | None = None
    method: str | None = None
    compared_with: list[str] | None = None  # OMITS by comparison, as on EvidenceRef
    review: Literal["accepted", "rejected", "retargeted"] | None = None  # as on EvidenceRef
    reviewed_by: str | None = None
    retargeted_from: str | None = None


class ClaimProvenance(_Result):
    """Everything behind a claim; items by (type, source_id, article_id, start_char, edge_id)."""

    claim_id: str
    claim_text: str | None = None
    event_id: str | None = None
    event_name: str | None = None
    event_date: str | None = None
    items: list[ProvenanceItem]
    total_items: int


class ArticleEvidence(_Result):
    """An ASSERTS or DENIES edge whose evidence is in the article, at its offsets."""

    edge_id: str
    type: Literal["ASSERTS", "DENIES"]
    source_id: str
    source_name: str | None = None
    claim_id: str
    claim_text: str | None = None
    evidence: str | None = None
    start_char: int | None = None
    end_char: int | None = None
    speaker_id: str | None = None
    confidence: float | None = None
    method: str | None = None
    review: Literal["accepted", "rejected", "retargeted"] | None = None  # as on EvidenceRef


class ArticleView(_Result):
    """An article's text with the edges quoting it, by offset (then edge id).

    ``text`` is the article as ingested (``text[start_char:end_char] == evidence``);
    None for an article ingested before sckg kept texts.
    """

    article_id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    text: str | None = None
    items: list[ArticleEvidence]
    total_items: int


class QueueItem(_Result):
    """An unreviewed account edge waiting for a reviewer, with what it is about."""

    edge: EvidenceRef
    priority: int  # 0 DENIES, 1 OMITS, 2 ASSERTS on a claim someone denies or omits
    claim_id: str
    claim_text: str | None = None
    event_id: str | None = None
    event_name: str | None = None
    event_date: str | None = None


class ReviewQueue(_Result):
    """A page of the review queue and how many edges wait in all."""

    total: int
    items: list[QueueItem]


class SearchHit(_Result):
    """A node whose name/text/alias contains the query; ranked by score, label, id."""

    id: str
    label: SearchLabel
    title: str
    score: float


# -- analytics -------------------------------------------------------------


class SignedEdge(_Result):
    """An undirected source pair; ``sign`` is +1 when corroboration outweighs conflict."""

    source_a: str
    source_b: str
    corroborates: int
    denies: int
    omits: int
    weight: int  # corroborates - denies - omits, both directions summed
    sign: Literal[-1, 1]


class SignedNetwork(_Result):
    """The signed source network with its camps and structural balance."""

    nodes: list[SourceRef]
    edges: list[SignedEdge]
    camps: list[list[str]]  # source ids; camps by size desc, then first id
    balance: float  # share of balanced triangles; 1.0 when there are none
    triangles: int


class ActorCentrality(_Result):
    """An actor's place in the co-participation network of events."""

    actor_id: str
    name: str | None = None
    events: int
    degree: float
    betweenness: float
    pagerank: float
