# ruff: noqa: E501  (article paragraphs are one line each, as published)
"""Dated statements are events of their own; agency datelines date what they relay.

The articles are written for these tests; no sentence comes from a real one.
"""

from __future__ import annotations

from tests.ingest.test_attribution_scope import sources_of
from tests.ingest.test_extraction_corpus import doc, ingest

LEDGER = "Caucasus Ledger"
MFA_AM = "Ministry of Foreign Affairs of Armenia"


def events_of(g: object) -> list[dict[str, object]]:
    return g.events()  # type: ignore[attr-defined,no-any-return]


def about(g: object, words: str) -> set[str]:
    """(kind, date) of the events the claim holding ``words`` is ABOUT."""
    export = g.export  # type: ignore[attr-defined]
    nodes = {n.id: n.properties for n in export.nodes}
    return {f"{nodes[r.end].get('kind')} {nodes[r.end].get('date')}" for r in export.relationships
            if r.type == "ABOUT" and words in str(nodes[r.start].get("text"))}


def test_a_statement_dated_by_its_verb_is_an_event_its_points_are_about() -> None:
    g = ingest(doc("dated_statement", "2024-03-06", LEDGER, """
The Armenian Foreign Ministry said on Tuesday that the border commissions would meet in Yerevan later this month.

The ministry added that the agenda of the meeting had already been agreed.
"""))
    assert about(g, "border commissions would meet") == {"statement 2024-03-05"}
    assert about(g, "agenda of the meeting") == {"statement 2024-03-05"}
    assert sources_of(g, "agenda of the meeting") == {MFA_AM}


def test_a_press_conference_is_where_the_statement_was_made() -> None:
    g = ingest(doc("press_conference", "2024-03-06", LEDGER, """
Armenian Foreign Minister Ararat Mirzoyan told a press conference on Monday that the peace treaty was almost ready.
"""))
    assert about(g, "peace treaty was almost ready") == {"press_conference 2024-03-04"}


def test_an_agency_dateline_dates_the_statement_it_relays() -> None:
    g = ingest(doc("dateline", "2024-03-07", LEDGER, """
YEREVAN, March 6. /Caucasus Ledger/. Armenian Foreign Minister Ararat Mirzoyan said that the peace treaty was almost ready.
"""))
    assert about(g, "peace treaty was almost ready") == {"statement 2024-03-06"}


def test_a_verbless_agency_lede_names_its_speaker_after_the_comma() -> None:
    g = ingest(doc("appended_speaker", "2024-03-07", LEDGER, """
YEREVAN, March 6. /Caucasus Ledger/. Yerevan is ready to sign the peace treaty within a month, Armenian Foreign Minister Ararat Mirzoyan.

"The text is almost agreed," he said.
"""))
    assert sources_of(g, "sign the peace treaty within a month") == {"Ararat Mirzoyan"}
    assert sources_of(g, "text is almost agreed") == {"Ararat Mirzoyan"}


def test_an_undated_statement_is_dated_by_the_report_that_tells_of_it() -> None:
    g = ingest(doc("undated_statement", "2024-03-06", LEDGER, """
The Armenian Foreign Ministry said that the border commissions would meet in Yerevan later this month.
"""))
    (event,) = [e for e in events_of(g) if e["kind"] == "statement"]
    assert (event["date"], event["date_precision"]) == ("2024-03-06", "reported")


def test_an_undated_statement_in_a_report_of_a_call_is_about_the_call() -> None:
    g = ingest(doc("statement_on_call", "2024-03-06", LEDGER, """
Armenian Foreign Minister Ararat Mirzoyan and Iranian Foreign Minister Hossein Amir-Abdollahian held a phone call on Tuesday.

The Armenian Foreign Ministry said that the ministers had discussed the opening of regional transport links.
"""))
    assert not [e for e in events_of(g) if e["kind"] == "statement"]
    assert about(g, "regional transport links") == {"phone_call 2024-03-05"}


def test_a_name_closing_a_list_of_people_met_is_not_a_speaker() -> None:
    g = ingest(doc("list_of_people", "2023-10-03", LEDGER, """
Georgian Foreign Minister Ilia Darchiashvili met the European Commissioner for Enlargement and the European Commissioner for Justice, Didier Reynders.
"""))
    assert "Didier Reynders" not in g.sources()
