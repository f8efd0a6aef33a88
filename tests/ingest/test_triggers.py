# ruff: noqa: E501  (article paragraphs are one line each, as published)
"""Event words read off the parse: which words name a call, a meeting, a visit or an
incident, and which look like one and are not.

Every sentence here is written for the test; none comes from an article.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.entities import ArticleEntities
from ingest.events import event_mentions
from ingest.gazetteer import load
from ingest.nlp import parse
from ingest.segment import segment
from ingest.triggers import RuleError, Trigger, find_triggers, parse_rule
from tests.ingest.test_extraction_corpus import doc, ingest


def triggers(text: str) -> list[Trigger]:
    return find_triggers(parse(text))


def kinds(text: str) -> set[str]:
    return {t.kind for t in triggers(text)}


@pytest.mark.parametrize("text", [
    "The two foreign ministers met in Vienna.",
    "The foreign minister meets his counterpart in Vienna.",
    "The meeting of the two foreign ministers lasted three hours.",
    "The two delegations held talks in Vienna.",
])
def test_every_form_of_a_meeting_word_is_a_meeting(text: str) -> None:
    assert "meeting" in kinds(text)


def test_meeting_a_standard_is_no_meeting() -> None:
    assert "meeting" not in kinds("The minister said the new law meets the standard.")


@pytest.mark.parametrize("text", [
    "On Monday, the Secretary called the President.",
    "The two leaders spoke by phone about the border.",
    "The prime minister spoke with the chancellor late on Friday.",
    "They discussed the border during their video call.",
])
def test_calls_are_read_by_their_sense(text: str) -> None:
    assert "phone_call" in kinds(text)


@pytest.mark.parametrize("text", [
    "The ministry called for restraint on both sides.",
    "The envoy called on the parties to respect the ceasefire.",
    "The spokesman called the report a fabrication.",
    "The ambassador recalled the long history of the talks.",
    "The statement calls into question the whole process.",
])
def test_what_only_looks_like_a_call_is_none(text: str) -> None:
    assert "phone_call" not in kinds(text)


def test_a_ceasefire_violation_is_an_incident_however_it_is_worded() -> None:
    assert "incident" in kinds("A ceasefire violation was recorded near the village.")
    assert "incident" in kinds("Violations of the ceasefire were recorded near the village.")
    assert "incident" not in kinds("The ceasefire was agreed near the village.")


def test_a_meeting_still_to_come_is_planned() -> None:
    (found,) = [t for t in triggers("The two ministers agreed to meet next month.")
                if t.kind == "meeting"]
    assert found.planned
    (held,) = [t for t in triggers("The two ministers met last month.") if t.kind == "meeting"]
    assert not held.planned


def test_the_call_points_back_and_the_summit_in_a_city_does_not() -> None:
    (pointer,) = triggers("The call lasted an hour.")
    assert pointer.pointer and pointer.words == ("call",)
    (told,) = [t for t in triggers("They spoke at the summit in Riga on 3 May.")
               if t.kind == "summit"]
    assert not told.pointer


def test_the_words_that_make_an_event_word_come_with_it() -> None:
    (found,) = [t for t in triggers("The ministers held talks in Baku.") if t.kind == "meeting"]
    assert found.words == ("talks", "held")


@pytest.mark.parametrize("line", ["meet", "meet ADVERB", "meet VERB with", "meet VERB +"])
def test_a_malformed_rule_names_the_file_and_the_line(line: str) -> None:
    with pytest.raises(RuleError, match=r"events\.yaml, meeting: .*meet"):
        parse_rule("meeting", line)


def test_a_visit_still_to_come_is_no_event_of_the_article() -> None:
    g = ingest(doc("visit_to_come", "2025-03-04", "Caucasus Ledger", """
Azerbaijani President Ilham Aliyev will visit Tbilisi next week to meet Georgian Prime Minister Irakli Kobakhidze, his office said.
"""))
    assert not g.events()


def test_calling_on_two_ministers_to_talk_is_no_call_between_them() -> None:
    text = ("The EU envoy called on Armenian Foreign Minister Ararat Mirzoyan and Azerbaijani "
            "Foreign Minister Jeyhun Bayramov to resume work on the border commission.\n")
    ents = ArticleEntities(text, load(), date(2025, 3, 4), parse(text))
    assert not event_mentions(segment(text), ents)


@pytest.mark.parametrize("text", [
    "Mirzoyan received his Georgian counterpart in Yerevan on Tuesday.",
    "Aliyev received the Georgian Foreign Minister in Baku.",
    "Pashinyan hosted the Iranian delegation in Yerevan.",
])
def test_a_host_receiving_a_visitor_is_a_meeting(text: str) -> None:
    assert kinds(text) == {"meeting"}


@pytest.mark.parametrize("text", [
    "The ministry received a letter from the embassy.",
    "Yerevan hosted the European film festival.",
    "The minister received an award in Paris.",
])
def test_receiving_a_thing_is_no_meeting(text: str) -> None:
    assert "meeting" not in kinds(text)
