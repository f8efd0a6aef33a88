# ruff: noqa: E501  (article paragraphs are one line each, as published)
"""Nodes written once per batch keep what every article says of them; who counts as an actor."""

from __future__ import annotations

from tests.ingest.test_extraction_corpus import doc, ingest

MOD_AZ = "Ministry of Defence of Azerbaijan"


def test_every_spelling_in_one_batch_becomes_an_alias() -> None:
    first = doc("spelling_one", "2023-03-06", "Caucasus Ledger", """
Azerbaijan's Defence Ministry said on Monday that its positions near the border had come under fire during the night.
""")
    second = doc("spelling_two", "2023-03-07", "Caucasus Ledger", """
The Azerbaijani Defense Ministry said on Tuesday that the situation on the border had been calm since the morning.
""")
    g = ingest(first, second, batch_size=10)
    (node,) = [n.properties for n in g.export.nodes
               if "Source" in n.labels and n.properties["name"] == MOD_AZ]
    aliases = set(node["aliases"])  # type: ignore[call-overload]
    assert {"Azerbaijan's Defence Ministry", "Azerbaijani Defense Ministry"} <= aliases


def actors_mentioned(g: object, claim_words: str) -> set[str]:
    export = g.export  # type: ignore[attr-defined]
    names = {n.id: n.properties.get("name") or n.properties.get("text") for n in export.nodes}
    return {str(names[r.end]) for r in export.relationships
            if r.type == "MENTIONS" and claim_words in str(names[r.start])}


def test_a_body_named_in_a_claim_is_an_actor_but_a_ministry_speaking_is_a_voice() -> None:
    g = ingest(doc("body_named", "2024-09-18", "Caucasus Ledger", """
The Georgian Foreign Ministry said on Wednesday that the State Security Service of Georgia had detained two suspects near the border.
"""))
    mentioned = actors_mentioned(g, "detained two suspects")
    assert "State Security Service of Georgia" in mentioned
    assert "Ministry of Foreign Affairs of Georgia" not in mentioned


def test_a_state_agency_narrating_in_its_own_voice_gives_no_readout_to_omit_from() -> None:
    from tests.ingest.test_extraction_corpus import AM_MFA_READOUT

    agency = doc("agency_own_voice", "2023-06-02", "APA", """
On 1 June, Foreign Minister Jeyhun Bayramov had a telephone conversation with Armenian Foreign Minister Ararat Mirzoyan.

The ministers discussed the preparations for the next round of talks in Washington.

The sides also exchanged views on the work of the border commissions.
""")
    g = ingest(AM_MFA_READOUT, agency)
    assert "APA" not in {source for source, _, _ in g.edges("OMITS")}
