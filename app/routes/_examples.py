"""Response examples for the OpenAPI document, built from the result models.

Constructing the models (rather than writing dicts) keeps every example valid
against the schema it illustrates: a renamed field breaks here, at import.
The story is the one the project started from: the Blinken–Aliyev phone call
of 25 July 2022 as president.az and the State Department told it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from graph.model import ExportNode, ExportRelationship, GraphExport
from queries.results import (
    ActorRef,
    ArticleEvidence,
    ArticleView,
    ClaimProvenance,
    ClaimRef,
    ComparisonCell,
    ContestedEvent,
    CorroboratedClaim,
    DatedEvent,
    DeniedClaim,
    EventRef,
    EvidenceRef,
    Omission,
    ProvenanceItem,
    ReadoutComparison,
    SearchHit,
    SourceRef,
    SourceRelation,
    TimelineEntry,
)

EVENT = "event:phone_call:2022-07-25:5c1d0e9a7b"
CLAIM = "claim:0f3a9c2e71b4d8a6"
CLAIM_2 = "claim:7be21c9d04a5f318"
PRESIDENT_AZ = "source:president-az"
STATE_DEPT = "source:us-state-department"
HAQQIN = "source:haqqin-az"
BLINKEN = "actor:antony-blinken"
ALIYEV = "actor:ilham-aliyev"
ARTICLE = "article:ef7c67a49ba8b29f"
CLAIM_TEXT = "the sides discussed the work of the OSCE Minsk Group"


def dump(model: BaseModel | list[Any]) -> Any:
    """JSON-ready form of a model or a list of models."""
    if isinstance(model, list):
        return [dump(item) for item in model]
    return model.model_dump(mode="json")


def page(items: list[Any], limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """The :class:`app.routes._models.Page` envelope around example items."""
    return {"items": dump(items), "limit": limit, "offset": offset, "next_offset": None}


ASSERTS = EvidenceRef(
    edge_id="rel:a41c0d9e2f7b6a15",
    source_id=STATE_DEPT,
    source_name="US State Department",
    type="ASSERTS",
    evidence="The Secretary and President Aliyev discussed the OSCE Minsk Group.",
    article_id=ARTICLE,
    start_char=812,
    end_char=878,
    speaker_id=BLINKEN,
    confidence=0.9,
    method="rule",
)
DENIES = EvidenceRef(
    edge_id="rel:c3e9b1a0d4f27c88",
    source_id=HAQQIN,
    source_name="Haqqin.az",
    type="DENIES",
    evidence="The Minsk Group was not discussed during the conversation.",
    article_id=ARTICLE,
    start_char=1430,
    end_char=1489,
    confidence=0.8,
    method="rule",
)
OMITS = EvidenceRef(
    edge_id="rel:9d2f6b3e1a0c4d57",
    source_id=PRESIDENT_AZ,
    source_name="president.az",
    type="OMITS",
    evidence="The Azerbaijani readout does not mention the Minsk Group.",
    article_id=ARTICLE,
    method="comparison",
)

DENIED = [
    DeniedClaim(
        claim_id=CLAIM,
        claim_text=CLAIM_TEXT,
        event_id=EVENT,
        event_name="Blinken–Aliyev phone call",
        event_date="2022-07-25",
        asserted_by=[ASSERTS],
        denied_by=[DENIES],
    )
]
OMISSIONS = [
    Omission(
        claim_id=CLAIM,
        claim_text=CLAIM_TEXT,
        event_id=EVENT,
        event_name="Blinken–Aliyev phone call",
        event_date="2022-07-25",
        source_id=PRESIDENT_AZ,
        source_name="president.az",
        omitted_by=[OMITS],
        asserted_by=[ASSERTS],
    )
]
COMPARISON = ReadoutComparison(
    event=EventRef(
        id=EVENT, name="Blinken–Aliyev phone call", kind="phone_call", date="2022-07-25"
    ),
    sources=[
        SourceRef(id=PRESIDENT_AZ, name="president.az"),
        SourceRef(id=STATE_DEPT, name="US State Department"),
    ],
    claims=[ClaimRef(id=CLAIM, text=CLAIM_TEXT)],
    cells=[
        ComparisonCell(claim_id=CLAIM, source_id=PRESIDENT_AZ, status="omitted", evidence=[OMITS]),
        ComparisonCell(claim_id=CLAIM, source_id=STATE_DEPT, status="asserted", evidence=[ASSERTS]),
    ],
    total_claims=1,
)
CORROBORATED = [
    CorroboratedClaim(
        claim_id=CLAIM_2,
        claim_text="the sides discussed the peace treaty",
        event_id=EVENT,
        event_name="Blinken–Aliyev phone call",
        event_date="2022-07-25",
        actors=[
            ActorRef(id=ALIYEV, name="Ilham Aliyev"),
            ActorRef(id=BLINKEN, name="Antony Blinken"),
        ],
        asserted_by=[
            ASSERTS.model_copy(update={"source_id": PRESIDENT_AZ, "source_name": "president.az"}),
            ASSERTS,
        ],
    )
]
CONTESTED = [
    ContestedEvent(
        event_id=EVENT,
        name="Blinken–Aliyev phone call",
        kind="phone_call",
        date="2022-07-25",
        claims=4,
        denials=1,
        omissions=2,
        score=4,
    )
]
TIMELINE_EVENTS = [
    DatedEvent(**CONTESTED[0].model_dump(), sources=3),
    DatedEvent(event_id="event:statement:undated:1a2b3c4d5e", name="Zakharova statement",
               kind="statement", date=None, claims=2, denials=0, omissions=0, score=0,
               sources=1),
]
RELATIONS = [
    SourceRelation(
        source_a=HAQQIN,
        source_a_name="Haqqin.az",
        source_b=STATE_DEPT,
        source_b_name="US State Department",
        corroborates=0,
        denies=1,
        omits=0,
    )
]
TIMELINE = [
    TimelineEntry(
        event_id=EVENT,
        event_name="Blinken–Aliyev phone call",
        event_kind="phone_call",
        event_date="2022-07-25",
        participant=True,
        role="counterpart",
        claims=[ClaimRef(id=CLAIM, text=CLAIM_TEXT)],
    )
]
PROVENANCE = ClaimProvenance(
    claim_id=CLAIM,
    claim_text=CLAIM_TEXT,
    event_id=EVENT,
    event_name="Blinken–Aliyev phone call",
    event_date="2022-07-25",
    items=[
        ProvenanceItem(
            edge_id=ASSERTS.edge_id,
            type="ASSERTS",
            source_id=STATE_DEPT,
            source_name="US State Department",
            article_id=ARTICLE,
            article_title="Blinken and Aliyev discuss peace talks",
            outlet="JAMnews",
            published="2022-07-26",
            evidence=ASSERTS.evidence,
            start_char=812,
            end_char=878,
            speaker_id=BLINKEN,
            speaker_name="Antony Blinken",
            confidence=0.9,
            method="rule",
        )
    ],
    total_items=1,
)
ARTICLE_TEXT = (
    "Secretary Blinken spoke with President Aliyev on July 25. The Secretary discussed "
    "the OSCE Minsk Group and urged the release of the remaining Armenian detainees."
)
ARTICLE_VIEW = ArticleView(
    article_id=ARTICLE,
    title="Blinken and Aliyev discuss peace talks",
    outlet="JAMnews",
    published="2022-07-26",
    text=ARTICLE_TEXT,
    items=[
        ArticleEvidence(
            edge_id=ASSERTS.edge_id,
            type="ASSERTS",
            source_id=STATE_DEPT,
            source_name="US State Department",
            claim_id=CLAIM,
            claim_text=CLAIM_TEXT,
            evidence="The Secretary discussed the OSCE Minsk Group",
            start_char=ARTICLE_TEXT.index("The Secretary discussed"),
            end_char=ARTICLE_TEXT.index(" and urged"),
            speaker_id=BLINKEN,
            confidence=0.9,
            method="rule",
        )
    ],
    total_items=1,
)
SEARCH = [SearchHit(id=BLINKEN, label="Actor", title="Antony Blinken", score=3.0)]

NODE = ExportNode(
    id=BLINKEN,
    labels=["Actor"],
    properties={
        "id": BLINKEN,
        "name": "Antony Blinken",
        "kind": "person",
        "aliases": ["Anthony J. Blinken", "@SecBlinken"],
        "office": "US Secretary of State",
        "country": "US",
        "known": True,
    },
)
EXPORT = GraphExport(
    nodes=[
        NODE,
        ExportNode(
            id=EVENT,
            labels=["Event"],
            properties={
                "id": EVENT,
                "kind": "phone_call",
                "name": "Blinken–Aliyev phone call",
                "date": "2022-07-25",
                "date_precision": "day",
            },
        ),
    ],
    relationships=[
        ExportRelationship(
            id="rel:5a8e0c1f9b2d3e47",
            type="PARTICIPANT",
            start=EVENT,
            end=BLINKEN,
            properties={"id": "rel:5a8e0c1f9b2d3e47", "role": "initiator"},
        )
    ],
)
