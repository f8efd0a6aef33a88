"""The one schema of sckg, shared by ingest, the stores and the API.

Nodes are Actor, Event, Source, Claim and Article; edges are typed relationships
between node ids. Every node and edge id is derived from normalised content
(see :mod:`graph.ids`), so writing the same fragment twice changes nothing:
stores merge on id.

Rules a new contributor should know:

* Properties are flat and Neo4j-storable (strings, numbers, booleans, lists of
  strings); ``None`` means "unknown" and is never written over a known value.
* ``aliases`` lists are unions: a later mention adds spellings, never removes one.
* ASSERTS and DENIES edges must carry verbatim evidence with its article and
  character offsets, so an analyst can check every edge against the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Literal, NamedTuple

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator


class EdgeType(StrEnum):
    """Relationship types. Source→Claim account edges first, then structure."""

    ASSERTS = "ASSERTS"
    DENIES = "DENIES"
    OMITS = "OMITS"
    ABOUT = "ABOUT"  # Claim -> Event
    PARTICIPANT = "PARTICIPANT"  # Event -> Actor (role)
    MENTIONS = "MENTIONS"  # Claim -> Actor
    SPEAKS_FOR = "SPEAKS_FOR"  # Source -> Actor
    PUBLISHED_BY = "PUBLISHED_BY"  # Article -> Source
    REPORTS = "REPORTS"  # Article -> Event


ACCOUNT_EDGES = (EdgeType.ASSERTS, EdgeType.DENIES, EdgeType.OMITS)

# An analyst's word on an account edge (see :class:`Review`). A rejected edge, and one
# re-targeted (replaced by a corrected copy), drop out of what the queries show.
Verdict = Literal["accepted", "rejected", "retargeted"]
ReviewState = Literal["unreviewed", "accepted", "rejected", "retargeted"]
REVIEW_STATES: tuple[ReviewState, ...] = ("unreviewed", "accepted", "rejected", "retargeted")
SHOWN_STATES: tuple[ReviewState, ...] = ("unreviewed", "accepted")
HIDDEN_VERDICTS: tuple[Verdict, ...] = ("rejected", "retargeted")

# Which labels each edge type connects; stores and tests check against this.
EDGE_ENDS: dict[EdgeType, tuple[str, str]] = {
    EdgeType.ASSERTS: ("Source", "Claim"),
    EdgeType.DENIES: ("Source", "Claim"),
    EdgeType.OMITS: ("Source", "Claim"),
    EdgeType.ABOUT: ("Claim", "Event"),
    EdgeType.PARTICIPANT: ("Event", "Actor"),
    EdgeType.MENTIONS: ("Claim", "Actor"),
    EdgeType.SPEAKS_FOR: ("Source", "Actor"),
    EdgeType.PUBLISHED_BY: ("Article", "Source"),
    EdgeType.REPORTS: ("Article", "Event"),
}


def _iso_day(value: str | None) -> str | None:
    """An ISO day ``YYYY-MM-DD`` or None: Neo4j stores it as a date, so nothing vaguer."""
    if value is not None and (len(value) != 10 or _day(value) != value):
        raise ValueError(f"expected an ISO day YYYY-MM-DD, got {value!r}")
    return value


def _day(value: str) -> str | None:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


IsoDay = Annotated[str | None, AfterValidator(_iso_day)]


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: ClassVar[str]
    # Properties that merge as set unions instead of being overwritten.
    list_union: ClassVar[tuple[str, ...]] = ()

    id: str

    def properties(self) -> dict[str, Any]:
        """Neo4j-storable properties, ``None`` values left out."""
        return self.model_dump(exclude_none=True, exclude={"node_label"})


class Actor(_Node):
    """A person, state, organisation or armed force taking part in or named in events."""

    label: ClassVar[str] = "Actor"
    list_union: ClassVar[tuple[str, ...]] = ("aliases",)
    node_label: Literal["Actor"] = "Actor"

    name: str
    kind: str = "unknown"  # person | state | organisation | armed_forces | region | party | unknown
    aliases: list[str] = Field(default_factory=list)
    office: str | None = None
    country: str | None = None
    known: bool = False  # True when the actor comes from the curated gazetteer


class Event(_Node):
    """A dated happening: a call, meeting, visit, summit, statement or incident."""

    label: ClassVar[str] = "Event"
    list_union: ClassVar[tuple[str, ...]] = ("participant_names", "dates_given")
    node_label: Literal["Event"] = "Event"

    kind: str  # phone_call | meeting | visit | summit | statement | incident | ...
    name: str
    date: IsoDay = None  # ISO day; date_precision says how much of it the text gave
    # "reported": no date of its own in the text; the day of the report that tells of it
    # (the event happened that day or shortly before).
    date_precision: Literal["day", "month", "year", "reported", "unknown"] = "unknown"
    location: str | None = None
    participant_names: list[str] = Field(default_factory=list)
    # Every date an article's text gives the event, as "<ISO date> <precision> <article
    # id>": accounts that disagree (a call on the 27th in one report, the 28th in
    # another) are kept side by side; ``date`` is the one the event is filed under.
    dates_given: list[str] = Field(default_factory=list)


class Source(_Node):
    """Whoever gives an account: ministry, press service, agency, outlet, expert."""

    label: ClassVar[str] = "Source"
    list_union: ClassVar[tuple[str, ...]] = ("aliases",)
    node_label: Literal["Source"] = "Source"

    name: str
    kind: str = "unknown"
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    known: bool = False


class Claim(_Node):
    """One asserted point, as normalised text."""

    label: ClassVar[str] = "Claim"
    node_label: Literal["Claim"] = "Claim"

    text: str
    negated: bool | None = None  # True: the claim says something is not so ("there are no …")


class Article(_Node):
    """A text we ingested: the provenance behind every account edge."""

    label: ClassVar[str] = "Article"
    node_label: Literal["Article"] = "Article"

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: IsoDay = None
    language: str | None = None
    content_hash: str
    path: str | None = None
    length: int = 0


Node = Annotated[Actor | Event | Source | Claim | Article, Field(discriminator="node_label")]
NODE_TYPES: dict[str, type[_Node]] = {t.label: t for t in (Actor, Event, Source, Claim, Article)}


class Edge(BaseModel):
    """A typed relationship. Account edges (ASSERTS/DENIES/OMITS) carry their evidence."""

    model_config = ConfigDict(extra="forbid")

    id: str
    type: EdgeType
    start: str
    end: str
    evidence: str | None = None  # verbatim sentence or clause (OMITS: what it rests on)
    article_id: str | None = None
    start_char: int | None = None  # offsets of `evidence` in the article text
    end_char: int | None = None
    speaker_id: str | None = None  # the actor speaking inside the source's account
    confidence: float | None = None
    method: str | None = None  # rule | comparison | stated | human | ...
    # How the source gave the point: readout (part of its own full account of the
    # event), quote, tweet, own_voice, commentary, denial, agreement. Only readouts
    # are compared with each other to find omissions.
    frame: str | None = None
    role: str | None = None  # PARTICIPANT: initiator, counterpart, host, ...
    # OMITS by comparison: the accounts the source's was compared with, each
    # "<source id> <article id>" (the article where that source asserts the point).
    compared_with: list[str] | None = None
    # The analyst's word on an account edge (stamped by the store from its review log,
    # so it outlives a re-extraction); None: unreviewed.
    review: Verdict | None = None
    reviewed_by: str | None = None
    reviewed_at: str | None = None  # ISO date-time, UTC
    review_comment: str | None = None
    retargeted_from: str | None = None  # a reviewer's corrected copy: the edge it replaces

    @model_validator(mode="after")
    def _account_edges_have_provenance(self) -> Edge:
        if self.type in (EdgeType.ASSERTS, EdgeType.DENIES):
            missing = [
                f
                for f in ("evidence", "article_id", "start_char", "end_char")
                if getattr(self, f) is None
            ]
            if missing:
                raise ValueError(f"{self.type} edge {self.id} lacks {', '.join(missing)}")
        return self

    def properties(self) -> dict[str, Any]:
        """Neo4j-storable properties of the relationship (its id included)."""
        return self.model_dump(exclude_none=True, exclude={"type", "start", "end"}, mode="json")


class KeptText(BaseModel):
    """An ingested article's text and metadata, kept beside the graph (not a node of it).

    Why: what an article's points become depends on the articles read before it
    (which claim a wording joins, what a denial answers), so when older articles
    arrive after newer ones the graph is rebuilt from the kept texts in publication
    order; and an analyst reads each edge's evidence in its article's own text.
    """

    model_config = ConfigDict(extra="forbid")

    article_id: str
    content_hash: str
    origin: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date
    language: str | None = None
    ingested: bool = False
    """Filled on reading: whether the graph holds the article (a rebuild clears it)."""

    def stored(self) -> dict[str, Any]:
        """What a store keeps: everything but ``ingested``, which it answers itself."""
        return self.model_dump(exclude={"ingested"})


class Review(BaseModel):
    """One analyst's verdict on one account edge, kept beside the graph in a log.

    Why a log and not only the edge's properties: edges are made again by every
    re-extraction, and a rebuild deletes them all; the store stamps each edge it writes
    with its latest review (``Edge.review`` and the fields after it), so an analyst's
    word outlives both.
    A re-target keeps the corrected copy (``replacement``), which the graph gets back
    wherever the original edge and the copy's ends are held.
    """

    model_config = ConfigDict(extra="forbid")

    id: str
    edge_id: str
    edge_type: EdgeType
    source_id: str  # the edge's ends when reviewed
    claim_id: str
    verdict: Verdict
    reviewer: str
    at: str  # ISO date-time, UTC
    comment: str | None = None
    replacement: Edge | None = None  # retargeted: the corrected edge

    def sort_key(self) -> tuple[str, str]:
        """Latest last: by time, then id (two reviews in one instant keep one order)."""
        return (self.at, self.id)


class GraphFragment(BaseModel):
    """Nodes and edges written together, in one transaction, with their articles' texts.

    ``recompute_omissions`` names events whose derived OMITS edges are replaced
    by the ones in this fragment (a new account of an event changes what the
    other accounts left out).
    """

    model_config = ConfigDict(extra="forbid")

    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    recompute_omissions: list[str] = Field(default_factory=list)
    texts: list[KeptText] = Field(default_factory=list)
    reviews: list[Review] = Field(default_factory=list)

    def extend(self, other: GraphFragment) -> None:
        self.nodes.extend(other.nodes)
        self.edges.extend(other.edges)
        self.recompute_omissions.extend(other.recompute_omissions)
        self.texts.extend(other.texts)
        self.reviews.extend(other.reviews)


class ExportNode(BaseModel):
    """A node in the interchange/export format (see shared eval README)."""

    id: str
    labels: list[str]
    properties: dict[str, Any]


class ExportRelationship(BaseModel):
    id: str
    type: str
    start: str
    end: str
    properties: dict[str, Any]


class GraphExport(BaseModel):
    """The JSON export: ``{"nodes": [...], "relationships": [...]}``."""

    nodes: list[ExportNode] = Field(default_factory=list)
    relationships: list[ExportRelationship] = Field(default_factory=list)


class ExportStream(NamedTuple):
    """The whole graph as it is read, a page at a time: every node, then every
    relationship (both stores give the same order: nodes by type in the order of
    ``NODE_TYPES``, then id; relationships by their start node in that order, then id)."""

    nodes: Iterator[ExportNode]
    relationships: Iterator[ExportRelationship]


class AccountEdge(BaseModel):
    """An ASSERTS/DENIES/OMITS edge seen from its claim: used to reason across articles."""

    type: EdgeType
    source_id: str
    evidence: str | None = None
    article_id: str | None = None
    method: str | None = None
    frame: str | None = None


class ClaimRecord(BaseModel):
    """A claim already in the store with the accounts that touch it."""

    claim: Claim
    event_id: str
    accounts: list[AccountEdge] = Field(default_factory=list)
